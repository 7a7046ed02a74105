// A registry and a guideline whose agency names, measure titles and chapter titles are made of
// everything that means something to Mermaid, HTML or a spreadsheet: quotes, brackets, comment
// and directive markers, link arrows, `click`/`style`/`classDef` statements, markup that would run
// script, literal entity text, backticks, a line break and a very long name. Written with the
// `yaml` package, so the YAML quoting is right whatever the text (line breaks as double-quoted "\n").
import { stringify } from 'yaml';

/** The hostile pieces, one agency name each (and one measure title and chapter title each). */
export const HOSTILE_PIECES: readonly string[] = [
  '"',
  "'",
  '[ ]',
  '( )',
  '{ }',
  '#',
  ';',
  '|',
  '%%',
  '-->',
  '-.->',
  '第一行\n第二行',
  '<img src=x onerror=window.__pwned=1>',
  '<script>window.__pwned=1</script>',
  '%%{init: {"securityLevel":"loose","theme":"dark"}}%%',
  'click a0 call alert(1)',
  'click a0 href "javascript:window.__pwned=1"',
  'style a0 fill:#f00',
  'classDef noLead fill:#0f0',
  '&lt;b&gt;',
  '#60;b#62;',
  '`code` and ``two``',
  // Long: every kind of hostile character again, far beyond the 40-character label limit.
  `超长单位名称${'"[x](y){z}#;|%%-->'.repeat(4)}<img src=x onerror=window.__pwned=1>${'很长'.repeat(40)}`,
];

/** An agency the registry does not know, shown as written. */
export const HOSTILE_UNKNOWN = '未登记"]-->x[<b onmouseover=window.__pwned=1>b</b>';

/** A line break in a label becomes a space (mermaidLabel), then the label is cut to `max` characters with …. */
export function displayed(text: string, max: number): string {
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
  const chars = [...flat];
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join('')}…`;
}

export interface HostileMeasure {
  id: string;
  chapter: string;
  title: string;
  agencies: string[];
  byFunction: boolean;
}

export interface HostileChapter {
  id: string;
  title: string;
  measures: HostileMeasure[];
}

export interface HostileFixture {
  registryText: string;
  guidelineText: string;
  chapters: HostileChapter[];
  measures: HostileMeasure[];
  /** Every agency name the guideline uses (registry names and the unknown one). */
  agencies: string[];
}

/**
 * One chapter per four pieces, titled with them; one measure per piece, titled with it and naming that piece's
 * agency first, the next piece's agency second, and (every third measure) the unknown agency.
 * Every fifth measure is `by-function`, so it has no lead.
 */
const YAML_OPTIONS = { blockQuote: false } as const;

export function hostileFixture(): HostileFixture {
  const pieces = HOSTILE_PIECES;
  const chapters: HostileChapter[] = [];
  const measures: HostileMeasure[] = [];
  pieces.forEach((piece, index) => {
    const chapterIndex = Math.floor(index / 4);
    let chapter = chapters[chapterIndex];
    if (!chapter) {
      // The chapter's title holds the pieces of its measures (so the long one makes a long heading).
      chapter = { id: String(chapterIndex + 2), title: `第${chapterIndex + 2}部分 ${pieces.slice(index, index + 4).join(' ')}`, measures: [] };
      chapters.push(chapter);
    }
    const agencies = [piece, pieces[(index + 1) % pieces.length]!];
    if (index % 3 === 0) agencies.push(HOSTILE_UNKNOWN);
    const measure: HostileMeasure = { id: `${chapter.id}.${chapter.measures.length + 1}`, chapter: chapter.id, title: `措施${piece}结束`, agencies, byFunction: index % 5 === 4 };
    chapter.measures.push(measure);
    measures.push(measure);
  });

  const registryText =
    '# yaml-language-server: $schema=../schemas/agencies.schema.json\n' +
    stringify({ agencies: pieces.map((name) => ({ name, fullName: `全称 ${name}`, kind: 'government' })) }, YAML_OPTIONS);
  const guidelineText =
    '# yaml-language-server: $schema=../schemas/guideline.schema.json\n' +
    stringify({
      id: 'hostile-doc',
      title: '恶意名称测试 <script>window.__pwned=1</script>',
      issuer: '测试',
      status: 'draft',
      chapters: chapters.map((chapter) => ({
        id: chapter.id,
        title: chapter.title,
        measures: chapter.measures.map((m) => ({ id: m.id, title: m.title, agencies: m.agencies, ...(m.byFunction ? { division: 'by-function' } : {}) })),
      })),
    }, YAML_OPTIONS);
  const agencies = [...pieces, HOSTILE_UNKNOWN];
  return { registryText, guidelineText, chapters, measures, agencies };
}
