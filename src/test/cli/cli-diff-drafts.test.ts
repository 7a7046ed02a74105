// The workflow issue 18 names: a reviewer imports two drafts of one document and diffs the two
// imports. The drafts are real: the Zhejiang AI guideline as put out for comment (征求意见稿,
// 2023-08-10, the project's seed) and as issued (浙政办发〔2023〕65号), each up to measure 二（一）.
// Sources and what a reader of the two texts sees: src/test/fixtures/diff-drafts/README.md.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, ROOT, run, TempDirs } from './helpers';

const FIXTURES = join(ROOT, 'src/test/fixtures/diff-drafts');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

describe('cli: import two real drafts, then diff them', function () {
  this.timeout(60000);
  const temp = new TempDirs();
  before(() => ensureBuilt());
  after(() => temp.cleanup());

  let dir: string;
  before(() => {
    dir = temp.withFiles({ '征求意见稿.txt': fixture('zj-ai-draft.txt'), '印发稿.txt': fixture('zj-ai-issued.txt') });
    // As a drafter does in an empty folder: the first import creates the registry, the second adds to it.
    for (const [source, id] of [['征求意见稿.txt', 'zj-ai-draft'], ['印发稿.txt', 'zj-ai-issued']]) {
      const imported = run(['import', source!, '--id', id!, '-o', `tasks/${id}.yaml`, '--update-registry'], { cwd: dir });
      assert.equal(imported.status, 0, imported.stderr);
      assert.match(imported.stderr, /2 parts, 1 measures, 1 agency lists/);
      assert.match(imported.stderr, /Every measure and agency list was read\./);
    }
  });

  it('pairs the two documents although their ids and titles differ (（征求意见稿） and the issuing office)', () => {
    const json = JSON.parse(run(['diff', 'tasks/zj-ai-draft.yaml', 'tasks/zj-ai-issued.yaml', '--format', 'json'], { cwd: dir }).stdout);
    assert.deepEqual(json.documents, { added: [], removed: [] });
  });

  it('finds what a reader of the two texts finds: 之江实验室 dropped from 二（一）, its text rewritten, its lead kept', () => {
    const result = run(['diff', 'tasks/zj-ai-draft.yaml', 'tasks/zj-ai-issued.yaml', '--format', 'json'], { cwd: dir });
    assert.equal(result.status, 1, result.stderr);
    const json = JSON.parse(result.stdout);
    assert.deepEqual(json.summary, { added: 0, removed: 0, moved: 0, changed: 1 });
    // 二（一）: draft （省科技厅、省发展改革委、省经信厅、省教育厅、之江实验室，排名第一的为牵头单位，下同）,
    // issued (责任单位:省科技厅、省发展改革委、省经信厅、省教育厅。列第一位的为牵头单位,下同).
    // The other wording of the lead rule and the ASCII punctuation of the issued copy change nothing.
    assert.deepEqual(json.measures, [
      {
        change: 'changed',
        document: 'zj-ai-issued',
        id: '2.1',
        oldId: '2.1',
        title: '强化前沿基础研究',
        oldTitle: '强化前沿基础研究',
        lead: null,
        coAdded: [],
        coRemoved: ['之江实验室'],
        division: null,
        deadline: null,
        status: null,
        textChanged: true,
      },
    ]);
    assert.deepEqual(json.agencies, [{ name: '之江实验室', leadsGained: [], leadsLost: [], coGained: [], coLost: ['2.1'] }]);
  });

  it('says it in a terminal in both languages and in a pull-request comment', () => {
    const stylish = run(['diff', 'tasks/zj-ai-draft.yaml', 'tasks/zj-ai-issued.yaml'], { cwd: dir });
    assert.match(stylish.stdout, /~ 2\.1 +强化前沿基础研究 +changed\n +co: -之江实验室\n +text changed\n/);
    assert.match(stylish.stdout, /0 added, 0 removed, 0 moved, 1 changed\n$/);
    const chinese = run(['diff', 'tasks/zj-ai-draft.yaml', 'tasks/zj-ai-issued.yaml', '--locale', 'zh-cn'], { cwd: dir });
    assert.match(chinese.stdout, /配合：-之江实验室\n +正文有修改\n/);
    const markdown = run(['diff', 'tasks/zj-ai-draft.yaml', 'tasks/zj-ai-issued.yaml', '--format', 'markdown'], { cwd: dir });
    assert.match(markdown.stdout, /\*\*0 added, 0 removed, 0 moved, 1 changed\*\* · 0 lead change\(s\)/);
    assert.match(markdown.stdout, /No lead changed\./);
    assert.match(markdown.stdout, /\| changed \| 2\.1 \| 强化前沿基础研究 \| co: −`之江实验室`<br>text changed \|/);
  });

  it('reports nothing when the issued text is imported twice', () => {
    const again = run(['import', '印发稿.txt', '--id', 'zj-ai-issued', '-o', 'again/zj-ai-issued.yaml', '--registry', 'tasks/agencies.yaml'], { cwd: dir });
    assert.equal(again.status, 0, again.stderr);
    const same = run(['diff', 'tasks/zj-ai-issued.yaml', 'again/zj-ai-issued.yaml'], { cwd: dir });
    assert.equal(same.status, 0, same.stdout + same.stderr);
    assert.match(same.stdout, /No responsibility changes\./);
  });
});
