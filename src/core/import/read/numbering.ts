// Word's automatic list numbers (w:numPr) are not in the document's text: Word prints them from
// word/numbering.xml. A policy document numbered that way reads 总体要求 where the reader sees
// 一、总体要求, so the Word reader rebuilds the printed marker from the list's level definitions
// (number format, level text such as "（%1）", start value) and a counter per list.
import type { Document, Element } from '@xmldom/xmldom';
import { CHINESE_DIGITS, chineseCounting } from '../../model/chinese-numerals';
import { attribute, child, childElements, childValue } from './zip';

interface Level {
  start: number;
  format: string;
  text: string;
  /** "Legal" numbering: every level shown as a decimal number. */
  legal: boolean;
  suffix: 'tab' | 'space' | 'nothing';
}

interface ListDefinition {
  abstractId: string;
  levels: Map<number, Level>;
  /** Start values that this list (w:num) sets for its own use of the abstract list. */
  startOverrides: Map<number, number>;
}

/** The lists of a Word document and the counters that number its paragraphs in reading order. */
export class Numbering {
  private readonly lists = new Map<string, ListDefinition>();
  private readonly counters = new Map<string, number[]>();
  private readonly restarted = new Set<string>();

  constructor(numberingXml: Document | undefined) {
    const root = numberingXml?.documentElement;
    if (!root) return;
    const abstracts = new Map<string, Map<number, Level>>();
    for (const element of childElements(root)) {
      if (element.localName === 'abstractNum') abstracts.set(attribute(element, 'abstractNumId') ?? '', readLevels(element));
    }
    for (const element of childElements(root)) {
      if (element.localName !== 'num') continue;
      const abstractId = childValue(element, 'abstractNumId') ?? '';
      const levels = new Map(abstracts.get(abstractId) ?? []);
      const startOverrides = new Map<number, number>();
      for (const override of childElements(element).filter((item) => item.localName === 'lvlOverride')) {
        const level = Number(attribute(override, 'ilvl') ?? 0);
        const start = childValue(override, 'startOverride');
        if (start !== undefined) startOverrides.set(level, Number(start));
        const redefined = child(override, 'lvl');
        if (redefined) levels.set(level, readLevel(redefined));
      }
      this.lists.set(attribute(element, 'numId') ?? '', { abstractId, levels, startOverrides });
    }
  }

  /** The marker Word prints before the next paragraph of list numId at level ilvl ('' for bullets and unknown lists). */
  next(numId: string, ilvl: number): string {
    const list = this.lists.get(numId);
    const level = list?.levels.get(ilvl);
    if (!list || !level) return '';
    // Counters belong to the abstract list: two w:num of one abstract list continue each other,
    // unless a w:num restarts a level with a start override (at its first use).
    const counts = this.counters.get(list.abstractId) ?? [];
    this.counters.set(list.abstractId, counts);
    const restartKey = `${numId}/${ilvl}`;
    if (list.startOverrides.has(ilvl) && !this.restarted.has(restartKey)) {
      this.restarted.add(restartKey);
      counts[ilvl] = list.startOverrides.get(ilvl)! - 1;
    }
    counts[ilvl] = (counts[ilvl] ?? level.start - 1) + 1;
    // A number at one level starts the levels below it afresh.
    counts.length = ilvl + 1;
    if (level.format === 'bullet') return '';
    const marker = level.text.replace(/%([1-9])/g, (_, digit: string) => {
      const index = Number(digit) - 1;
      const shown = list.levels.get(index);
      const value = counts[index] ?? shown?.start ?? 1;
      return formatNumber(value, level.legal && index !== ilvl ? 'decimal' : (shown?.format ?? 'decimal'));
    });
    if (marker === '') return '';
    // Word puts a tab or space after the marker; Chinese markers (一、 （一）) need none to be read.
    return level.suffix === 'nothing' || /[、．。，）)]$/.test(marker) ? marker : `${marker} `;
  }
}

function readLevels(abstractNum: Element): Map<number, Level> {
  const levels = new Map<number, Level>();
  for (const element of childElements(abstractNum)) {
    if (element.localName === 'lvl') levels.set(Number(attribute(element, 'ilvl') ?? 0), readLevel(element));
  }
  return levels;
}

function readLevel(lvl: Element): Level {
  const suffix = childValue(lvl, 'suff');
  return {
    start: Number(childValue(lvl, 'start') ?? 1),
    format: childValue(lvl, 'numFmt') ?? 'decimal',
    text: childValue(lvl, 'lvlText') ?? '',
    legal: child(lvl, 'isLgl') !== undefined && childValue(lvl, 'isLgl') !== '0' && childValue(lvl, 'isLgl') !== 'false',
    suffix: suffix === 'space' || suffix === 'nothing' ? suffix : 'tab',
  };
}

const LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/** A list number in one of Word's number formats (w:numFmt), as Word prints it. */
export function formatNumber(value: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(value, CHINESE_DIGITS, '十百千');
    case 'chineseLegalSimplified':
      return chineseCounting(value, LEGAL_DIGITS, '拾佰仟');
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return [...String(value)].map((digit) => CHINESE_DIGITS[Number(digit)]).join('');
    case 'ideographTraditional':
      return HEAVENLY_STEMS[(value - 1) % 10] ?? String(value);
    case 'ideographZodiac':
      return EARTHLY_BRANCHES[(value - 1) % 12] ?? String(value);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(value)].map((digit) => String.fromCharCode(0xff10 + Number(digit))).join('');
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return value >= 1 && value <= 20 ? String.fromCharCode(0x2460 + value - 1) : String(value);
    case 'decimalEnclosedParen':
      return value >= 1 && value <= 20 ? String.fromCharCode(0x2474 + value - 1) : `(${value})`;
    case 'decimalEnclosedFullstop':
      return value >= 1 && value <= 20 ? String.fromCharCode(0x2488 + value - 1) : `${value}.`;
    case 'decimalZero':
      return value < 10 ? `0${value}` : String(value);
    case 'upperLetter':
      return letters(value).toUpperCase();
    case 'lowerLetter':
      return letters(value);
    case 'upperRoman':
      return roman(value);
    case 'lowerRoman':
      return roman(value).toLowerCase();
    case 'none':
      return '';
    default:
      return String(value);
  }
}

function letters(value: number): string {
  // Word repeats the letter: a … z, aa … zz, aaa …
  const letter = String.fromCharCode(0x61 + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

function roman(value: number): string {
  const numerals: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let rest = value;
  let text = '';
  for (const [amount, numeral] of numerals) {
    while (rest >= amount) {
      text += numeral;
      rest -= amount;
    }
  }
  return text;
}
