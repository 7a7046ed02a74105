// `taskmatrix diff` end to end: two drafts as files, folders or a git revision; the three formats,
// both languages, exit codes, and data that must stay inert in Markdown and on a terminal.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, GUIDELINE, ROOT, run, STACK_FRAME, TempDirs, writeFiles } from './helpers';

const SEED = readFileSync(join(ROOT, GUIDELINE), 'utf8');
const REGISTRY = readFileSync(join(ROOT, 'tasks/agencies.yaml'), 'utf8');
const LEAD_SWAP = SEED.replace('agencies: [省科技厅, 省发展改革委, 省经信厅, 省教育厅, 之江实验室]\n      # 二（二）', 'agencies: [省发展改革委, 省科技厅, 省经信厅, 省教育厅, 之江实验室, 省财政厅]\n      # 二（二）');

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', args, { cwd, stdio: 'ignore', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } });
}

describe('cli: diff', function () {
  this.timeout(60000);
  const temp = new TempDirs();
  before(() => ensureBuilt());
  afterEach(() => temp.cleanup());

  const drafts = (after: string, before = SEED) => temp.withFiles({ 'tasks/agencies.yaml': REGISTRY, 'tasks/old.yaml': before, 'tasks/new.yaml': after });

  it('exits 0 and says so when nothing changed, 1 when something did', () => {
    const same = run(['diff', GUIDELINE, GUIDELINE]);
    assert.equal(same.status, 0, same.stderr);
    assert.match(same.stdout, /No responsibility changes\./);
    const dir = drafts(LEAD_SWAP);
    const changed = run(['diff', 'tasks/old.yaml', 'tasks/new.yaml'], { cwd: dir });
    assert.equal(changed.status, 1, changed.stderr);
    assert.match(changed.stdout, /~ 2\.1 +强化前沿基础研究/);
    assert.match(changed.stdout, /lead: 省科技厅 → 省发展改革委/);
    assert.match(changed.stdout, /co: \+省财政厅/);
    assert.match(changed.stdout, /0 added, 0 removed, 0 moved, 1 changed · 1 lead change\(s\)/);
  });

  it('speaks Simplified Chinese with --locale zh-cn', () => {
    const result = run(['diff', 'tasks/old.yaml', 'tasks/new.yaml', '--locale', 'zh-cn'], { cwd: drafts(LEAD_SWAP) });
    assert.match(result.stdout, /牵头：省科技厅 → 省发展改革委/);
    assert.match(result.stdout, /配合：\+省财政厅/);
    assert.match(result.stdout, /新增 0 项，删除 0 项，调整编号 0 项，修改 1 项/);
    const markdown = run(['diff', 'tasks/old.yaml', 'tasks/new.yaml', '--locale', 'zh-cn', '--format', 'markdown'], { cwd: drafts(LEAD_SWAP) });
    assert.match(markdown.stdout, /#### 牵头单位变化/);
  });

  it('prints JSON in the shape of the design', () => {
    const result = run(['diff', 'tasks/old.yaml', 'tasks/new.yaml', '--format', 'json'], { cwd: drafts(LEAD_SWAP) });
    assert.equal(result.status, 1);
    const json = JSON.parse(result.stdout);
    assert.deepEqual(Object.keys(json), ['summary', 'documents', 'measures', 'agencies']);
    assert.deepEqual(json.summary, { added: 0, removed: 0, moved: 0, changed: 1 });
    assert.deepEqual(json.measures, [
      {
        change: 'changed',
        document: 'zj-ai-2027',
        id: '2.1',
        oldId: '2.1',
        title: '强化前沿基础研究',
        oldTitle: '强化前沿基础研究',
        lead: { old: '省科技厅', new: '省发展改革委' },
        coAdded: ['省财政厅'],
        coRemoved: [],
        division: null,
        deadline: null,
        status: null,
        textChanged: false,
      },
    ]);
    assert.deepEqual(json.agencies[0], { name: '省科技厅', leadsGained: [], leadsLost: ['2.1'], coGained: [], coLost: [] });
  });

  it('compares folders, pairing documents by id and listing those added and removed', () => {
    const dir = temp.withFiles({
      'v1/agencies.yaml': REGISTRY,
      'v1/zj.yaml': SEED,
      'v1/gone.yaml': 'id: gone\ntitle: 旧\nchapters:\n  - id: "1"\n    title: 一\n    measures:\n      - id: "1.1"\n        title: 撤销的措施\n        agencies: [省科技厅]\n',
      'v2/agencies.yaml': REGISTRY,
      'v2/renamed.yaml': LEAD_SWAP,
    });
    const result = run(['diff', 'v1', 'v2', '--format', 'json'], { cwd: dir });
    assert.equal(result.status, 1, result.stderr);
    const json = JSON.parse(result.stdout);
    assert.deepEqual(json.documents, { added: [], removed: ['gone'] });
    assert.deepEqual(json.measures.map((m: { change: string; document: string; id: string }) => `${m.change} ${m.document}:${m.id}`), ['changed zj-ai-2027:2.1', 'removed gone:1.1']);
  });

  it('works on drafts with lint errors, counting on standard error those that leave something unread', () => {
    // An unknown agency is compared as written: lint reports it, the diff has nothing to warn of.
    const unknown = LEAD_SWAP.replace('agencies: [省科技厅, 省经信厅, 省财政厅, 之江实验室]', 'agencies: [省科技厅, 省不存在厅]');
    const compared = run(['diff', 'tasks/old.yaml', 'tasks/new.yaml'], { cwd: drafts(unknown) });
    assert.equal(compared.status, 1);
    assert.match(compared.stdout, /co: \+省不存在厅 -省经信厅 -省财政厅 -之江实验室/);
    assert.equal(compared.stderr, '');
    // A key the schema does not know may hold what the drafter meant: the count says so.
    const misspelt = unknown.replace('agencies: [省科技厅, 省不存在厅]', 'agencies: [省科技厅, 省不存在厅]\n        deadlin: 2025年底前');
    assert.notEqual(misspelt, unknown);
    const partly = run(['diff', 'tasks/old.yaml', 'tasks/new.yaml'], { cwd: drafts(misspelt) });
    assert.equal(partly.status, 1);
    assert.match(partly.stdout, /co: \+省不存在厅 -省经信厅 -省财政厅 -之江实验室/);
    assert.match(partly.stderr, /^taskmatrix: 1 YAML or schema error\(s\) in the drafts; the diff compares what could be read\./);
  });

  it('exits 2 with one clear line for usage and input errors', () => {
    const cases: [string[], RegExp][] = [
      [['diff', GUIDELINE], /give OLD and NEW/],
      [['diff', GUIDELINE, 'tasks/missing.yaml'], /missing\.yaml/],
      [['diff', GUIDELINE, GUIDELINE, '--format', 'html'], /unknown format "html" for diff; use one of stylish, markdown, json/],
      [['diff', 'tasks/agencies.yaml', GUIDELINE], /no guideline in tasks\/agencies\.yaml/],
      [['diff', GUIDELINE, GUIDELINE, '--grid'], /diff does not take --grid/],
    ];
    for (const [args, message] of cases) {
      const result = run(args);
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, message);
      assert.doesNotMatch(result.stderr, STACK_FRAME);
    }
  });

  it('keeps agency names inert: escaped in Markdown, control characters shown escaped on a terminal', () => {
    const hostile = '省科技厅|`x`<img src=x onerror=alert(1)>@octocat\u001b]0;pwn\u0007';
    const registry = `${REGISTRY}\n  - name: "${hostile.replace(/\u001b/g, '\\e').replace(/\u0007/g, '\\a')}"\n    kind: government\n`;
    const after = SEED.replace('agencies: [省市场监管局, 省经信厅, 省科技厅]', `agencies: [省市场监管局, 省经信厅, 省科技厅, "${hostile.replace(/\u001b/g, '\\e').replace(/\u0007/g, '\\a')}"]`);
    const dir = temp.withFiles({ 'tasks/agencies.yaml': registry, 'tasks/old.yaml': SEED, 'tasks/new.yaml': after });
    const markdown = run(['diff', 'tasks/old.yaml', 'tasks/new.yaml', '--format', 'markdown'], { cwd: dir });
    assert.equal(markdown.status, 1, markdown.stderr);
    // The name is one code span (pipes escaped as GFM asks, a fence longer than its backticks), so
    // nothing in it is HTML, a mention or a cell boundary; cli-diff-markdown-gfm.test.ts renders it.
    assert.ok(markdown.stdout.includes('+``省科技厅\\|`x`<img src=x onerror=alert(1)>@octocat\\u001b]0;pwn\\u0007``'), markdown.stdout);
    assert.ok(!markdown.stdout.includes('@\u200b'), 'no zero-width space for a reader to copy');
    assert.ok(!markdown.stdout.includes('\u001b'));
    const stylish = run(['diff', 'tasks/old.yaml', 'tasks/new.yaml'], { cwd: dir });
    assert.ok(!stylish.stdout.includes('\u001b') && !stylish.stdout.includes('\u0007'));
    assert.match(stylish.stdout, /\\u001b\]0;pwn\\u0007/);
  });

  it('keeps a large Markdown diff under GitHub\'s 65,536 characters, lead changes first, the rest counted', () => {
    const measures = Array.from({ length: 3000 }, (_, i) => `      - id: "2.${i + 1}"\n        title: 第${i + 1}项措施：推动人工智能与实体经济深度融合并建设一批示范应用场景\n        agencies: [省科技厅, 省经信厅, 省发展改革委]\n`).join('');
    const doc = (body: string) => `id: big\ntitle: 大文件\nchapters:\n  - id: "2"\n    title: 二\n    measures:\n${body}`;
    const dir = temp.withFiles({ 'tasks/agencies.yaml': REGISTRY, 'tasks/old.yaml': doc(measures), 'tasks/new.yaml': doc(measures.replace(/agencies: \[省科技厅, 省经信厅, 省发展改革委\]/g, 'agencies: [省经信厅, 省科技厅, 省财政厅]')) });
    const result = run(['diff', 'tasks/old.yaml', 'tasks/new.yaml', '--format', 'markdown'], { cwd: dir });
    assert.equal(result.status, 1, result.stderr);
    assert.ok(result.stdout.length < 65536, `${result.stdout.length} characters`);
    assert.match(result.stdout, /\*\*0 added, 0 removed, 0 moved, 3000 changed\*\* · 3000 lead change\(s\)/);
    assert.match(result.stdout, /_… \d+ more row\(s\) left out to stay within GitHub's comment limit/);
    assert.ok(result.stdout.indexOf('#### Lead changes') < result.stdout.indexOf('<details>'));
    assert.match(result.stdout, /<\/details>\n$/);
  });

  describe('--git', () => {
    function repository(): string {
      const dir = temp.withFiles({ 'my tasks/agencies.yaml': REGISTRY, 'my tasks/zj ai.yaml': SEED });
      git(dir, 'init', '-q');
      git(dir, 'add', '.');
      git(dir, 'commit', '-q', '-m', 'first draft');
      return dir;
    }

    it('compares the working tree with a revision, in a folder whose name has a space', () => {
      const dir = repository();
      const clean = run(['diff', '--git', 'HEAD', 'my tasks'], { cwd: dir });
      assert.equal(clean.status, 0, clean.stderr);
      writeFileSync(join(dir, 'my tasks/zj ai.yaml'), LEAD_SWAP);
      const changed = run(['diff', '--git', 'HEAD', 'my tasks', '--format', 'json'], { cwd: dir });
      assert.equal(changed.status, 1, changed.stderr);
      assert.deepEqual(JSON.parse(changed.stdout).measures.map((m: { id: string; lead: unknown }) => [m.id, m.lead]), [['2.1', { old: '省科技厅', new: '省发展改革委' }]]);
    });

    it('reports a file the revision lacks as a document added, and a deleted one as removed', () => {
      const dir = repository();
      writeFiles(dir, { 'my tasks/new doc.yaml': 'id: new-doc\ntitle: 新\nchapters:\n  - id: "1"\n    title: 一\n    measures:\n      - id: "1.1"\n        title: 新措施\n        agencies: [省科技厅]\n' });
      const added = JSON.parse(run(['diff', '--git', 'HEAD', 'my tasks', '--format', 'json'], { cwd: dir }).stdout);
      assert.deepEqual(added.documents, { added: ['new-doc'], removed: [] });
      rmSync(join(dir, 'my tasks/zj ai.yaml'));
      const removed = JSON.parse(run(['diff', '--git', 'HEAD', 'my tasks', '--format', 'json'], { cwd: dir }).stdout);
      assert.deepEqual(removed.documents, { added: ['new-doc'], removed: ['zj-ai-2027'] });
      assert.equal(removed.summary.removed, 23);
    });

    it('reads every file of the revision, a name with a line break and a binary file included', () => {
      // Three guidelines in one batch of git cat-file, one whose name the batch cannot carry
      // (read with git show), and a file that is not text: all as a working-tree read sees them.
      const third = SEED.replace('id: zj-ai-2027', 'id: third-doc');
      const dir = temp.withFiles({ 'tasks/agencies.yaml': REGISTRY, 'tasks/a.yaml': SEED, 'tasks/line\nbreak.yaml': LEAD_SWAP.replace('id: zj-ai-2027', 'id: odd-name'), 'tasks/c.yaml': third });
      writeFileSync(join(dir, 'tasks/binary.yaml'), Buffer.from([0x69, 0x64, 0x00, 0xff]));
      git(dir, 'init', '-q');
      git(dir, 'add', '.');
      git(dir, 'commit', '-q', '-m', 'first draft');
      const clean = run(['diff', '--git', 'HEAD', '--format', 'json'], { cwd: dir });
      assert.equal(clean.status, 0, clean.stdout + clean.stderr);
      assert.match(clean.stderr, /2 YAML or schema error\(s\) in the drafts/);
      writeFileSync(join(dir, 'tasks/line\nbreak.yaml'), SEED.replace('id: zj-ai-2027', 'id: odd-name'));
      writeFileSync(join(dir, 'tasks/c.yaml'), LEAD_SWAP.replace('id: zj-ai-2027', 'id: third-doc'));
      const changed = run(['diff', '--git', 'HEAD', '--format', 'json'], { cwd: dir });
      assert.equal(changed.status, 1, changed.stderr);
      const measures = JSON.parse(changed.stdout).measures.map((m: { document: string; id: string; lead: unknown }) => [m.document, m.id, m.lead]);
      assert.deepEqual(measures, [
        ['third-doc', '2.1', { old: '省科技厅', new: '省发展改革委' }],
        ['odd-name', '2.1', { old: '省发展改革委', new: '省科技厅' }],
      ]);
    });

    it('exits 2 with a clear line outside a repository, for an unknown revision and for a revision that looks like an option', () => {
      const outside = temp.withFiles({ 'tasks/agencies.yaml': REGISTRY, 'tasks/zj.yaml': SEED });
      const cases: [string, string[], RegExp][] = [
        [outside, ['diff', '--git', 'HEAD'], /not inside a git repository/],
        [repository(), ['diff', '--git', 'no-such-branch', 'my tasks'], /unknown revision "no-such-branch"/],
        [repository(), ['diff', '--git=--output=x', 'my tasks'], /needs a revision such as HEAD/],
      ];
      for (const [cwd, args, message] of cases) {
        const result = run(args, { cwd, env: { GIT_CEILING_DIRECTORIES: join(cwd, '..') } });
        assert.equal(result.status, 2, `${args.join(' ')}: ${result.stdout}${result.stderr}`);
        assert.match(result.stderr, message);
        assert.doesNotMatch(result.stderr, STACK_FRAME);
      }
    });
  });
});
