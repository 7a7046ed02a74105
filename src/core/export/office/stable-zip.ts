// Word and Excel files are ZIP archives that their libraries stamp with the time of writing (each
// entry's date, and the document's created/modified properties). Stamped with the plan's date
// instead, the same plan gives the same bytes: a file regenerated in CI shows no change in git, and
// a write interrupted and done again is recognised as the same file.
import JSZip from 'jszip';

export async function stampedWith(bytes: Uint8Array, day: string): Promise<Uint8Array> {
  const date = new Date(`${day}T00:00:00Z`);
  const source = await JSZip.loadAsync(bytes);
  const target = new JSZip();
  // In the order written, which the libraries keep the same from run to run.
  for (const entry of Object.values(source.files)) {
    if (entry.dir) continue;
    let content = await entry.async('uint8array');
    if (entry.name === 'docProps/core.xml') {
      const xml = new TextDecoder().decode(content).replace(/(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${date.toISOString().replace(/\.\d{3}Z$/, 'Z')}$2`);
      content = new TextEncoder().encode(xml);
    }
    target.file(entry.name, content, { date, createFolders: false });
  }
  return target.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
