// Deadlines (完成时限) as task-division plans write them, and the due dates they mean: the one
// place that reads them. `2025年底前` is due 2025-12-31, `2026年6月` the last day of that month,
// `2026年一季度` 03-31, `长期坚持` is ongoing (no date); a period without a year (`一季度`,
// `3月底前`) is readable but has no date.
//
// Forms met in Shanghai government documents (zhiyao87/Shanghai-Gov-Docs-Index, docs/…):
//   2026年底前, 2027年底前, 2026年年底前, 到2025年底, 至2026年底, 至2026年, 2024年8月底前,
//   2025年6月底前, 2026年11月底前, 2025年7月至2025年12月, 2021年8月, 2026年3月底前,
//   3月底前, 11月30日前, 10月15日前, 11月中旬前, 持续推进 — cited in deadline.test.ts.

import type { GuidelineModel, Located, MeasureModel } from './model';

export type DeadlineReading =
  /** A due date, YYYY-MM-DD. */
  | { kind: 'date'; due: string }
  /** Meant to go on: 长期坚持, 持续推进. */
  | { kind: 'ongoing' }
  /** A period without a year (一季度, 3月底前): readable, but no date can be told. */
  | { kind: 'undated' }
  | { kind: 'unreadable' };

/** The due date of a deadline as the matrix carries it: a date, "ongoing", or null (none, no year, unreadable). */
export type Due = string | 'ongoing' | null;

export const MEASURE_STATUSES = ['not-started', 'in-progress', 'done', 'delayed'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

/** The deadline in force for a measure: its own, else the document's default. */
export function effectiveDeadline(measure: MeasureModel, guideline: GuidelineModel): { deadline: Located; inherited: boolean } | undefined {
  if (measure.deadline) return { deadline: measure.deadline, inherited: false };
  return guideline.deadline && { deadline: guideline.deadline, inherited: true };
}

/**
 * Whether a measure is overdue on `today` (YYYY-MM-DD): due on a date before it and not done.
 * Dates written YYYY-MM-DD compare as text.
 */
export function isOverdue(due: Due | undefined, status: string | null | undefined, today: string): boolean {
  return due !== null && due !== undefined && due !== 'ongoing' && due < today && status !== 'done';
}

/** Reads a deadline as written. */
export function readDeadline(text: string): DeadlineReading {
  const normal = normalize(text);
  if (!normal) return UNREADABLE;
  const iso = isoDate(normal);
  if (iso) return iso;
  const point = stripQualifiers(normal);
  if (ONGOING.test(point)) return { kind: 'ongoing' };
  // 2027-12-31前: an ISO date with the words around it (before the span test reads its hyphens).
  const qualifiedIso = isoDate(point);
  if (qualifiedIso) return qualifiedIso;
  const range = /^(.+?)[至到~〜—–-]+([^至到~〜—–-]+)$/.exec(point);
  if (range) {
    // A span (2025年7月至2025年12月, 2024—2026年) is due at its end, which may take the start's year.
    const start = stripQualifiers(range[1]!);
    const end = stripQualifiers(range[2]!);
    const startYear = /^(\d{4})年/.exec(start)?.[1];
    const startReads = (/^\d{4}$/.test(start) && /^\d{4}年/.test(end)) || ['date', 'undated'].includes(readPoint(start).kind);
    const reading = readPoint(/^\d{4}年/.test(end) || !startYear ? end : `${startYear}年${end}`);
    return startReads && reading.kind !== 'ongoing' ? reading : UNREADABLE;
  }
  return readPoint(point);
}

/** The due date a deadline means: YYYY-MM-DD, "ongoing", or null when it has none or cannot be read. */
export function dueOf(text: string | undefined): Due {
  if (text === undefined) return null;
  const reading = readDeadline(text);
  return reading.kind === 'date' ? reading.due : reading.kind === 'ongoing' ? 'ongoing' : null;
}

/**
 * The nearest readable deadline to an unreadable one, if a small change makes it readable: a date
 * written with slashes or dots, a character that looks or sounds like the intended one (低 for 底),
 * then one character of the deadline vocabulary added, replaced or left out (digits are never
 * touched: a guessed number would be a wrong date). Of the changes at one step, a dated reading wins.
 */
export function suggestDeadline(text: string): string | undefined {
  const written = text.trim();
  if (!written || readDeadline(written).kind !== 'unreadable') return undefined;
  const dotted = /^(\d{4})\s*[./年-]\s*(\d{1,2})\s*[./月-]\s*(\d{1,2})\s*日?$/.exec(normalizeDigits(written));
  if (dotted) {
    const candidate = `${dotted[1]}-${dotted[2]!.padStart(2, '0')}-${dotted[3]!.padStart(2, '0')}`;
    if (isIsoDate(candidate)) return candidate;
  }
  const chars = [...written];
  const stages: (() => string[])[] = [
    () => chars.flatMap((char, i) => (CONFUSABLE[char] ?? []).map((other) => splice(chars, i, 1, other))),
    // A character added keeps everything written (2026年一季 → 2026年一季度, not 2026年一月);
    // never between two digits: 2025年1至3月 is no reading of 2025年13月.
    () => Array.from({ length: chars.length + 1 }, (_, i) => (isDigit(chars[i - 1] ?? '') && isDigit(chars[i] ?? '') ? [] : VOCABULARY.map((other) => splice(chars, i, 0, other)))).flat(),
    () => chars.flatMap((char, i) => (isDigit(char) ? [] : VOCABULARY.filter((other) => other !== char).map((other) => splice(chars, i, 1, other)))),
    () => chars.flatMap((char, i) => (isDigit(char) ? [] : [splice(chars, i, 1)])),
  ];
  for (const stage of stages) {
    let best: { text: string; rank: number } | undefined;
    for (const candidate of stage()) {
      const rank = RANK[readDeadline(candidate).kind];
      if (rank > 0 && (!best || rank > best.rank)) best = { text: candidate, rank };
    }
    if (best) return best.text;
  }
  return undefined;
}

/** Whether a text is a calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return Boolean(match && validDate(Number(match[1]), Number(match[2]), Number(match[3])));
}

/** Today's date where the process runs, YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const UNREADABLE: DeadlineReading = { kind: 'unreadable' };
const RANK: Record<DeadlineReading['kind'], number> = { date: 3, ongoing: 2, undated: 1, unreadable: 0 };
const ONGOING = /^(?:长期|持续|常态化)(?:坚持|推进|开展|实施|推动)*$/;

/** Words around a deadline that do not change it: 力争于…, 到…, 截至…; …前, …完成, …以内. */
const PREFIXES = ['力争', '争取', '确保', '计划', '预计', '截止到', '截止至', '截至', '截止', '到', '至', '于', '在'];
const SUFFIXES = ['基本完成', '全面完成', '完成', '实现', '建成', '以前', '之前', '为止', '以内', '前', '内'];

/** Characters a deadline is written with, for suggestions (no 至: a span is no typo's fix). */
const VOCABULARY = [...'年月日底末季度上下半第一二三四中旬初前长期持续坚持推进'];
/** Look-alike and sound-alike characters that typing (拼音 or 五笔) swaps for the deadline's own. */
const CONFUSABLE: Record<string, string[]> = {
  低: ['底'],
  抵: ['底'],
  氐: ['底'],
  未: ['末'],
  沫: ['末'],
  李: ['季'],
  际: ['季'],
  计: ['季'],
  渡: ['度'],
  伴: ['半'],
  拌: ['半'],
  询: ['旬'],
  巡: ['旬'],
  特: ['持'],
  恃: ['持'],
  待: ['持'],
  绪: ['续'],
  需: ['续'],
  近: ['进'],
  间: ['坚'],
  其: ['期'],
  旗: ['期'],
};

function readPoint(point: string): DeadlineReading {
  const match = /^(?:(\d{4})年(?:度)?)?(.*)$/.exec(point)!;
  const year = match[1] === undefined ? undefined : Number(match[1]);
  const rest = match[2]!;
  if (year !== undefined && (year < 1949 || year > 2100)) return UNREADABLE;
  const at = (month: number, day: number | 'last'): DeadlineReading => {
    if (year === undefined) return { kind: 'undated' };
    const date = day === 'last' ? lastDay(year, month) : day;
    return validDate(year, month, date) ? { kind: 'date', due: `${year}-${pad(month)}-${pad(date)}` } : UNREADABLE;
  };
  if (rest === '') return year === undefined ? UNREADABLE : at(12, 31);
  if (/^年?(?:底|末)$/.test(rest)) return at(12, 31);
  if (/^年?中$/.test(rest) || rest === '上半年') return at(6, 30);
  if (rest === '下半年') return at(12, 31);
  const quarter = /^第?([一二三四1-4])季度(?:末|底)?$/.exec(rest);
  if (quarter) return at(QUARTER_END[quarter[1]!]!, 'last');
  const month = /^(\d{1,2})月份?(底|末|下旬|上旬|初|中旬)?$/.exec(rest);
  if (month) {
    const m = Number(month[1]);
    if (m < 1 || m > 12) return UNREADABLE;
    const part = month[2];
    return at(m, part === '上旬' || part === '初' ? 10 : part === '中旬' ? 20 : 'last');
  }
  const day = /^(\d{1,2})月(\d{1,2})[日号]$/.exec(rest);
  if (day) {
    const m = Number(day[1]);
    const d = Number(day[2]);
    if (m < 1 || m > 12 || d < 1 || d > 31 || (year === undefined && d > lastDay(2024, m))) return UNREADABLE;
    return at(m, d);
  }
  return UNREADABLE;
}

const QUARTER_END: Record<string, number> = { 一: 3, 二: 6, 三: 9, 四: 12, '1': 3, '2': 6, '3': 9, '4': 12 };

function isoDate(text: string): DeadlineReading | undefined {
  return isIsoDate(text) ? { kind: 'date', due: text } : undefined;
}

/** Full-width digits and letters to ASCII, spaces out, Chinese numerals of years, months and days to digits. */
function normalize(text: string): string {
  return normalizeDigits(text.normalize('NFKC'))
    .replace(/\s+/g, '')
    .replace(/([〇零一二三四五六七八九]{4})(?=年)/g, (digits) => [...digits].map((c) => String(CHINESE_DIGIT[c])).join(''))
    .replace(/(三十[一]?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])(?=月|日|号)/g, (numeral) => String(chineseNumber(numeral)));
}

function normalizeDigits(text: string): string {
  return text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48));
}

const CHINESE_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 三十一 as a number. */
function chineseNumber(numeral: string): number {
  const ten = numeral.indexOf('十');
  if (ten < 0) return CHINESE_DIGIT[numeral]!;
  const tens = ten === 0 ? 1 : CHINESE_DIGIT[numeral[0]!]!;
  const units = numeral.length > ten + 1 ? CHINESE_DIGIT[numeral[ten + 1]!]! : 0;
  return tens * 10 + units;
}

/** Removes the words before and after a deadline that do not change when it falls due. */
function stripQualifiers(text: string): string {
  let current = text;
  for (let changed = true; changed; ) {
    changed = false;
    for (const prefix of PREFIXES) {
      if (current.startsWith(prefix) && current.length > prefix.length) {
        current = current.slice(prefix.length);
        changed = true;
      }
    }
    for (const suffix of SUFFIXES) {
      if (current.endsWith(suffix) && current.length > suffix.length) {
        current = current.slice(0, -suffix.length);
        changed = true;
      }
    }
  }
  return current;
}

function validDate(year: number, month: number, day: number): boolean {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= lastDay(year, month);
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isDigit(char: string): boolean {
  return /^[0-9０-９]$/.test(char);
}

function splice(chars: string[], at: number, remove: number, insert?: string): string {
  const copy = chars.slice();
  if (insert === undefined) copy.splice(at, remove);
  else copy.splice(at, remove, insert);
  return copy.join('');
}
