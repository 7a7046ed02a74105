// Names and titles are data. A registry and a guideline made of Mermaid syntax, HTML that would
// run script, directives, `click`/`style`/`classDef` statements and literal entity text must render
// as that literal text, in real Mermaid (securityLevel 'strict') in Chromium and in the offline
// HTML export, and must change nothing else: no script, no request, no theme, no style.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOwnershipGraph, Project } from '../../core/index';
import type { MatrixMeasure, OwnershipGraph } from '../../core/index';
import { closeSharedBrowser, newBlankPage, openFileOffline, pageFlag, renderMermaid, sharedBrowser, unexpectedConsoleErrors } from '../support/browser';
import type { Browser, OfflinePage, RenderResult } from '../support/browser';
import {
  activeContent,
  assertLineStyles,
  assertMeasureBlocks,
  assertMeasureNodes,
  assertMeasureTies,
  assertNoLeadAndFills,
  assertQuiet,
  expectedParts,
  FILLS,
  graphNodeIds,
  inPage,
  labelMarkup,
  nodeFills,
  nodeLines,
  placeOrFail,
  readView,
  runCli,
  seedProject,
  sorted,
  svgStyle,
  viewGraph,
} from './graph-helpers';
import type { ExpectedGraph, GraphView } from './graph-helpers';
import { displayed, HOSTILE_PIECES, HOSTILE_UNKNOWN, hostileFixture } from './hostile-fixture';
import type { HostileFixture } from './hostile-fixture';

describe('browser: hostile agency names, measure titles and chapter titles', function () {
  this.timeout(120_000);
  let browser: Browser;
  let blank: OfflinePage;
  let fixture: HostileFixture;
  let graph: OwnershipGraph;
  let result: RenderResult;
  let view: GraphView;
  let expected: ExpectedGraph;

  before(async function () {
    browser = await sharedBrowser();
    blank = await newBlankPage(browser);
    fixture = hostileFixture();
    const project = new Project();
    project.setFile('hostile/agencies.yaml', fixture.registryText);
    project.setFile('hostile/hostile-doc.yaml', fixture.guidelineText);
    graph = buildOwnershipGraph(project);
    result = await renderMermaid(blank.page, graph.mermaid, {}, { settleMs: 300 });
    view = await readView(blank.page, result);
    expected = expectedOfFixture(fixture);
  });
  after(async function () {
    await blank?.close();
    await closeSharedBrowser();
  });

  it('the fixture really is hostile: YAML quoting held, every piece reached the graph model', function () {
    // The names and titles came through YAML unchanged (newline included).
    assert.deepEqual(sorted(new Set(graph.measures.flatMap((m) => (m.lead ? [m.lead, ...m.co] : m.co)))), sorted(fixture.agencies));
    assert.deepEqual(
      graph.measures.map((m) => [m.id, m.title]),
      fixture.measures.map((m) => [m.id, m.title]),
    );
    assert.ok(fixture.agencies.includes('第一行\n第二行'));
    assert.ok(fixture.agencies.some((name) => [...name].length > 100));
  });

  it('renders in Mermaid without error, with every node the text declares', function () {
    assert.equal(result.error, undefined);
    assert.equal(result.ok, true);
    assert.equal(result.diagramType, 'flowchart-v2');
    assert.equal(graph.level, 'measures');
    assertMeasureNodes(graph, view);
    // Every measure, and every agency (23 registry names and the unknown one) on some node; nothing more, nothing split.
    const nodes = graphNodeIds(result);
    assert.equal(nodes.filter((id) => placeOrFail(id, 'measures').role === 'member').length, fixture.measures.length);
    const shown = new Set(nodes.filter((id) => placeOrFail(id, 'measures').role !== 'member').flatMap((id) => view.lines[id]!));
    assert.deepEqual(sorted(shown), sorted(fixture.agencies.map((name) => displayed(name, 40))));
    assert.deepEqual(sorted(result.nodeIds.filter((id) => id.startsWith('legend'))), ['legend_agency0', 'legend_agency1', 'legend_agency2', 'legend_measure', 'legend_nolead']);
  });

  it('draws exactly the declared lines; no name added or removed a tie, nor changed a line\'s style', function () {
    const measureOf = assertMeasureBlocks(graph, view, expected);
    const ties = assertMeasureTies(graph, view, expected, measureOf);
    assert.equal(ties.length, fixture.measures.reduce((sum, m) => sum + m.agencies.length, 0));
    assertLineStyles(view);
    // The only labels are the legend's.
    assert.deepEqual(result.edgeLabels, ['牵头 lead', '配合 co-responsible', '负责 responsible, no lead']);
  });

  it('shows every agency name literally, one per line (a line break as a space, long names cut to 40 characters with …)', function () {
    const agencyLines = Object.keys(graph.agencyNodes).flatMap((id) => view.lines[id]!);
    for (const piece of [...HOSTILE_PIECES, HOSTILE_UNKNOWN]) {
      assert.ok(agencyLines.includes(displayed(piece, 40)), `no agency line reads ${JSON.stringify(displayed(piece, 40))}`);
      assert.ok(result.text.includes(displayed(piece, 40)), `rendered text lacks ${JSON.stringify(displayed(piece, 40))}`);
    }
    // Spot checks, written out by hand.
    for (const literal of ['"', "'", '[ ]', '( )', '{ }', '#', ';', '|', '%%', '-->', '-.->', '第一行 第二行', '<img src=x onerror=window.__pwned=1>', '<script>window.__pwned=1</script>', 'click a0 call alert(1)', 'style a0 fill:#f00', 'classDef noLead fill:#0f0', '&lt;b&gt;', '#60;b#62;', '`code` and ``two``']) {
      assert.ok(agencyLines.includes(literal), `no agency line reads ${JSON.stringify(literal)}`);
    }
    assert.ok(agencyLines.includes('%%{init: {"securityLevel":"loose","them…'));
    assert.ok(agencyLines.includes('click a0 href "javascript:window.__pwne…'));
    assert.ok(agencyLines.includes('未登记"]-->x[<b onmouseover=window.__pwned…'));
  });

  it('puts the hostile names of a measure\'s other agencies in one node: each whole on its own line, <br> only between them, inert', async function () {
    // From the fixture: each measure naming several others has one node p<part>c<row> of them all, in order.
    const want = expectedParts(expected).flatMap((part, p) => part.measures.flatMap((m, j) => (m.co.length > 1 ? [[`p${p}c${j}`, m.co] as const] : [])));
    const shared = Object.entries(graph.agencyNodes).filter(([, names]) => names.length > 1);
    assert.deepEqual(sorted(shared.map(([id, names]) => `${id} ${JSON.stringify(names)}`)), sorted(want.map(([id, names]) => `${id} ${JSON.stringify(names)}`)));
    assert.ok(shared.length >= 3, `${shared.length} nodes of several names`);
    // Each name one text node, a <br> element between two names and nowhere else, inside the same
    // wrappers as a one-line label (a measure's): no element a name brought.
    const markup = await labelMarkup(blank.page, '#tm-output');
    const wrappers = markup.p0m0!.elements;
    assert.ok(!wrappers.includes('br'));
    for (const [id, names] of shared) {
      assert.deepEqual(view.lines[id], names.map((name) => displayed(name, 40)), id);
      assert.equal(view.breaks[id], names.length - 1, id);
      assert.deepEqual(markup[id]!.content, names.flatMap((_, i) => (i ? ['br', 'text'] : ['text'])), `${id}: text, then <br> and text for each further name`);
      assert.deepEqual(markup[id]!.elements.filter((tag) => tag !== 'br'), wrappers, `${id}: no element but the label's wrappers and the <br>s`);
    }
    // By hand: 3.1 has no lead, so "{ }" and "#" are its responsible agencies, one node; so are 4.2's
    // "-->", "-.->" and the unknown agency; 7.2's long name, cut to 40 characters, shares a node with
    // the unknown agency.
    const unknown = '未登记"]-->x[<b onmouseover=window.__pwned…';
    assert.deepEqual(view.lines.p1c0, ['{ }', '#']);
    assert.equal(view.result.nodeText.p1m0!.split(' ')[0], '3.1');
    assert.deepEqual(view.lines.p2c1, ['-->', '-.->', unknown]);
    assert.equal(view.result.nodeText.p2m1!.split(' ')[0], '4.2');
    const long = view.lines.p5c1!;
    assert.equal(view.result.nodeText.p5m1!.split(' ')[0], '7.2');
    assert.equal(long.length, 2);
    assert.ok(long[0]!.startsWith('超长单位名称"[x](y){z}#;|%%-->') && long[0]!.endsWith('…') && [...long[0]!].length === 40, long[0]);
    assert.equal(long[1], unknown);
    assert.equal(await pageFlag(blank.page), undefined);
  });

  it('shows every measure title and chapter title literally', function () {
    const measureTexts = graphNodeIds(result).filter((id) => placeOrFail(id, 'measures').role === 'member').map((id) => result.nodeText[id]!);
    assert.deepEqual(sorted(measureTexts), sorted(fixture.measures.map((m) => displayed(`${m.id} ${m.title}`, 40))));
    const headings = result.subgraphs.filter((s) => s.id !== 'legend' && !/^col\d+$/.test(s.id));
    assert.ok(headings.every((s) => !s.empty));
    // Part headings are "<id> <title>", cut at 60 characters (ownership-graph.ts); the long piece makes one longer.
    assert.deepEqual(sorted(headings.map((s) => s.label)), sorted(fixture.chapters.map((c) => displayed(`${c.id} ${c.title}`, 60))));
    assert.ok(fixture.chapters.some((c) => [...`${c.id} ${c.title}`].length > 60), 'one heading is shortened');
  });

  it('keeps the noLead style on exactly the measures without a lead', function () {
    const measureOf = assertMeasureBlocks(graph, view, expected);
    assertNoLeadAndFills(graph, view, measureOf);
    const noLead = graphNodeIds(result).filter((id) => result.nodeClasses[id]!.includes('noLead'));
    assert.deepEqual(sorted(noLead.map((id) => result.nodeText[id]!.split(' ')[0]!)), sorted(fixture.measures.filter((m) => m.byFunction).map((m) => m.id)));
  });

  it('keeps a name holding <br>, <img> or their entity text as literal text inside a node of several names', async function () {
    // Six names, 2.1's co-responsible agencies and 2.2's responsible ones: a node each, six lines, five <br>.
    const names = ['甲<br>乙', '<br/>', '<BR >', '<img src=x onerror=window.__pwned=1>', '#60;br#62;', '&lt;br&gt;'];
    const titleText = '标题<br>换行<img src=x onerror=window.__pwned=1>';
    const registryText = `agencies:\n  - name: 牵头单位\n    kind: government\n${names.map((name) => `  - name: ${JSON.stringify(name)}\n    kind: government\n`).join('')}`;
    const agencies = JSON.stringify(names);
    const guidelineText =
      `id: br-doc\ntitle: t\nchapters:\n  - id: "2"\n    title: ${JSON.stringify(`第二部分 ${titleText}`)}\n    measures:\n` +
      `      - id: "2.1"\n        title: ${JSON.stringify(titleText)}\n        agencies: ["牵头单位", ${agencies.slice(1, -1)}]\n` +
      `      - id: "2.2"\n        title: 无牵头\n        division: by-function\n        agencies: ${agencies}\n`;
    const project = new Project();
    project.setFile('br/agencies.yaml', registryText);
    project.setFile('br/doc.yaml', guidelineText);
    const brGraph = buildOwnershipGraph(project);
    // A page of its own, so that the checks after this one still find the hostile graph in blank.
    const own = await newBlankPage(browser);
    const brView = await viewGraph(own.page, brGraph.mermaid, 300);
    try {
      const measures = brGraph.measures;
      assert.deepEqual(measures.map((m) => [m.id, m.lead, m.co, m.noLead]), [
        ['2.1', '牵头单位', names, false],
        ['2.2', null, names, true],
      ]);
      assertMeasureNodes(brGraph, brView);
      const measureOf = assertMeasureBlocks(brGraph, brView, { measures, titles: new Map([['br-doc\u00002', `第二部分 ${titleText}`]]) });
      assertMeasureTies(brGraph, brView, { measures, titles: new Map() }, measureOf);
      const others = Object.keys(brGraph.agencyNodes).filter((id) => placeOrFail(id, 'measures').role === 'other');
      assert.deepEqual(sorted(others), ['p0c0', 'p0c1']);
      const markup = await labelMarkup(own.page, '#tm-output');
      for (const node of others) {
        assert.deepEqual(brView.lines[node], names, `${node}: each name one line, literally`);
        assert.equal(brView.breaks[node], names.length - 1, `${node}: the only <br> elements are those between the names`);
        assert.deepEqual(markup[node]!.content, names.flatMap((_, i) => (i ? ['br', 'text'] : ['text'])), node);
        assert.equal(brView.result.nodeText[node], names.join(''));
      }
      assert.deepEqual(brView.lines.p0m0, [displayed(`2.1 ${titleText}`, 40)]);
      assert.equal(brView.breaks.p0m0, 0);
      assert.deepEqual(brView.result.subgraphs.filter((s) => s.id !== 'legend').map((s) => s.label), [displayed(`2 第二部分 ${titleText}`, 60)]);
      assert.ok(brView.result.svg.includes('甲&lt;br&gt;乙<br>'), 'the name\'s <br> escaped, the separator a tag');
      assert.equal(await inPage<number>(own.page, `document.querySelectorAll('#tm-output img').length`), 0);
      assert.equal(await inPage<number>(own.page, `document.querySelectorAll('#tm-output br').length`), others.length * (names.length - 1), 'no <br> anywhere else: not in titles, headings or other nodes');
    } finally {
      try {
        assert.equal(await pageFlag(own.page), undefined);
        assert.deepEqual(await activeContent(own.page, '#tm-output'), { dangerousElements: [], handlers: [], scriptUrls: [], clickable: 0 });
        assertQuiet(own);
      } finally {
        await own.close();
      }
    }
  });

  it('runs no script: no __pwned, no dialog, no page error, no request, no popup', async function () {
    assert.equal(await pageFlag(blank.page), undefined);
    // Hover and click every node and label, in case a handler waits for the mouse.
    await inPage(blank.page, `(() => { for (const el of document.querySelectorAll('#tm-output svg *')) for (const type of ['mouseover', 'mouseenter', 'click', 'focus']) el.dispatchEvent(new MouseEvent(type, { bubbles: true })); })()`);
    await blank.page.waitForTimeout(100);
    assert.equal(await pageFlag(blank.page), undefined);
    assertQuiet(blank);
  });

  it('puts no active markup in the SVG: no <img>, <script>, <a>, on* attribute or javascript: URL', async function () {
    // In the markup Mermaid returned (the names are in it only as escaped text: `&lt;img …`) …
    assert.doesNotMatch(result.svg, /<(img|script|iframe|object|embed|a)[\s>/]/i);
    assert.doesNotMatch(result.svg, /<[^>]*\son\w+\s*=/i, 'an on* attribute inside a tag');
    assert.doesNotMatch(result.svg, /<[^>]*(href|src)\s*=\s*["']?\s*javascript:/i);
    assert.ok(result.svg.includes('&lt;img src=x onerror=window.__pwned=1&gt;'), 'the markup is there, escaped');
    // … and in the live document after insertion.
    const active = await activeContent(blank.page, '#tm-output');
    assert.deepEqual(active, { dangerousElements: [], handlers: [], scriptUrls: [], clickable: 0 });
  });

  it('changes neither theme nor security level nor styles: the directive, style and classDef text stay text', async function () {
    // Mermaid's configuration after the render: still the defaults the page asked for.
    assert.equal(await inPage(blank.page, 'mermaid.mermaidAPI.getConfig().theme'), 'default');
    assert.equal(await inPage(blank.page, 'mermaid.mermaidAPI.getConfig().securityLevel'), 'strict');
    const style = svgStyle(result.svg);
    assert.ok(style.includes('fill:#ECECFF'), 'default theme node fill');
    assert.ok(style.includes('.cluster rect{fill:#ffffde'), 'default theme cluster fill');
    assert.doesNotMatch(style, /#0f0|#f00|#00ff00|#ff0000/i);
    // The very same stylesheet as the (benign) seed graph, which has the same classDefs.
    const seed = await renderMermaid(blank.page, buildOwnershipGraph(seedProject()).mermaid);
    assert.equal(seed.ok, true, seed.error);
    assert.equal(style, svgStyle(seed.svg));
    // Re-render the hostile graph, then check the fill every node is really drawn with.
    const again = await renderMermaid(blank.page, graph.mermaid);
    assert.equal(again.ok, true, again.error);
    const fills = await nodeFills(blank.page, '#tm-output');
    const noLead = new Set(graph.noLeadNodeIds);
    for (const id of graphNodeIds(again)) {
      const want = noLead.has(id) ? FILLS.noLead : placeOrFail(id, 'measures').role === 'member' ? FILLS.measure : FILLS.agency;
      assert.equal(fills[id], want, `fill of ${id} (${again.nodeText[id]})`);
    }
    assert.doesNotMatch(again.svg, /style="[^"]*(#f00|#0f0)/i);
    assertQuiet(blank);
  });

  it('shows names holding Mermaid\'s own entity placeholders (ﬂ° … ¶ß) literally too', async function () {
    // Mermaid writes `#60;` internally as "ﬂ°°60¶ß" and turns that into "&#60;" at the very end, over
    // the whole SVG — so those characters in a NAME are decoded too, even when mermaidLabel has
    // entity-coded every one of them. A fix may break the sequences with invisible characters or
    // write ﬂ as "fl": compare without format characters (\p{Cf}) and after NFKC.
    const names = ['ﬂ°°60¶ßimg src=x onerror=window.__pwned=1ﬂ°°62¶ß', 'ﬂ°lt¶ßb ﬂ°amp¶ß', '说明¶ß结束', 'ﬂ°°'];
    const registryText = `agencies:\n${names.map((name) => `  - name: ${JSON.stringify(name)}\n    kind: government\n`).join('')}`;
    const guidelineText = `id: placeholder-doc\ntitle: t\nchapters:\n  - id: "2"\n    title: ${JSON.stringify(`第二部分 ${names[2]}`)}\n    measures:\n${names.map((name, i) => `      - id: "2.${i + 1}"\n        title: ${JSON.stringify(name)}\n        agencies: [${JSON.stringify(name)}]\n`).join('')}`;
    const project = new Project();
    project.setFile('placeholders/agencies.yaml', registryText);
    project.setFile('placeholders/doc.yaml', guidelineText);
    const placeholders = buildOwnershipGraph(project);
    const rendered = await renderMermaid(blank.page, placeholders.mermaid, {}, { settleMs: 300 });
    assert.equal(rendered.ok, true, rendered.error);
    const comparable = (text: string) => text.replace(/\p{Cf}/gu, '').normalize('NFKC');
    const lines = await nodeLines(blank.page, '#tm-output');
    const agencyTexts = graphNodeIds(rendered).filter((id) => placeOrFail(id, 'measures').role !== 'member').flatMap((id) => lines[id]!.map(comparable));
    const measureTexts = graphNodeIds(rendered).filter((id) => placeOrFail(id, 'measures').role === 'member').map((id) => comparable(rendered.nodeText[id]!));
    try {
      assert.deepEqual(sorted(agencyTexts), sorted(names.map((name) => comparable(displayed(name, 40)))));
      assert.deepEqual(sorted(measureTexts), sorted(names.map((name, i) => comparable(displayed(`2.${i + 1} ${name}`, 40)))));
      assert.deepEqual(
        rendered.subgraphs.filter((s) => s.id !== 'legend').map((s) => comparable(s.label)),
        [comparable(`2 第二部分 ${names[2]}`)],
      );
    } finally {
      // Whatever the text shows, none of it may become markup or run.
      assert.equal(await pageFlag(blank.page), undefined);
      assert.deepEqual(await activeContent(blank.page, '#tm-output'), { dangerousElements: [], handlers: [], scriptUrls: [], clickable: 0 });
      assertQuiet(blank);
    }
  });

  it('(control) the same checks do catch labels written without mermaidLabel', async function () {
    const naive = ['<img src=x onerror=window.__pwned=1>', '&lt;b&gt;', '#60;b#62;'];
    const control = await newBlankPage(browser);
    try {
      const raw = await renderMermaid(control.page, `flowchart LR\n${naive.map((name, i) => `  n${i}["${name}"]`).join('\n')}\n`, {}, { settleMs: 300 });
      assert.equal(raw.ok, true, raw.error);
      // Not literal any more: the tag became an element, the entity texts were decoded.
      assert.notDeepEqual(naive.map((_, i) => raw.nodeText[`n${i}`]), naive);
      assert.deepEqual((await activeContent(control.page, '#tm-output')).dangerousElements, ['img']);
      assert.equal((await inPage<number>(control.page, `document.querySelectorAll('#tm-output img').length`)), 1);
    } finally {
      await control.close();
    }
  });

  describe('the HTML export of the hostile files (graph --format html), opened offline', function () {
    let dir: string;
    let opened: OfflinePage;

    before(async function () {
      dir = mkdtempSync(join(tmpdir(), 'tm-hostile-'));
      writeFileSync(join(dir, 'agencies.yaml'), fixture.registryText);
      writeFileSync(join(dir, 'hostile-doc.yaml'), fixture.guidelineText);
      // The CLI draws the same graph as the API (the files still have errors: it says so and carries on).
      const mermaid = runCli(['graph', dir, '--locale', 'en']);
      assert.equal(mermaid.status, 0, mermaid.stderr);
      assert.equal(mermaid.stdout, graph.mermaid);
      const html = runCli(['graph', dir, '--format', 'html', '--locale', 'en', '-o', join(dir, 'graph.html')]);
      assert.equal(html.status, 0, html.stderr);
      opened = await openFileOffline(browser, join(dir, 'graph.html'));
      await opened.page.waitForFunction('document.body.dataset.rendered !== undefined', undefined, { timeout: 60_000 });
      await opened.page.waitForTimeout(300);
    });
    after(async function () {
      await opened?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('renders, offline, and runs nothing', async function () {
      assert.equal(await inPage(opened.page, 'document.body.dataset.rendered'), 'true');
      assert.deepEqual(opened.blockedRequests, []);
      assert.equal(await pageFlag(opened.page), undefined);
      assert.deepEqual(opened.watch.dialogs, []);
      assert.deepEqual(opened.watch.pageErrors, []);
      assert.deepEqual(unexpectedConsoleErrors(opened.watch), []);
      assert.deepEqual(opened.watch.popups, []);
    });

    it('draws the same nodes with the same literal texts as Mermaid in a blank page', async function () {
      const texts = await inPage<Record<string, string>>(
        opened.page,
        `Object.fromEntries([...document.querySelectorAll('#graph svg g.node')].map((n) => [/flowchart-(.+)-\\d+$/.exec(n.id)[1], n.querySelector(':scope > g.label').textContent.trim()]))`,
      );
      assert.deepEqual(texts, result.nodeText);
      assert.deepEqual(await nodeLines(opened.page, '#graph'), view.lines);
    });

    it('has no active markup anywhere in the page but its own nonce scripts', async function () {
      const active = await activeContent(opened.page, '#graph');
      assert.deepEqual(active, { dangerousElements: [], handlers: [], scriptUrls: [], clickable: 0 });
      const body = await activeContent(opened.page, 'body');
      assert.deepEqual(body.handlers, []);
      assert.deepEqual(body.scriptUrls, []);
      assert.deepEqual(sorted(body.dangerousElements), ['script', 'script', 'script'], 'the JSON source, Mermaid and the render script');
      assert.equal(await inPage(opened.page, `[...document.scripts].filter((s) => s.type !== 'application/json' && !s.nonce).length`), 0);
    });

    it('shows the title and the no-lead measures as literal text', async function () {
      assert.equal(await inPage(opened.page, `document.querySelector('h1').textContent.startsWith('恶意名称测试 <script>window.__pwned=1</script>')`), true);
      const rows = await inPage<string[][]>(opened.page, `[...document.querySelectorAll('tr.no-lead')].map((tr) => [...tr.cells].map((td) => td.textContent))`);
      const expected = fixture.measures.filter((m) => m.byFunction);
      assert.deepEqual(
        rows.map((row) => [row[0], row[1], row[3]]),
        expected.map((m) => [m.id, m.title, m.agencies.join('、')]),
      );
    });
  });
});

/** The measures the fixture should show, written from the fixture itself: the first agency leads unless the measure is by function. */
function expectedOfFixture(fixture: HostileFixture): ExpectedGraph {
  const measures = fixture.measures.map(
    (m) => ({ id: m.id, title: m.title, document: 'hostile-doc', chapter: m.chapter, lead: m.byFunction ? null : m.agencies[0]!, co: m.byFunction ? m.agencies : m.agencies.slice(1), noLead: m.byFunction }) as MatrixMeasure,
  );
  return { measures, titles: new Map(fixture.chapters.map((c) => [`hostile-doc\u0000${c.id}`, c.title])) };
}
