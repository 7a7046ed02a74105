// alias-agency: an agency written as an alias instead of its registry name.
import { registryFor, scalarText } from './lib.js';

export default function aliasAgency(input, _options, context) {
  const text = scalarText(input);
  if (text === undefined) return [];
  const resolution = registryFor(context.document)?.resolve(text);
  if (!resolution?.viaAlias) return [];
  return [{ message: `"${text}" is an alias: write "${scalarText(resolution.agency.name)}"` }];
}
