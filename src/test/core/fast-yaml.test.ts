import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import { parseFast } from '../../core/source/fast-yaml';
import { generateCorpus } from '../../bench/generate-corpus';

/** Everything of a node tree the engine reads: kinds, values, sources, styles and full ranges. */
function shape(node: unknown): unknown {
  if (node === null || node === undefined) return null;
  if (isMap(node)) return { map: node.items.map((pair) => [shape(pair.key), shape(pair.value)]), range: node.range, flow: Boolean(node.flow) };
  if (isSeq(node)) return { seq: node.items.map(shape), range: node.range, flow: Boolean(node.flow) };
  if (isPair(node)) return { pair: [shape(node.key), shape(node.value)] };
  if (isScalar(node)) return { value: node.value, source: node.source, type: node.type, range: node.range };
  return { other: String(node) };
}

/** Parses with yaml as the engine does, for comparison. */
function reference(text: string) {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true, version: '1.2', logLevel: 'error' });
  return { doc, clean: doc.errors.length === 0 && doc.warnings.length === 0 };
}

/** The fast path either declines or agrees with yaml exactly. */
function assertAgrees(text: string): boolean {
  const fast = parseFast(text);
  if (!fast) return false;
  const { doc, clean } = reference(text);
  assert.ok(clean, `fast path accepted text yaml rejects:\n${text}\n${doc.errors.map((e) => e.message).join('\n')}`);
  assert.deepEqual(shape(fast.doc.contents), shape(doc.contents), `node trees differ for:\n${JSON.stringify(text)}`);
  assert.deepEqual(fast.data, doc.toJS(), `data differs for:\n${text}`);
  return true;
}

const root = join(__dirname, '..', '..', '..');

describe('fast YAML path', () => {
  it('builds the same nodes and data as yaml for the bundled task files', () => {
    for (const name of readdirSync(join(root, 'tasks')).filter((file) => file.endsWith('.yaml'))) {
      assert.ok(assertAgrees(readFileSync(join(root, 'tasks', name), 'utf8').replace(/^\uFEFF/, '')), `${name} should take the fast path`);
    }
  });

  it('builds the same nodes and data as yaml for generated corpus files', () => {
    const { files } = generateCorpus({ measures: 300, seed: 7, perFile: 100, registryText: readFileSync(join(root, 'tasks', 'agencies.yaml'), 'utf8') });
    for (const file of files) assert.ok(assertAgrees(file.text), `${file.name} should take the fast path`);
  });

  it('declines what it does not handle, so yaml reports it', () => {
    for (const text of [
      'a: 1\na: 2\n', // duplicate key
      'a:\n  b: 1\na: 2\n', // duplicate key after a nested value
      'a:\n  - x\nb: 1\na: 2\n', // duplicate key after a nested list
      'a: &x 1\nb: *x\n', // anchors
      'a: |\n  text\n', // block scalar
      'a: "x\\ny"\n', // escapes
      'a: 1.5\n', // float
      'a: true\n', // boolean
      'a:\nb: 1\n', // empty value
      'a: b: c\n', // nested compact mapping
      'a: x\n  y\n', // multi-line plain scalar
      'a:\r\n  - x\r\n', // CR line ends
      'a: [x, [y]]\n', // nested flow
      'a: {x: 1}\n', // flow mapping
      '- x\n', // a sequence at the root
      '---\na: 1\n', // document marker
      'a: x # [\n', // a bracket in a comment
      'a: # {\n  b: 1\n', // a bracket in a comment after a key
      '# [\na: 1\n', // a bracket in a comment line
      'a:\n  - \n', // empty item
    ]) {
      assert.equal(parseFast(text), undefined, JSON.stringify(text));
    }
  });

  it('reads keys named like members of every object, and still declines them repeated', () => {
    for (const text of ['constructor: x\ntoString: y\nhasOwnProperty: z\n', 'a:\n  valueOf: 1\n  isPrototypeOf: [x]\n']) {
      assert.ok(assertAgrees(text), JSON.stringify(text));
    }
    for (const text of ['toString: x\ntoString: y\n', 'a:\n  constructor: 1\n  constructor: 2\n']) {
      assert.equal(parseFast(text), undefined, JSON.stringify(text));
    }
  });

  it('agrees with yaml on a mapping of many keys', () => {
    const text = `a:\n${Array.from({ length: 3000 }, (_, i) => `  key_${i}: v${i}\n`).join('')}b: [x]\n`;
    assert.ok(assertAgrees(text));
    assert.equal(parseFast(`${text}a: 1\n`), undefined, 'a repeated key after many');
  });

  it('agrees with yaml wherever comments and blank lines fall', () => {
    const key = fc.constantFrom('id', 'title', 'text', 'agencies', 'division', 'x', '措施');
    const scalar = fc.constantFrom('2-1', '"2.1"', "'a''b'", '省科技厅', '3000', '"x y"', 'a b', '加快推进，支持', "''", '""', '0', '+5', 'a#b');
    const flow = fc.array(fc.constantFrom('省科技厅', '"省经信厅"', "'x'", '12', 'a b'), { maxLength: 4 }).chain((items) =>
      fc.constantFrom(`[${items.join(', ')}]`, `[ ${items.join(' , ')} ]`, `[${items.join(',')}]`),
    );
    const trailing = fc.constantFrom('', '  ', ' # note', '  # 二（一）');
    const trivia = fc.array(fc.constantFrom('', '  ', '# c', '  # c', '    # c', '      # c', '        # c', '          # c'), { maxLength: 3 });
    type Tree = { kind: 'map'; pairs: [string, Tree | string][] } | { kind: 'seq'; items: (Tree | string)[] };
    const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree; value: Tree | string }>((tie) => ({
      tree: fc.oneof(
        { depthSize: 'medium', withCrossShrink: true },
        fc.uniqueArray(fc.tuple(key, tie('value')), { minLength: 1, maxLength: 4, selector: ([k]) => k }).map((pairs) => ({ kind: 'map' as const, pairs })),
        fc.array(tie('value'), { minLength: 1, maxLength: 3 }).map((items) => ({ kind: 'seq' as const, items })),
      ),
      value: fc.oneof({ depthSize: 'medium' }, { arbitrary: scalar, weight: 2 }, { arbitrary: flow, weight: 1 }, { arbitrary: tie('tree'), weight: 2 }),
    })).tree;

    const render = (node: Tree, indent: number, before: () => string[], after: () => string, compact: boolean): string[] => {
      const pad = ' '.repeat(indent);
      const lines: string[] = [];
      const entries = node.kind === 'map' ? node.pairs : node.items.map((item) => [undefined, item] as const);
      entries.forEach(([k, value], index) => {
        if (index > 0 || !compact) lines.push(...before());
        const head = k === undefined ? '- ' : `${k}: `;
        const prefix = index === 0 && compact ? '' : pad;
        if (typeof value === 'string') lines.push(`${prefix}${head}${value}${after()}`);
        else if (k === undefined && value.kind === 'map') {
          const inner = render(value, indent + 2, before, after, true);
          lines.push(`${prefix}- ${inner[0]}`, ...inner.slice(1));
        } else if (k === undefined) lines.push(`${prefix}- x${after()}`);
        else {
          lines.push(`${prefix}${k}:${after()}`);
          lines.push(...render(value, value.kind === 'seq' && index % 2 ? indent : indent + 2, before, after, false));
        }
      });
      return lines;
    };

    let accepted = 0;
    let nested = 0;
    let declined = 0;
    fc.assert(
      fc.property(tree, fc.array(trivia, { minLength: 20, maxLength: 20 }), fc.array(trailing, { minLength: 20, maxLength: 20 }), fc.boolean(), (value, lines, tails, finalNewline) => {
        if (value.kind !== 'map') return;
        let b = 0;
        let a = 0;
        const text = render(value, 0, () => lines[b++ % lines.length]!, () => tails[a++ % tails.length]!, false).join('\n').concat(finalNewline ? '\n' : '');
        if (process.env.FAST_YAML_DEBUG && !parseFast(text) && reference(text).clean && declined++ < 3) console.log(`declined:\n${text}\n-----`);
        if (assertAgrees(text)) {
          accepted++;
          if (/\n {4,}- \S+: /.test(text)) nested++;
        }
      }),
      { numRuns: 3000, seed: 42 },
    );
    if (process.env.FAST_YAML_DEBUG) console.log({ accepted, nested });
    assert.ok(accepted > 500, `only ${accepted} generated documents took the fast path`);
  });
});
