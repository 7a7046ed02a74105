// Task tables saved as CSV (RFC 4180: quoted fields, doubled quotes, CRLF) or as Excel's
// tab-separated "Unicode text", and the test that tells such a table from prose by its header row.
import { parse } from 'csv-parse/sync';
import type { TextEncodingName } from '../decode';
import type { SourceDocument, UnreadableDocument } from '../source';

// Column names of the task tables that accompany policy documents (重点任务分工表 and the like).
const TASK_COLUMNS = /^(序号|编号|重点任务|主要任务|工作任务|任务|任务内容|具体任务|工作措施|具体措施|主要举措|政策措施|牵头单位|责任单位|配合单位|参与单位|牵头部门|责任部门|配合部门|完成时限|时间节点|完成时间)$/;

/** The field separator of a task table whose first line names its columns; undefined for anything else. */
export function taskTableDelimiter(text: string): ',' | '\t' | undefined {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/, 1)[0] ?? '';
  let best: { delimiter: ',' | '\t'; names: number } | undefined;
  for (const delimiter of [',', '\t'] as const) {
    const fields = firstLine.split(delimiter).map((field) => field.trim().replace(/^"(.*)"$/, '$1').trim());
    const names = fields.filter((field) => TASK_COLUMNS.test(field)).length;
    // Two columns at least, one of them a task-table name: a sentence with commas names none.
    if (fields.length >= 2 && names > 0 && names > (best?.names ?? 0)) best = { delimiter, names };
  }
  return best?.delimiter;
}

/** The rows of a CSV (or tab-separated) text as one table; trailing empty rows are dropped. */
export function readCsv(text: string, encoding: TextEncodingName, delimiter: ',' | '\t' = ','): SourceDocument | UnreadableDocument {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    return { error: 'corrupt', format: 'csv', detail: (error as Error).message };
  }
  while (rows.length > 0 && rows[rows.length - 1]!.every((cell) => cell.trim() === '')) rows.pop();
  if (rows.length === 0) return { error: 'empty', format: 'csv' };
  return { format: 'csv', encoding, paragraphsKnown: true, blocks: [{ kind: 'table', rows, line: 1 }] };
}
