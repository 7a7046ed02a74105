// no-lead: a measure without a lead agency: division by-function or joint (its own, else the
// file's default), no agencies listed (empty or missing), or a collective listed first.
import { noLeadReason, registryFor } from './lib.js';

const WHY = {
  'by-function': 'each agency acts within its remit (by-function)',
  joint: 'the agencies share it jointly',
  'none-listed': 'no agency is listed',
  collective: 'its first agency is a collective',
};

export default function noLead(input, _options, context) {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return [];
  const reason = noLeadReason(input, context.document.data, registryFor(context.document));
  if (!reason) return [];
  return [{ message: `Measure "${input.id ?? '?'}" has no lead agency: ${WHY[reason]}` }];
}
