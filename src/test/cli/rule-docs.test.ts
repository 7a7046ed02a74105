// A rule's docs link is its metadata's (issue 15, item 3): SARIF's helpUri and the anchor the
// editor's Problems view links a rule id to are both built from `meta.docs`, so they cannot point
// at different places, and each points at the rule's section of docs/rules.md.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sarif } from '../../cli/formatters/sarif';
import { DOCS_BASE_URL, ruleById, ruleDocs, RULES } from '../../core/index';

const ROOT = join(__dirname, '../../..');

describe('rule docs links', () => {
  it('gives every rule a docs link to its own section of docs/rules.md', () => {
    const docs = readFileSync(join(ROOT, 'docs/rules.md'), 'utf8');
    for (const { meta } of RULES) {
      const link = ruleDocs(meta);
      assert.equal(meta.docs, `docs/rules.md#${meta.id}`);
      assert.equal(link.file, 'docs/rules.md');
      assert.equal(link.anchor, meta.id);
      assert.match(docs, new RegExp(`^## ${link.anchor}\\s*$`, 'm'), `docs/rules.md has a section #${link.anchor}`);
      assert.equal(link.url, `${DOCS_BASE_URL}docs/rules.md#${meta.id}`);
    }
    assert.equal(ruleDocs(ruleById('no-lead')!.meta).url, 'https://github.com/taskmatrix/taskmatrix/blob/main/docs/rules.md#no-lead');
  });

  it('puts the metadata\'s link into SARIF as each rule\'s helpUri', () => {
    const log = JSON.parse(sarif({ diagnostics: [], suppressed: [], files: [], reportSuppressed: false, locale: 'en', cwd: ROOT, color: false, version: '0.0.0' })) as {
      runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } } }[];
    };
    const rules = log.runs[0]!.tool.driver.rules;
    assert.deepEqual(
      rules.map((rule) => [rule.id, rule.helpUri]),
      RULES.map(({ meta }) => [meta.id, ruleDocs(meta).url]),
    );
  });

  it('links the editor\'s diagnostic code to the metadata\'s anchor, not to an anchor of its own', () => {
    // src/extension/diagnostics.ts needs vscode; what it links to is read from its source.
    const source = readFileSync(join(ROOT, 'src/extension/diagnostics.ts'), 'utf8');
    const code = /diagnostic\.code = (.*);/.exec(source)?.[1] ?? '';
    assert.match(source, /const docs = rule && ruleDocs\(rule\.meta\);/);
    assert.match(code, /docs\.file\.split\('\/'\).*fragment: docs\.anchor/, code);
    assert.doesNotMatch(code, /fragment: d\.rule/, code);
    // The extension-host suite encodings.exthost.ts checks the link a diagnostic really carries.
  });
});
