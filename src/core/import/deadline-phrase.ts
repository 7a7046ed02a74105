// Deadlines as documents print them beside a measure — inside its responsibility parenthesis
// (（省科技厅牵头，2025年底前完成）), after a label (完成时限：2025年12月底), or in the 完成时限 column of a
// task table — taken as the `deadline` the YAML keeps. Whether free words are a deadline at all is
// readDeadline's call (deadline.ts); this module only decides which of the printed words to keep.
//
// The rule: keep the words as written, less what only says that the work is to be done by then —
// a trailing 完成 (基本完成, 全面完成) and a leading 于 or 在 — and only when what is left still reads
// as a deadline. `2025年底前完成` is kept as `2025年底前`: both say "done before the end of 2025",
// and the plan's 完成时限 column prints the same deadline without the verb. 前, 底 and 力争 stay (they
// are the document's own words about the date), and so do 长期坚持 and 持续推进. A deadline whose
// words say more (2024年底前启动) reads as no deadline and is left out, never cut to fit.
import { readDeadline } from '../model/deadline';

/** The labels a deadline is printed after: 完成时限：, 时间节点：, 进度安排：, … */
export const DEADLINE_LABEL_WORDS = '(?:计划)?(?:完成时限|完成时间|完成期限|完成节点|时间节点|时间进度|时限要求|时限|进度安排|时间安排|截止时间|截止日期)';
const DEADLINE_LABEL = new RegExp(`^${DEADLINE_LABEL_WORDS}\\s*[:：]\\s*`);

/** Cells and values that say there is no deadline. */
const NONE = /^(?:无|暂无|\/|／|—+|-+|－+)$/;

/** The deadline a phrase states, as the YAML keeps it (2025年底前 of 2025年底前完成), or undefined when it states none. */
export function deadlinePhrase(text: string): string | undefined {
  const written = withoutEndPunctuation(normalizeSpaces(text));
  const kept = withoutCompletionWords(written);
  if (readDeadline(kept).kind !== 'unreadable') return kept;
  return readDeadline(written).kind !== 'unreadable' ? written : undefined;
}

/**
 * The deadline after a deadline label (完成时限：2025年12月底), or undefined when the text is no such
 * label or what follows does not read as a deadline: a label may also open a schedule in prose
 * (进度安排：6月底前完成方案，12月底前全面完成), which stays the measure's text.
 */
export function deadlineOfLabel(text: string): string | undefined {
  const trimmed = text.trim();
  const label = DEADLINE_LABEL.exec(trimmed);
  return label ? deadlinePhrase(trimmed.slice(label[0].length)) : undefined;
}

/**
 * The deadline in a task table's deadline column, as written: the column says it is one. Spaces
 * and line breaks inside the cell are set as one line; an empty cell or a dash gives none.
 */
export function deadlineCell(cell: string): string | undefined {
  const text = normalizeSpaces(cell);
  return text === '' || NONE.test(text) ? undefined : text;
}

/** Runs of white space as one space, and none between Chinese characters (2025年\n12月 is 2025年12月). */
function normalizeSpaces(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/ (?=[^\x00-\x7f])|(?<=[^\x00-\x7f]) /g, '');
}

function withoutEndPunctuation(text: string): string {
  return text.replace(/[。.；;，,、]+$/, '');
}

function withoutCompletionWords(text: string): string {
  return text.replace(/^(?:于|在)/, '').replace(/(?:基本|全面)?完成$/, '');
}
