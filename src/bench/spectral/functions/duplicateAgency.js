// duplicate-agency: a measure lists the same agency twice, aliases resolved to registry names.
import { agencyTexts, registryFor } from './lib.js';

export default function duplicateAgency(input, _options, context) {
  const registry = registryFor(context.document);
  const first = new Map();
  const results = [];
  for (const { text, index } of agencyTexts(input)) {
    const canonical = registry ? registry.canonical(text) : text;
    const earlier = first.get(canonical);
    if (earlier === undefined) {
      first.set(canonical, text);
      continue;
    }
    const message = earlier === text ? `"${text}" is listed twice` : `"${text}" is "${canonical}", already listed as "${earlier}"`;
    results.push({ message, path: [...context.path, index] });
  }
  return results;
}
