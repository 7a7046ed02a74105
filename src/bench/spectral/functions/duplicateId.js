// duplicate-id: chapters, measures (across the whole guideline) or targets sharing an id; in a
// registry, two agencies sharing a name or alias.
import { agencyTexts, isRegistryDocument, scalarText } from './lib.js';

export default function duplicateId(input, _options, context) {
  if (input === null || typeof input !== 'object') return [];
  const results = [];
  const repeats = (entries, what) => {
    const seen = new Set();
    for (const { value, path } of entries) {
      if (value === undefined) continue;
      if (!seen.has(value)) seen.add(value);
      else results.push({ message: `${what} "${value}" is used twice`, path });
    }
  };
  const list = (value) => (Array.isArray(value) ? value : []);
  if (isRegistryDocument(context.document)) {
    const entries = [];
    list(input.agencies).forEach((agency, a) => {
      if (scalarText(agency?.name) === undefined) return;
      entries.push({ value: scalarText(agency.name), path: ['agencies', a, 'name'] });
      for (const { text, index } of agencyTexts(agency.aliases)) entries.push({ value: text, path: ['agencies', a, 'aliases', index] });
    });
    repeats(entries, 'Agency name or alias');
    return results;
  }
  const chapters = list(input.chapters);
  repeats(chapters.map((chapter, c) => ({ value: scalarText(chapter?.id), path: ['chapters', c, 'id'] })), 'Chapter id');
  repeats(
    chapters.flatMap((chapter, c) => list(chapter?.measures).map((measure, m) => ({ value: scalarText(measure?.id), path: ['chapters', c, 'measures', m, 'id'] }))),
    'Measure id',
  );
  repeats(list(input.targets).map((target, t) => ({ value: scalarText(target?.id), path: ['targets', t, 'id'] })), 'Target id');
  return results;
}
