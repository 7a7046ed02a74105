// duplicate-id: two chapters, measures or targets share an id; in the registry, two agencies a name or alias.
import { positionAt } from '../source/document';
import type { MessageKey } from '../wording/messages';
import type { Located } from '../model/model';
import { allMeasures } from '../model/model';
import type { Rule, RuleContext } from './rule';

export const duplicateId: Rule = {
  meta: {
    id: 'duplicate-id',
    docs: 'docs/rules.md#duplicate-id',
    defaultSeverity: 'error',
    appliesTo: ['guideline', 'registry'],
    description: {
      en: 'Chapter, measure and target ids, and agency names and aliases, must be unique.',
      'zh-cn': '章节、措施、目标的编号以及单位名称和别名必须唯一。',
    },
  },
  check(context) {
    if (context.file.kind === 'registry') {
      const agencies = context.registryModel().agencies;
      reportRepeats(context, agencies.flatMap((agency) => [agency.name, ...agency.aliases]), 'duplicate-id.agency');
      return;
    }
    const guideline = context.guideline();
    reportRepeats(context, guideline.chapters.map((chapter) => chapter.id), 'duplicate-id.chapter');
    reportRepeats(context, allMeasures(guideline).map((measure) => measure.id), 'duplicate-id.measure');
    reportRepeats(context, guideline.targets.map((target) => target.id), 'duplicate-id.target');
  },
};

function reportRepeats(context: RuleContext, ids: (Located | undefined)[], key: MessageKey): void {
  const first = new Map<string, Located>();
  for (const id of ids) {
    if (!id) continue;
    const earlier = first.get(id.value);
    if (!earlier) {
      first.set(id.value, id);
      continue;
    }
    const otherLine = positionAt(context.file, earlier.range[0]).line;
    context.report(id.range, key, { id: id.value, otherLine }, { otherLine: String(otherLine) });
  }
}
