// Hover, go to definition and find references on agency names.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activate, GUIDELINE, markdownOf, rangeOf, REGISTRY, replaceText, restoreFixture, settled, showDoc, wsUri } from './helpers';

async function hoverAt(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover[]> {
  return (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position)) ?? [];
}

/** taskmatrix's hover (other hovers, if any, are left out). */
async function ourHover(document: vscode.TextDocument, position: vscode.Position): Promise<{ markdown: string; range: vscode.Range | undefined }> {
  const hovers = (await hoverAt(document, position)).filter((h) => /Kind|Not in the agency registry|种类|不在/.test(markdownOf(h)));
  assert.equal(hovers.length, 1, `one taskmatrix hover at ${position.line + 1}:${position.character + 1}`);
  return { markdown: markdownOf(hovers[0]!), range: hovers[0]!.range };
}

const at = (line: number, from: number, to: number) => `${line}:${from}-${to}`;
function brief(location: vscode.Location | vscode.LocationLink): string {
  const uri = 'uri' in location ? location.uri : location.targetUri;
  const range = 'range' in location ? location.range : location.targetSelectionRange ?? location.targetRange;
  assert.equal(range.start.line, range.end.line);
  return `${uri.path.split('/tasks/')[1]} ${at(range.start.line, range.start.character, range.end.character)}`;
}

describe('hover and navigation', () => {
  let document: vscode.TextDocument;
  before(activate);
  beforeEach(async () => {
    document = (await showDoc(GUIDELINE)).document;
    await settled(GUIDELINE);
  });
  afterEach(restoreFixture);

  it('hover on an agency shows its full and English names, its kind and what it leads, co-owns and shares', async () => {
    const name = rangeOf(document, '省科技厅, 省经信委', 0, [0, 4]);
    const { markdown, range } = await ourHover(document, name.start.translate(0, 1));
    assert.ok(markdown.includes('**省科技厅** — 浙江省科学技术厅'), markdown);
    assert.ok(markdown.includes('Department of Science and Technology of Zhejiang Province'), markdown);
    assert.ok(markdown.includes('Kind: government department'), markdown);
    assert.match(markdown, /Leads 1 \(牵头\): \[2\\\.1\]\(command:taskmatrix\.reveal\?/);
    assert.match(markdown, /Co-owns 2 \(配合\): \[2\\\.2\]\(command:taskmatrix\.reveal\?[^)]*\), \[2\\\.3\]\(command:taskmatrix\.reveal\?/);
    assert.match(markdown, /Without a lead 1 \(负责\): \[3\\\.1\]/);
    assert.ok(range?.isEqual(name), `the hover range is the agency name: ${JSON.stringify(range)}`);
  });

  it('hover on an alias names the agency it stands for; on an unknown name it says so; a collective shows its kind', async () => {
    const alias = await ourHover(document, rangeOf(document, '科技厅]  # 科技厅 is an alias').start);
    assert.ok(alias.markdown.includes('**省科技厅**'), alias.markdown);
    assert.ok(alias.markdown.includes('"科技厅" is an alias'), alias.markdown);
    const unknown = await ourHover(document, rangeOf(document, '省经信委').start.translate(0, 2));
    assert.ok(unknown.markdown.includes('**省经信委**'), unknown.markdown);
    assert.ok(unknown.markdown.includes('Not in the agency registry.'), unknown.markdown);
    const collective = await ourHover(document, rangeOf(document, '[省数字经济领导小组各成员单位]', 0, [3, 3]).start);
    assert.ok(collective.markdown.includes('Kind: collective'), collective.markdown);
    assert.ok(collective.markdown.includes('Member units of the Zhejiang Provincial Digital Economy Leading Group'), collective.markdown);
  });

  it('hover shows agency names as text, never as Markdown (an alias with * and [ ] included)', async () => {
    const registry = await vscode.workspace.openTextDocument(wsUri(REGISTRY));
    await replaceText(registry, 'aliases: [科技厅]', 'aliases: [科技厅, "*科技*厅[x](https://example.com)"]');
    await replaceText(document, '[省教育厅, 科技厅]', '[省教育厅, "*科技*厅[x](https://example.com)"]');
    await settled(GUIDELINE);
    const { markdown } = await ourHover(document, rangeOf(document, '*科技*厅[x]', 0, [2, 2]).start);
    const unescaped = /(^|[^\\])[*[\]()]/g;
    const aliasSentence = markdown.split('\n').find((line) => line.includes('is an alias'))?.split('·')[1] ?? '';
    assert.ok(aliasSentence, markdown);
    assert.equal(aliasSentence.match(unescaped), null, `Markdown characters of the alias are escaped in: ${aliasSentence}`);
  });

  it('go to definition jumps from a name or an alias to the registry entry', async () => {
    for (const from of [rangeOf(document, '省科技厅, 省经信委').start, rangeOf(document, '科技厅]  # 科技厅 is an alias').start.translate(0, 1)]) {
      const found = (await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, from)) ?? [];
      assert.deepEqual(found.map(brief), [`agencies.yaml ${at(3, 10, 14)}`]);
    }
    const none = (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', document.uri, rangeOf(document, '省经信委').start)) ?? [];
    assert.deepEqual(none, [], 'an unknown agency has no definition');
  });

  it('find references lists every measure naming the agency (aliases too) and its registry entry', async () => {
    const found = (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, rangeOf(document, '省科技厅, 省经信委').start)) ?? [];
    assert.deepEqual(found.map(brief).sort(), [
      `agencies.yaml ${at(3, 10, 14)}`,
      `fixture-2027.yaml ${at(12, 19, 23)}`, // 2.1, leads
      `fixture-2027.yaml ${at(15, 25, 28)}`, // 2.2, as the alias 科技厅
      `fixture-2027.yaml ${at(20, 12, 16)}`, // 2.3, block list
      `fixture-2027.yaml ${at(27, 25, 29)}`, // 3.1, by function
    ].sort());
    const fromRegistry = await vscode.workspace.openTextDocument(wsUri(REGISTRY));
    const same = (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', fromRegistry.uri, new vscode.Position(3, 11))) ?? [];
    assert.deepEqual(same.map(brief).sort(), found.map(brief).sort(), 'the same list from the registry entry');
  });
});
