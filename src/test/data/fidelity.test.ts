// The encoded guideline against the published text (a copy of the seed kept as a fixture):
// every measure's title, text and agency list must rebuild its paragraph character for character.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const root = join(__dirname, '..', '..', '..');
const source = readFileSync(join(root, 'tasks/source/zj-ai-2027.txt'), 'utf8');
const guideline = parse(readFileSync(join(root, 'tasks/zj-ai-2027.yaml'), 'utf8'));
const registry = parse(readFileSync(join(root, 'tasks/agencies.yaml'), 'utf8'));

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七'];

interface Measure {
  id: string;
  title: string;
  text: string;
  agencies: string[];
  division?: string;
}

describe('fidelity of tasks/ to the source document', () => {
  it('has the seven parts with their printed titles', () => {
    const printed = CHINESE_NUMERALS.map((numeral) => source.match(new RegExp(`^${numeral}、(.+)$`, 'm'))![1]!.trim());
    assert.deepEqual(
      guideline.chapters.map((c: { id: string; title: string }) => [c.id, c.title]),
      printed.map((title, i) => [String(i + 1), title]),
    );
  });

  it('rebuilds every measure paragraph exactly', () => {
    const measures: Measure[] = guideline.chapters.flatMap((c: { measures?: Measure[] }) => c.measures ?? []);
    assert.equal(measures.length, 23);
    for (const m of measures) {
      const tail = m.division === 'by-function' ? '，根据职能分工各自负责' : m.id === '2.1' ? '，排名第一的为牵头单位，下同' : '';
      const paragraph = `${m.title}。${m.text}（${m.agencies.join('、')}${tail}）`;
      assert.ok(source.includes(paragraph), `measure ${m.id} does not match the source`);
    }
  });

  it('numbers measures as printed: 二（一） is 2.1', () => {
    for (const chapter of guideline.chapters) {
      for (const measure of chapter.measures ?? []) {
        const [part, item] = measure.id.split('.').map(Number);
        const numeral = CHINESE_NUMERALS[part - 1];
        const heading = source.indexOf(`${numeral}、${chapter.title}`);
        const itemMark = `（${CHINESE_NUMERALS[item - 1]}）${measure.title}。`;
        assert.ok(source.indexOf(itemMark, heading) > heading, `${measure.id} is not item ${itemMark} of part ${numeral}`);
      }
    }
  });

  it('states every 2027 target with its number as printed', () => {
    assert.equal(guideline.targets.length, 13);
    for (const target of guideline.targets) {
      assert.ok(source.includes(target.text), `target ${target.id} text is not in the source`);
      assert.ok(target.text.includes(String(target.value)), `target ${target.id} value ${target.value} is not in its text`);
      assert.equal(target.year, 2027);
    }
  });

  it('registers exactly the 31 agencies the document names, each with full and English names', () => {
    const named = new Set<string>();
    for (const match of source.matchAll(/（([^（）]*)）\s*$/gm)) {
      const list = match[1]!.split('，')[0]!;
      if (list === '征求意见稿') continue;
      for (const name of list.split('、')) named.add(name);
    }
    const names = registry.agencies.map((a: { name: string }) => a.name);
    assert.equal(names.length, 31);
    assert.deepEqual(new Set(names), named);
    for (const agency of registry.agencies) assert.ok(agency.fullName && agency.en && agency.kind, `${agency.name} is incomplete`);
  });
});
