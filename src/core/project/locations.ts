// Where files are, as the project reasons about it: locations are `/`-separated — an absolute
// path (a Windows drive kept), a URI, or a path relative to a working folder ('' is that folder).
// One notion of a location's root, folder and ancestors serves which configuration and registry
// govern a file, a configuration's registry, and where a host should look for either.

/** What no `..` climbs above: a URI's scheme and authority (file://host), a drive (C:), or nothing. */
function rootOf(location: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(location)?.[0] ?? /^[a-z]:/i.exec(location)?.[0] ?? '';
}

/** The folder of a location ('' for a bare name). */
export function folderOf(location: string): string {
  const normal = location.replace(/\\/g, '/');
  const slash = normal.lastIndexOf('/');
  return slash < 0 ? '' : normal.slice(0, slash);
}

/** Whether `folder` is `ancestor` or lies below it ('' is the root of relative paths). */
export function isWithin(folder: string, ancestor: string): boolean {
  // '' is the working folder of relative paths: an ancestor of every other relative path.
  if (ancestor === '') return !folder.startsWith('/') && !/^[a-z]:/i.test(folder);
  return folder === ancestor || folder.startsWith(`${ancestor}/`);
}

/** `relative` read from the folder of `from`, `.` and `..` resolved; above a root `..` stays put, above a relative start it is kept. */
export function joinRelative(from: string, relative: string): string {
  if (relative.startsWith('/')) return relative;
  const folder = folderOf(from);
  const root = rootOf(folder);
  const rest = folder.slice(root.length);
  const absolute = root !== '' || rest.startsWith('/');
  const segments = rest.split('/').filter((segment) => segment !== '');
  for (const segment of relative.replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && segments.length > 0 && segments[segments.length - 1] !== '..') segments.pop();
    else if (segment !== '..' || !absolute) segments.push(segment);
  }
  return absolute ? `${root}/${segments.join('/')}` : segments.join('/');
}

/**
 * Where a file named one of `names` may be for the files in `folder`, nearest first: the folder,
 * then each folder above it to the root, both names in each. Hosts look for these in order and
 * take the first that exists (the command line), or add every one they find and let the project
 * pick the nearest for each file (the editor): either way the engine says where to look.
 */
export function candidatesAbove(folder: string, names: readonly string[]): string[] {
  const found: string[] = [];
  const root = rootOf(folder);
  let rest = folder.slice(root.length).replace(/\/+$/, '');
  for (;;) {
    for (const name of names) found.push(`${root}${rest}/${name}`);
    if (rest === '') return found;
    rest = rest.slice(0, rest.lastIndexOf('/'));
  }
}
