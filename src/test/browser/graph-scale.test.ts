// 10,000 measures (the generated benchmark corpus): the graph aggregates to something Mermaid
// accepts with its DEFAULT limits (maxTextSize 50,000, maxEdges 500), says so, and what it draws
// agrees with the matrix: every group's counts and every link's 牵头/配合 tally.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { generateCorpus } from '../../bench/generate-corpus';
import { buildMatrix, buildOwnershipGraph, graphToHtml, Project } from '../../core/index';
import type { Matrix, OwnershipGraph } from '../../core/index';
import { closeSharedBrowser, newBlankPage, openFileOffline, pageFlag, renderMermaid, sharedBrowser, unexpectedConsoleErrors } from '../support/browser';
import type { Browser, OfflinePage, RenderResult } from '../support/browser';
import { assertQuiet, declaredEdgeKeys, declaredNodeIds, edgeEnds, graphEdges, graphNodeIds, inPage, renderedEdgeKeys, ROOT, sorted } from './graph-helpers';
import { displayed } from './hostile-fixture';

const MEASURES = 10_000;
const MERMAID_DEFAULTS = { maxTextSize: 50_000, maxEdges: 500 };

interface Group {
  measures: number;
  noLead: number;
  /** Per agency name: measures it leads and co-owns in the group. */
  tally: Map<string, { lead: number; co: number }>;
}

/** What each aggregated node should say, keyed by its expected label, computed from the matrix. */
function expectedGroups(matrix: Matrix, level: OwnershipGraph['level'], chapterTitles: Map<string, string>): Map<string, Group> {
  const byDocument = level !== 'parts';
  const multiple = new Set(matrix.measures.map((m) => m.document)).size > 1;
  const groups = new Map<string, Group>();
  const heading = (m: Matrix['measures'][number]) =>
    byDocument ? m.document : `${multiple ? `${m.document} · ` : ''}${m.chapter} ${chapterTitles.get(`${m.document}\u0000${m.chapter}`) ?? ''}`;
  const keyed = new Map<string, Group>();
  for (const m of matrix.measures) {
    const key = heading(m);
    let group = keyed.get(key);
    if (!group) keyed.set(key, (group = { measures: 0, noLead: 0, tally: new Map() }));
    group.measures++;
    if (m.noLead) group.noLead++;
    for (const name of m.lead ? [m.lead, ...m.co] : m.co) {
      const entry = group.tally.get(name) ?? { lead: 0, co: 0 };
      if (name === m.lead) entry.lead++;
      else entry.co++;
      group.tally.set(name, entry);
    }
  }
  for (const [key, group] of keyed) {
    groups.set(`${displayed(key, 40)} (${group.measures} measures${group.noLead ? ` · ${group.noLead} without lead` : ''})`, group);
  }
  return groups;
}

describe('browser: a 10,000-measure corpus in one graph', function () {
  this.timeout(180_000);
  let browser: Browser;
  let blank: OfflinePage;
  let project: Project;
  let graph: OwnershipGraph;
  let result: RenderResult;
  let chapterTitles: Map<string, string>;

  before(async function () {
    // The browser first, so that its start-up does not run during the timings below.
    browser = await sharedBrowser();
    const registryText = readFileSync(join(ROOT, 'tasks/agencies.yaml'), 'utf8');
    let started = performance.now();
    const corpus = generateCorpus({ measures: MEASURES, seed: 1, perFile: 100, registryText });
    const generated = performance.now() - started;
    assert.equal(corpus.stats.measures, MEASURES);
    assert.equal(corpus.files[0]!.name, 'agencies.yaml');

    started = performance.now();
    project = new Project();
    for (const file of corpus.files) project.setFile(`corpus/${file.name}`, file.text);
    const loaded = performance.now() - started;

    // Part titles, read independently of the core (needed only if the graph aggregates by part).
    chapterTitles = new Map();
    for (const file of corpus.files.slice(1)) {
      const data = parse(file.text) as { id: string; chapters: { id: string; title: string }[] };
      for (const chapter of data.chapters) chapterTitles.set(`${data.id}\u0000${chapter.id}`, chapter.title);
    }

    started = performance.now();
    graph = buildOwnershipGraph(project);
    const built = performance.now() - started;
    started = performance.now();
    buildOwnershipGraph(project);
    const rebuilt = performance.now() - started;

    blank = await newBlankPage(browser);
    started = performance.now();
    result = await renderMermaid(blank.page, graph.mermaid);
    const wall = performance.now() - started;
    console.log(
      `      [timing] 10k corpus: generateCorpus ${generated.toFixed(0)} ms (${corpus.files.length} files); Project.setFile × ${corpus.files.length} ${loaded.toFixed(0)} ms; ` +
        `buildOwnershipGraph ${built.toFixed(0)} ms (cold: parses the models) / ${rebuilt.toFixed(0)} ms (warm); ` +
        `level ${graph.level}, ${graph.mermaid.length} chars, ${graph.edgeCount} + 2 edges, ${graph.nodeCount} nodes; ` +
        `mermaid.render ${result.renderMs.toFixed(0)} ms in the page, ${wall.toFixed(0)} ms wall`,
    );
  });
  after(async function () {
    await blank?.close();
    await closeSharedBrowser();
  });

  it('aggregates instead of drawing 10,000 measures, within Mermaid\'s default limits', function () {
    assert.notEqual(graph.level, 'measures');
    assert.equal(graph.measures.length, MEASURES);
    assert.ok(graph.mermaid.length <= MERMAID_DEFAULTS.maxTextSize, `${graph.mermaid.length} characters`);
    assert.ok(graph.edgeCount + 2 <= MERMAID_DEFAULTS.maxEdges, `${graph.edgeCount} + 2 edges`);
    assert.ok(graph.edgeCount > 100, 'still a useful number of links');
    // No measure nodes: only agencies and one node per part or document.
    assert.ok(declaredNodeIds(graph.mermaid).every((id) => /^(a|p)\d+$/.test(id)));
  });

  it('says that it is aggregated, with the number of measures', function () {
    assert.ok(graph.notice, 'a notice');
    assert.match(graph.notice, /^Aggregated view: 10000 measures are too many for one Mermaid graph/);
    assert.match(graph.notice, /--agency or --chapter/);
  });

  it('renders in Chromium with Mermaid\'s default limits: the graph, not the "Maximum text size" placeholder', function () {
    assert.equal(result.error, undefined);
    assert.equal(result.limitExceeded, false);
    assert.equal(result.ok, true);
    assert.ok(!result.text.includes('Maximum text size in diagram exceeded'));
    assert.deepEqual(sorted(graphNodeIds(result)), sorted(declaredNodeIds(graph.mermaid)));
    assert.equal(graphNodeIds(result).length, graph.nodeCount);
    assert.equal(graphEdges(result).length, graph.edgeCount);
    assert.equal(result.edgeCount, graph.edgeCount + 2);
    assert.deepEqual(renderedEdgeKeys(result), declaredEdgeKeys(graph.mermaid));
    assertQuiet(blank);
  });

  it('labels each group with its measure and no-lead counts, as the matrix has them', function () {
    const matrix = buildMatrix(project);
    const groups = expectedGroups(matrix, graph.level, chapterTitles);
    const partNodes = graphNodeIds(result).filter((id) => id.startsWith('p'));
    // Every group of the corpus is drawn once (with documents: 100 of them), with the right counts.
    assert.deepEqual(sorted(partNodes.map((id) => result.nodeText[id]!)), sorted(groups.keys()));
    const noLeadNodes = partNodes.filter((id) => result.nodeClasses[id]!.includes('noLead'));
    assert.deepEqual(sorted(noLeadNodes), sorted(graph.noLeadNodeIds));
    for (const id of partNodes) assert.equal(noLeadNodes.includes(id), groups.get(result.nodeText[id]!)!.noLead > 0, id);
    assert.equal(graph.noLead.length, matrix.measures.filter((m) => m.noLead).length);
  });

  it('labels each link with the agency\'s 牵头/配合 counts in that group; solid exactly when it leads there', function () {
    const matrix = buildMatrix(project);
    const groups = expectedGroups(matrix, graph.level, chapterTitles);
    for (const edge of graphEdges(result)) {
      const ends = edgeEnds(edge.id)!;
      const agency = result.nodeText[ends.from]!;
      const group = groups.get(result.nodeText[ends.to]!);
      assert.ok(group, `${edge.id}: unknown group ${result.nodeText[ends.to]}`);
      const tally = group.tally.get(agency);
      assert.ok(tally, `${edge.id}: ${agency} has no measure in ${result.nodeText[ends.to]}`);
      const label = [tally.lead ? `牵头 ${tally.lead}` : '', tally.co ? `配合 ${tally.co}` : ''].filter(Boolean).join(' · ');
      assert.equal(edge.label, label, edge.id);
      assert.equal(edge.pattern, tally.lead > 0 ? 'solid' : 'dotted', edge.id);
    }
  });

  it('when it must drop links, keeps the strongest ones (a lead counts double) and says how many it dropped', function () {
    const matrix = buildMatrix(project);
    const groups = expectedGroups(matrix, graph.level, chapterTitles);
    const all = [...groups.entries()].flatMap(([group, g]) => [...g.tally.entries()].map(([agency, t]) => ({ key: `${agency}\u0000${group}`, weight: 2 * t.lead + t.co })));
    const drawn = new Set(graphEdges(result).map((edge) => { const ends = edgeEnds(edge.id)!; return `${result.nodeText[ends.from]}\u0000${result.nodeText[ends.to]}`; }));
    assert.equal(drawn.size, graph.edgeCount, 'one link per agency and group');
    if (graph.level !== 'strongest-links') {
      assert.equal(drawn.size, all.length, 'every link is drawn');
      return;
    }
    assert.ok(graph.notice!.includes(`only the ${graph.edgeCount} strongest of ${all.length} links`), graph.notice);
    const kept = all.filter((link) => drawn.has(link.key));
    const dropped = all.filter((link) => !drawn.has(link.key));
    assert.equal(kept.length, graph.edgeCount);
    const weakestKept = Math.min(...kept.map((l) => l.weight));
    const strongestDropped = Math.max(...dropped.map((l) => l.weight));
    assert.ok(weakestKept >= strongestDropped, `kept a link of weight ${weakestKept} but dropped one of ${strongestDropped}`);
    // It draws as many as the edge limit allows (the text limit is far away).
    assert.equal(graph.edgeCount + 2, MERMAID_DEFAULTS.maxEdges);
  });

  it('renders in its self-contained HTML export too, offline, with the notice above the graph', async function () {
    const dir = mkdtempSync(join(tmpdir(), 'tm-graph-10k-'));
    const file = join(dir, 'graph.html');
    const mermaidScript = readFileSync(join(ROOT, 'dist/mermaid.min.js'), 'utf8');
    writeFileSync(file, graphToHtml(graph, { locale: 'en', title: '10,000 generated measures', mermaidScript, nonce: 'scale-test-nonce' }));
    const started = performance.now();
    const opened = await openFileOffline(browser, file);
    try {
      await opened.page.waitForFunction('document.body.dataset.rendered !== undefined', undefined, { timeout: 120_000 });
      console.log(`      [timing] 10k HTML export: open + render ${(performance.now() - started).toFixed(0)} ms`);
      assert.equal(await inPage(opened.page, 'document.body.dataset.rendered'), 'true', await opened.page.textContent('#graph') ?? '');
      assert.deepEqual(opened.blockedRequests, []);
      assert.deepEqual(opened.watch.pageErrors, []);
      assert.deepEqual(unexpectedConsoleErrors(opened.watch), []);
      assert.equal(await pageFlag(opened.page), undefined);
      assert.equal(await opened.page.textContent('#notice'), graph.notice);
      assert.equal(await opened.page.locator('#graph svg g.edgePaths > path').count(), graph.edgeCount + 2);
      assert.equal(await opened.page.locator('#graph svg g.node').count(), graph.nodeCount + 3);
      assert.equal(await opened.page.locator('tr.no-lead').count(), graph.noLead.length);
    } finally {
      await opened.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
