// One wording table (issue 15, item 2): the words for no-lead reasons, divisions, roles and the
// graph are src/core/wording/wording.ts's, in both languages, and the hosts (src/cli, src/extension) spell
// none of their own. These tests read the hosts' sources, so that a host that writes 各自负责 or
// `牵头: ` itself again fails `npm test`.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { divisionText, DIVISIONS, graphNotice, leadSummary, loadSummary, noLeadCellText, noLeadReasonText, roleCountText, roleGroupLabel, roleLabel, roleWord } from '../../core/index';
import type { Locale, NoLeadReason, Role } from '../../core/index';

const ROOT = join(__dirname, '../../..');
const LOCALES: Locale[] = ['en', 'zh-cn'];
const REASONS: NoLeadReason[] = ['by-function', 'joint', 'collective', 'none-listed'];
const ROLES: Role[] = ['lead', 'co', 'responsible'];
/** Help text documents how `taskmatrix import` reads a document's own words: it may quote them. */
const HELP = 'src/cli/help.ts';

function sourcesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sourcesUnder(path) : /\.ts$/.test(name) ? [path] : [];
  });
}

const hostFiles = () =>
  ['cli', 'extension']
    .flatMap((host) => sourcesUnder(join(ROOT, 'src', host)))
    .map((path) => relative(ROOT, path))
    .filter((path) => path !== HELP);

/** A source without its comments (block comments, whole-line ones, and those after code). */
function code(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '')
    .replace(/([;,{}()\]])\s+\/\/ .*$/gm, '$1');
}

/** The string literals of a source: quoted strings and the text parts of template literals. */
function literals(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)) {
    if (m[3] !== undefined) found.push(...m[3].split(/\$\{[^}]*\}/));
    else found.push(m[1] ?? m[2]!);
  }
  return found;
}

describe('wording: one table in the core, both languages', () => {
  it('says why a measure has no lead in words, in each language', () => {
    assert.equal(noLeadReasonText('zh-cn', 'by-function'), '根据职能分工各自负责');
    assert.equal(noLeadReasonText('en', 'by-function'), 'by function (根据职能分工各自负责)');
    assert.equal(noLeadCellText('zh-cn', 'by-function'), '各自负责');
    for (const locale of LOCALES) {
      const texts = REASONS.map((reason) => noLeadReasonText(locale, reason));
      assert.equal(new Set(texts).size, REASONS.length, `${locale}: one text per reason`);
      for (const text of texts) assert.doesNotMatch(text, /^[a-z-]+$/, `${text} is words, not an id`);
      for (const division of DIVISIONS) assert.ok(divisionText(locale, division).length > 0);
    }
  });

  it('keeps the role words the documents use in both languages, and translates the phrases around them', () => {
    assert.deepEqual(ROLES.map((role) => roleWord('en', role)), ['牵头', '配合', '负责']);
    assert.deepEqual(ROLES.map((role) => roleWord('zh-cn', role)), ['牵头', '配合', '负责']);
    assert.equal(roleLabel('en', 'co'), 'co-responsible (配合)');
    assert.equal(roleGroupLabel('en', 'lead'), 'Leads (牵头)');
    assert.equal(roleCountText('en', 'lead', 3), 'Leads 3 (牵头)');
    assert.equal(roleCountText('zh-cn', 'co', 2), '配合 2 项');
    assert.equal(leadSummary('zh-cn', '省科技厅'), '牵头: 省科技厅');
    assert.equal(leadSummary('en', null), '无牵头单位');
    assert.equal(loadSummary('en', { led: 1, coOwned: 2, noLead: 0 }), '牵头 1 · 配合 2');
    assert.equal(loadSummary('zh-cn', { led: 0, coOwned: 0, noLead: 1 }), '牵头 0 · 配合 0 · 无牵头 1');
  });

  it('names no command-line flag in the graph notice: a host adds its own way to filter', () => {
    const counts = { measures: 900, shown: 40, total: 120 };
    for (const locale of LOCALES) {
      for (const level of ['parts', 'documents', 'strongest-links'] as const) {
        const notice = graphNotice(locale, level, counts);
        assert.doesNotMatch(notice, /--|\{|\}/, notice);
        assert.ok(notice.includes('900'), notice);
        assert.ok(graphNotice(locale, level, counts, 'the Agency filter').includes('the Agency filter'));
      }
    }
    assert.match(graphNotice('en', 'parts', counts, '--agency NAME / --chapter ID'), /Filter by agency or part \(--agency NAME \/ --chapter ID\) for measure detail\.$/);
    assert.match(graphNotice('zh-cn', 'parts', counts, '--agency 单位'), /按单位或部分筛选（--agency 单位）可查看措施明细。$/);
  });
});

describe('wording: the hosts spell none of it themselves', () => {
  it('finds the host sources it reads', () => {
    const files = hostFiles();
    assert.ok(files.includes('src/cli/messages.ts') && files.includes('src/extension/outline.ts') && files.includes('src/extension/agencies-tree.ts'), files.join(', '));
  });

  it('writes 各自负责 in no host module but the help text of taskmatrix import', () => {
    for (const path of hostFiles()) assert.ok(!readFileSync(join(ROOT, path), 'utf8').includes('各自负责'), `${path} says 各自负责: take the words from src/core/wording/wording.ts`);
  });

  it('has no host string that is a role word, a no-lead reason, a division or a marker of the table', () => {
    const whole = new Set(['牵头', '配合', '负责', '无牵头', '无牵头单位', '牵头:', '牵头：']);
    const phrases = [
      ...LOCALES.flatMap((locale) => REASONS.map((reason) => noLeadReasonText(locale, reason))),
      ...REASONS.map((reason) => noLeadCellText('en', reason)),
      ...LOCALES.flatMap((locale) => DIVISIONS.map((division) => divisionText(locale, division))),
      ...ROLES.flatMap((role) => [roleLabel('en', role), roleGroupLabel('en', role)]),
      '⚠ 逾期',
      '⚠ 未登记',
      '⚠ not registered',
      '根据职能分工',
    ];
    for (const path of hostFiles()) {
      for (const literal of literals(code(path))) {
        assert.ok(!whole.has(literal.trim()), `${path} spells "${literal}" itself: take it from src/core/wording/wording.ts`);
        for (const phrase of phrases) assert.ok(!literal.includes(phrase), `${path} spells "${phrase}" itself (in "${literal}"): take it from src/core/wording/wording.ts`);
      }
    }
  });

  it('lets the extension say 牵头, 配合 and 负责 only through the table (or inside a whole l10n phrase)', () => {
    for (const path of hostFiles().filter((file) => file.startsWith('src/extension/'))) {
      const rest = code(path).replace(/l10n\.t\(\s*'(?:[^'\\]|\\.)*'/g, "l10n.t(''");
      const line = rest.split('\n').find((text) => /[牵配负]/.test(text));
      assert.equal(line, undefined, `${path}: ${line?.trim()}`);
    }
  });

  it('would catch a host that spells them (the checks check)', () => {
    const bad = "const a = '牵头'; // fine\nitem.description = `牵头: ${lead}`;\nconst b = '根据职能分工各自负责';";
    const found = literals(bad.replace(/([;,{}()\]])\s+\/\/ .*$/gm, '$1'));
    assert.ok(found.includes('牵头'));
    assert.ok(found.includes('牵头: '));
    assert.ok(found.some((literal) => literal.includes('各自负责')));
  });
});
