// Property tests: whatever the input, linting never throws and every diagnostic has a sound
// position; on generated guidelines the semantic rules fire exactly where the design says.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { isMap, isScalar, isSeq, parse, parseDocument, stringify } from 'yaml';
import type { Node, YAMLMap } from 'yaml';
import { Project } from '../../core/index';
import type { Diagnostic, LintResult } from '../../core/index';
import { REGISTRY } from '../support/project';
import { lineStarts, positionProblem, REAL_GUIDELINE, REAL_REGISTRY, timed } from './helpers';

/** Seeds are fixed unless FC_SEED is set, so that a failure can be replayed. */
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20270101;
const runs = (n: number): fc.Parameters<unknown> => ({ numRuns: n, seed: SEED, endOnFailure: false });

/** Lints a text as the given path next to a registry (fast-check reports the input when it throws). */
function lintText(text: string, options: { path?: string; registry?: string | null } = {}): { result: LintResult; text: string } {
  const project = new Project();
  const registry = options.registry === undefined ? REGISTRY : options.registry;
  const path = options.path ?? 'tasks/doc.yaml';
  if (registry !== null && path !== 'tasks/agencies.yaml') project.setFile('tasks/agencies.yaml', registry);
  project.setFile(path, text);
  return { result: project.lint(), text: project.file(path)!.text };
}

/**
 * The invariants of every diagnostic of a path: the first violation, or undefined.
 * With `offsets`, line and column must also agree with the offsets (checked apart, so that
 * one broken invariant does not hide the others).
 */
function violation(text: string, diagnostics: Diagnostic[], offsets: boolean): string | undefined {
  const starts = lineStarts(text);
  for (const d of diagnostics) {
    const problem = positionProblem(text, d, starts, offsets);
    if (problem) return problem;
  }
  return undefined;
}

function checkAll(project: { result: LintResult; text: string }, path = 'tasks/doc.yaml', offsets = false): void {
  const own = [...project.result.diagnostics, ...project.result.suppressed].filter((d) => d.file === path);
  const problem = violation(project.text, own, offsets);
  assert.equal(problem, undefined, problem);
}

describe('robustness: property tests', function () {
  this.timeout(60000);
  let started = 0;
  before(() => {
    started = Date.now();
  });
  after(() => console.log(`      property tests: ${((Date.now() - started) / 1000).toFixed(1)} s`));

  describe('(a) random text never throws and positions stay sound', () => {
    const YAML_CHARS = /^[-:[\]{}#&*!|>'"%@`,?.~ \t\na-z0-9省厅]{0,160}$/;
    const TOKENS = [
      '- ', ': ', ':', '-', '\n', '\n  ', '\n    ', '  ', '\t', '[', ']', '{', '}', ',', '&a ', '*a', '&b ', '*b', '!!str ', '!!map ', '!foo ', '|', '|-\n', '>', '>+\n',
      '"', "'", '#', ' # c', '---\n', '...\n', '? ', '%YAML 1.2\n', '%TAG ! tag:x,2000:\n', 'id', 'title', 'chapters', 'measures', 'agencies', 'division', 'by-function',
      '省科技厅', '科技厅', '省数字经济领导小组各成员单位', '"2.1"', '2.1', 'null', '~', '\r\n', '\r', '\uFEFF', '\u2028', '\\', '@', '%', '`',
    ];
    const tokenSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 80 }).map((parts) => parts.join(''));
    const structured = fc
      .array(fc.tuple(fc.nat({ max: 8 }), fc.constantFrom('id', 'title', 'chapters', 'measures', 'agencies', 'division', '- id', '-', 'x'), fc.constantFrom(': ', ':', ''), fc.constantFrom('"2.1"', '[省科技厅, 科技厅', '[]', '{', 'joint', '', '*a', '&a x', '|', '甲')), { maxLength: 30 })
      .map((lines) => lines.map(([indent, key, colon, value]) => `${' '.repeat(indent)}${key}${colon}${value}`).join('\n'));

    const sources: [string, fc.Arbitrary<string>][] = [
      ['fc.string', fc.string({ maxLength: 200 })],
      ['full unicode strings (binary units, lone surrogates included)', fc.string({ unit: 'binary', maxLength: 200 })],
      ['YAML punctuation and letters', fc.stringMatching(YAML_CHARS)],
      ['YAML token soup', tokenSoup],
      ['indented key/value lines', structured],
    ];

    for (const [label, arbitrary] of sources) {
      it(`${label}: as a guideline and as a registry`, () => {
        fc.assert(
          fc.property(arbitrary, (text) => {
            checkAll(lintText(text));
            checkAll(lintText(text, { path: 'tasks/agencies.yaml' }), 'tasks/agencies.yaml');
            checkAll(lintText(`# yaml-language-server: $schema=../schemas/guideline.schema.json\n${text}`));
          }),
          runs(300),
        );
      });
    }

    it('line and column agree with the offsets (YAML token soup, indented lines)', () => {
      fc.assert(
        fc.property(fc.oneof(tokenSoup, structured), (text) => {
          checkAll(lintText(text), 'tasks/doc.yaml', true);
        }),
        runs(300),
      );
    });

    it('random bytes through setFileBytes: one clear diagnostic or a sound lint', () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (bytes, asRegistry) => {
          const project = new Project();
          const path = asRegistry ? 'tasks/agencies.yaml' : 'tasks/doc.yaml';
          project.setFileBytes(path, bytes);
          const result = project.lint();
          checkAll({ result, text: project.file(path)!.text }, path);
        }),
        runs(300),
      );
    });
  });

  describe('(b) mutations of the real guideline never throw and positions stay sound', () => {
    const PUNCTUATION = [':', '-', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '\t', '\n'];
    type Op =
      | { kind: 'delete'; at: number; length: number }
      | { kind: 'insert'; at: number; text: string }
      | { kind: 'duplicate'; line: number }
      | { kind: 'swap'; a: number; b: number };

    const deleteOp = fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat({ max: 80 }) });
    const insertOp = fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...PUNCTUATION) });
    const duplicateOp = fc.record({ kind: fc.constant('duplicate' as const), line: fc.nat() });
    const swapOp = fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() });

    function apply(text: string, op: Op): string {
      switch (op.kind) {
        case 'delete': {
          const at = op.at % (text.length + 1);
          return text.slice(0, at) + text.slice(at + op.length);
        }
        case 'insert': {
          const at = op.at % (text.length + 1);
          return text.slice(0, at) + op.text + text.slice(at);
        }
        case 'duplicate': {
          const lines = text.split('\n');
          const i = op.line % lines.length;
          lines.splice(i, 0, lines[i]!);
          return lines.join('\n');
        }
        case 'swap': {
          const lines = text.split('\n');
          const a = op.a % lines.length;
          const b = op.b % lines.length;
          [lines[a], lines[b]] = [lines[b]!, lines[a]!];
          return lines.join('\n');
        }
      }
    }

    function property(ops: fc.Arbitrary<Op[]>, numRuns: number): void {
      fc.assert(
        fc.property(ops, (list) => {
          const text = list.reduce(apply, REAL_GUIDELINE);
          checkAll(lintText(text, { registry: REAL_REGISTRY, path: 'tasks/zj-ai-2027.yaml' }), 'tasks/zj-ai-2027.yaml');
        }),
        runs(numRuns),
      );
    }

    it('deleting a random slice', () => property(fc.tuple(deleteOp).map((op) => op as Op[]), 150));
    it('inserting YAML punctuation, a tab or a newline at a random place', () => property(fc.array(insertOp, { minLength: 1, maxLength: 3 }), 150));
    it('duplicating a random line', () => property(fc.tuple(duplicateOp).map((op) => op as Op[]), 150));
    it('swapping two lines', () => property(fc.tuple(swapOp).map((op) => op as Op[]), 150));
    it('several mutations of every kind in a row', () => property(fc.array(fc.oneof(deleteOp, insertOp, duplicateOp, swapOp), { minLength: 2, maxLength: 5 }), 200));

    it('line and column agree with the offsets after mutations', () => {
      fc.assert(
        fc.property(fc.array(fc.oneof(deleteOp, insertOp, duplicateOp, swapOp), { minLength: 1, maxLength: 4 }), (list) => {
          const text = list.reduce(apply, REAL_GUIDELINE);
          checkAll(lintText(text, { registry: REAL_REGISTRY, path: 'tasks/zj-ai-2027.yaml' }), 'tasks/zj-ai-2027.yaml', true);
        }),
        runs(150),
      );
    });

    it('the mutated registry too', () => {
      fc.assert(
        fc.property(fc.array(fc.oneof(deleteOp, insertOp, duplicateOp, swapOp), { minLength: 1, maxLength: 4 }), (list) => {
          const registry = list.reduce(apply, REAL_REGISTRY);
          const project = new Project();
          project.setFile('tasks/agencies.yaml', registry);
          project.setFile('tasks/zj-ai-2027.yaml', REAL_GUIDELINE);
          const result = project.lint();
          checkAll({ result, text: registry }, 'tasks/agencies.yaml');
          checkAll({ result, text: REAL_GUIDELINE }, 'tasks/zj-ai-2027.yaml');
        }),
        runs(150),
      );
    });
  });

  describe('(c) generated guidelines: the rules fire exactly where the design says', () => {
    /** The test registry plus a collective reachable through an alias. */
    const PROPERTY_REGISTRY = `${REGISTRY}  - name: 各市县政府
    kind: collective
    aliases: [各市、县（市、区）政府]
`;
    /** The same registry, written out independently of the engine: name → kind, alias → name. */
    const KINDS = new Map([
      ['省科技厅', 'government'],
      ['省发展改革委', 'government'],
      ['省经信厅', 'government'],
      ['之江实验室', 'lab'],
      ['省数字经济领导小组各成员单位', 'collective'],
      ['各市县政府', 'collective'],
    ]);
    const ALIASES = new Map([
      ['科技厅', '省科技厅'],
      ['省发改委', '省发展改革委'],
      ['各市、县（市、区）政府', '各市县政府'],
    ]);
    const canonical = (name: string) => (KINDS.has(name) ? name : ALIASES.get(name));

    it('the property registry is itself clean and as written out above', () => {
      const project = new Project();
      project.setFile('tasks/agencies.yaml', PROPERTY_REGISTRY);
      assert.deepEqual(project.lint().diagnostics.filter((d) => d.rule !== 'unused-agency'), []);
      const data = parse(PROPERTY_REGISTRY) as { agencies: { name: string; kind: string; aliases?: string[] }[] };
      assert.deepEqual(new Map(data.agencies.map((a) => [a.name, a.kind])), KINDS);
      assert.deepEqual(new Map(data.agencies.flatMap((a) => (a.aliases ?? []).map((alias) => [alias, a.name] as const))), ALIASES);
    });

    const HOSTILE = [':', ': ', '-', '- ', '[', ']', '{', '}', '#', ' #', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`', ',', '?', ' ', '\t', '\n', '\r\n', '\\', '\u0000', '\u2028', '\u0085', '中', '厅', '𠀀', '~', 'null', 'true', '1.5', '---', '...', '省科技厅'];
    const hostileText = fc.array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 3 })), { maxLength: 6 }).map((parts) => parts.join(''));
    const DIVISIONS = ['lead-first', 'by-function', 'joint'];
    const division = fc.constantFrom('lead-first', 'by-function', 'joint', 'lead', '', 'Joint', 'by_function');
    const agency = fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...KINDS.keys()) },
      { weight: 2, arbitrary: fc.constantFrom(...ALIASES.keys()) },
      { weight: 1, arbitrary: fc.constantFrom('省科技局', '科技', '省发展改革', '省数字经济领导小组', '之江实验') },
      { weight: 2, arbitrary: hostileText },
    );
    const id = fc.oneof(fc.constantFrom('2.1', '2.2', '3.10', '10.1.2', '1'), hostileText);
    const measure = fc.record(
      { id, title: hostileText, text: hostileText, agencies: fc.array(agency, { maxLength: 6 }), division },
      { requiredKeys: [] },
    );
    const chapter = fc.record({ id, title: hostileText, measures: fc.array(measure, { maxLength: 5 }) }, { requiredKeys: ['measures'] });
    const guideline = fc.record(
      { id: fc.constantFrom('prop-doc', 'Bad Id', ''), title: hostileText, status: fc.constantFrom('draft', 'final', 'published'), division, chapters: fc.array(chapter, { maxLength: 4 }) },
      { requiredKeys: ['chapters'] },
    );
    const options = fc.record({
      collectionStyle: fc.constantFrom('any' as const, 'block' as const, 'flow' as const),
      // (BLOCK_FOLDED as the default type loses a lone space in the yaml package itself: not tried here.)
      defaultStringType: fc.constantFrom('PLAIN' as const, 'QUOTE_DOUBLE' as const, 'QUOTE_SINGLE' as const),
      lineWidth: fc.constantFrom(0, 20, 80),
      indent: fc.constantFrom(2, 4),
      indentSeq: fc.boolean(),
      modeline: fc.boolean(),
    });

    type Measure = { id?: string; title?: string; text?: string; agencies?: string[]; division?: string };
    type Guideline = { division?: string; chapters: { id?: string; measures: Measure[] }[] };

    /** The design's no-lead reasons that hold for a measure (empty: it has a lead). */
    function noLeadReasons(m: Measure, doc: Guideline): Set<string> {
      const reasons = new Set<string>();
      const own = DIVISIONS.includes(m.division ?? '') ? m.division! : undefined;
      const effective = own ?? (DIVISIONS.includes(doc.division ?? '') ? doc.division! : 'lead-first');
      if (!m.agencies || m.agencies.length === 0) reasons.add('none-listed');
      if (effective !== 'lead-first') reasons.add(effective);
      const first = m.agencies?.[0];
      if (first !== undefined && KINDS.get(canonical(first) ?? '') === 'collective') reasons.add('collective');
      return reasons;
    }

    interface Located {
      measure: number;
      range: [number, number];
    }

    /** Measure and agency nodes of the generated text, found with the yaml package alone. */
    function locate(text: string): { measures: [number, number][]; agencies: (Located & { name: string })[]; ids: { value: string; range: [number, number] }[]; chapterIds: { value: string; range: [number, number] }[] } {
      const doc = parseDocument(text, { uniqueKeys: false });
      const measures: [number, number][] = [];
      const agencies: (Located & { name: string })[] = [];
      const ids: { value: string; range: [number, number] }[] = [];
      const chapterIds: { value: string; range: [number, number] }[] = [];
      const chapters = (doc.contents as YAMLMap).get('chapters', true) as Node;
      for (const chapterNode of isSeq(chapters) ? chapters.items : []) {
        const chapterId = (chapterNode as YAMLMap).get('id', true) as Node | undefined;
        if (isScalar(chapterId)) chapterIds.push({ value: String(chapterId.value), range: [chapterId.range![0], chapterId.range![1]] });
        const list = (chapterNode as YAMLMap).get('measures', true) as Node;
        for (const measureNode of isSeq(list) ? list.items : []) {
          assert.ok(isMap(measureNode));
          const index = measures.length;
          measures.push([measureNode.range![0], measureNode.range![2]]);
          const idNode = measureNode.get('id', true) as Node | undefined;
          if (isScalar(idNode)) ids.push({ value: String(idNode.value), range: [idNode.range![0], idNode.range![1]] });
          const seq = measureNode.get('agencies', true) as Node | undefined;
          for (const item of isSeq(seq) ? seq.items : []) {
            assert.ok(isScalar(item));
            agencies.push({ measure: index, name: String(item.value), range: [item.range![0], item.range![1]] });
          }
        }
      }
      return { measures, agencies, ids, chapterIds };
    }

    function roundTrips(text: string, doc: unknown): boolean {
      try {
        assert.deepEqual(parse(text), JSON.parse(JSON.stringify(doc)));
        return true;
      } catch {
        return false;
      }
    }

    const rangeKey = (range: readonly [number, number]) => `${range[0]}-${range[1]}`;
    const sorted = (list: string[]) => [...list].sort();

    it('no-lead, unknown-agency, alias-agency, duplicate-agency and duplicate-id fire exactly as designed', () => {
      const { ms } = timed(() =>
        fc.assert(
          fc.property(guideline, options, (doc, style) => {
            const { modeline, ...stringifyOptions } = style;
            const body = stringify(doc, stringifyOptions);
            const text = modeline ? `# yaml-language-server: $schema=../schemas/guideline.schema.json\n${body}` : body;
            // The generator must produce what it means: the text parses back to the same data.
            // (The yaml package's own stringify slips on rare cases, e.g. an empty list with
            // indentSeq: false comes out as "key:\n[]"; those inputs are skipped, not blamed on the engine.)
            fc.pre(roundTrips(text, doc));

            const project = new Project();
            project.setFile('tasks/agencies.yaml', PROPERTY_REGISTRY);
            project.setFile('tasks/doc.yaml', text);
            const result = project.lint(['tasks/doc.yaml']);
            const problem = violation(text, result.diagnostics, true);
            assert.equal(problem, undefined, problem);
            const of = (rule: string) => result.diagnostics.filter((d) => d.rule === rule);

            const located = locate(text);
            const allMeasures = doc.chapters.flatMap((c) => c.measures) as Measure[];
            assert.equal(located.measures.length, allMeasures.length);

            // no-lead: exactly the measures without a lead, each finding inside its measure.
            const expectedNoLead = allMeasures.map((m, i) => [i, noLeadReasons(m, doc as Guideline)] as const).filter(([, reasons]) => reasons.size > 0);
            const noLead = of('no-lead').map((d) => {
              const owners = located.measures.map((range, i) => [i, range] as const).filter(([, [start, end]]) => d.offset[0] >= start && d.offset[1] <= end);
              assert.equal(owners.length, 1, `no-lead finding ${d.line}:${d.column} lies in one measure`);
              return { measure: owners[0]![0], reason: d.data?.reason ?? '' };
            });
            assert.deepEqual(
              noLead.map((f) => f.measure).sort((a, b) => a - b),
              expectedNoLead.map(([i]) => i),
              'no-lead fires on exactly the measures without a lead',
            );
            for (const finding of noLead) {
              const reasons = expectedNoLead.find(([i]) => i === finding.measure)![1];
              assert.ok(reasons.has(finding.reason), `reason ${finding.reason} of measure #${finding.measure} is one of ${[...reasons]}`);
            }

            // unknown-agency: exactly the names the registry does not know, at each mention.
            assert.deepEqual(
              sorted(of('unknown-agency').map((d) => `${rangeKey(d.offset)} ${d.data?.name}`)),
              sorted(located.agencies.filter((a) => canonical(a.name) === undefined).map((a) => `${rangeKey(a.range)} ${a.name}`)),
              'unknown-agency',
            );
            // alias-agency: exactly the mentions written as an alias.
            assert.deepEqual(
              sorted(of('alias-agency').map((d) => rangeKey(d.offset))),
              sorted(located.agencies.filter((a) => !KINDS.has(a.name) && ALIASES.has(a.name)).map((a) => rangeKey(a.range))),
              'alias-agency',
            );
            // duplicate-agency: a mention whose agency (aliases resolved) the measure already named.
            const repeats: string[] = [];
            const seen = new Map<number, Set<string>>();
            for (const a of located.agencies) {
              const names = seen.get(a.measure) ?? new Set<string>();
              seen.set(a.measure, names);
              const key = canonical(a.name) ?? a.name;
              if (names.has(key)) repeats.push(rangeKey(a.range));
              names.add(key);
            }
            assert.deepEqual(sorted(of('duplicate-agency').map((d) => rangeKey(d.offset))), sorted(repeats), 'duplicate-agency');
            // duplicate-id: every measure id or chapter id seen before.
            const again = (ids: { value: string; range: [number, number] }[]) => {
              const first = new Set<string>();
              return ids.filter((entry) => (first.has(entry.value) ? true : (first.add(entry.value), false))).map((entry) => rangeKey(entry.range));
            };
            assert.deepEqual(sorted(of('duplicate-id').map((d) => rangeKey(d.offset))), sorted([...again(located.ids), ...again(located.chapterIds)]), 'duplicate-id');
          }),
          runs(400),
        ),
      );
      console.log(`      generated guidelines: 400 runs in ${(ms / 1000).toFixed(1)} s`);
    });

    it('a document-wide division applies to every measure without its own', () => {
      fc.assert(
        fc.property(fc.constantFrom('by-function', 'joint'), fc.array(fc.option(fc.constantFrom('lead-first', 'by-function', 'joint'), { nil: undefined }), { minLength: 1, maxLength: 8 }), (top, own) => {
          const doc = {
            id: 'prop-doc',
            title: '甲',
            division: top,
            chapters: [{ id: '2', title: '乙', measures: own.map((division, i) => ({ id: `2.${i + 1}`, title: '丙', agencies: ['省科技厅', '省经信厅'], ...(division ? { division } : {}) })) }],
          };
          const project = new Project();
          project.setFile('tasks/agencies.yaml', PROPERTY_REGISTRY);
          project.setFile('tasks/doc.yaml', stringify(doc));
          const flagged = project
            .lint(['tasks/doc.yaml'])
            .diagnostics.filter((d) => d.rule === 'no-lead')
            .map((d) => d.message.match(/Measure (\S+)/)![1]);
          const expected = own.map((division, i) => [`2.${i + 1}`, division ?? top] as const).filter(([, division]) => division !== 'lead-first').map(([id]) => id);
          assert.deepEqual(flagged, expected);
        }),
        runs(200),
      );
    });
  });
});
