// unknown-agency: an agency item that the registry knows neither by name nor by alias.
// With no registry anywhere, one finding per file (at its first agency), as taskmatrix does.
import { agencyTexts, registryFor, scalarText } from './lib.js';

export default function unknownAgency(input, _options, context) {
  const text = scalarText(input);
  if (text === undefined) return [];
  const registry = registryFor(context.document);
  if (!registry) {
    const first = firstAgencyPath(context.document.data);
    const here = context.path.join('/');
    return first && first.join('/') === here ? [{ message: `"${text}": no agency registry (agencies.yaml) found for this file` }] : [];
  }
  if (registry.resolve(text)) return [];
  return [{ message: `"${text}" is not in the registry ${registry.path}` }];
}

function firstAgencyPath(root) {
  const chapters = Array.isArray(root?.chapters) ? root.chapters : [];
  for (let c = 0; c < chapters.length; c++) {
    const measures = Array.isArray(chapters[c]?.measures) ? chapters[c].measures : [];
    for (let m = 0; m < measures.length; m++) {
      const first = agencyTexts(measures[m]?.agencies)[0];
      if (first) return ['chapters', c, 'measures', m, 'agencies', first.index];
    }
  }
  return undefined;
}
