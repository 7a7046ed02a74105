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
import {
  assertColumns,
  assertLineStyles,
  assertMergedAlike,
  assertQuiet,
  declaredEdgeKeys,
  declaredNodeIds,
  drawnTies,
  edgeEnds,
  FILLS,
  graphEdges,
  graphNodeIds,
  inPage,
  kindOfRendered,
  MAX_NAMES_PER_NODE,
  placeOf,
  placeOrFail,
  readView,
  renderedEdgeKeys,
  ROOT,
  seedProject,
  sorted,
  viewGraph,
} from './graph-helpers';
import type { DrawnTie, GraphView, IdLevel } from './graph-helpers';
import { displayed } from './hostile-fixture';

const MEASURES = 10_000;
const MERMAID_DEFAULTS = { maxTextSize: 50_000, maxEdges: 500 };

interface Group {
  /** The node the group should be drawn as (its counts), and the box of its block (the part's or document's heading). */
  node: string;
  label: string;
  box: { id: string; label: string };
  measures: number;
  noLead: number;
  /** Per agency name: measures it leads and co-owns in the group. */
  tally: Map<string, { lead: number; co: number }>;
}

/** Part titles read from the guideline files themselves (not through the core), keyed `<document>\u0000<chapter>`. */
function titlesOf(texts: string[]): Map<string, string> {
  const titles = new Map<string, string>();
  for (const text of texts) {
    const data = parse(text) as { id: string; chapters: { id: string; title: string }[] };
    for (const chapter of data.chapters) titles.set(`${data.id}\u0000${chapter.id}`, chapter.title);
  }
  return titles;
}

/**
 * What each aggregated block should be, computed from the matrix: with parts, block p<i> per part in
 * document order, headed "<chapter> <title>" ("<document> · <chapter> <title>" with several documents);
 * with documents, block d<i> per document, headed by its id. In each block, node p<i>n (d<i>n) with
 * the counts "<n> measures · <k> without lead" between its agencies. Keyed by node id.
 */
function expectedGroups(matrix: Matrix, level: OwnershipGraph['level'], titles: Map<string, string>): Map<string, Group> {
  const byDocument = level !== 'parts';
  const multiple = new Set(matrix.measures.map((m) => m.document)).size > 1;
  const keys: string[] = [];
  const groups = new Map<string, Group>();
  for (const m of matrix.measures) {
    const key = byDocument ? m.document : `${m.document}\u0000${m.chapter}`;
    if (!keys.includes(key)) keys.push(key);
    const block = `${byDocument ? 'd' : 'p'}${keys.indexOf(key)}`;
    let group = groups.get(`${block}n`);
    if (!group) {
      const heading = byDocument ? m.document : `${multiple ? `${m.document} · ` : ''}${m.chapter} ${titles.get(key) ?? ''}`;
      groups.set(`${block}n`, (group = { node: `${block}n`, label: '', box: { id: block, label: displayed(heading, 60) }, measures: 0, noLead: 0, tally: new Map() }));
    }
    group.measures++;
    if (m.noLead) group.noLead++;
    for (const name of m.lead ? [m.lead, ...m.co] : m.co) {
      const entry = group.tally.get(name) ?? { lead: 0, co: 0 };
      if (name === m.lead) entry.lead++;
      else entry.co++;
      group.tally.set(name, entry);
    }
  }
  for (const group of groups.values()) group.label = `${group.measures} measures${group.noLead ? ` · ${group.noLead} without lead` : ''}`;
  return groups;
}

/** Every agency-group link of the matrix, with its label and weight (a lead counts double). */
function allLinks(groups: Map<string, Group>): { key: string; label: string; weight: number; lead: boolean }[] {
  return [...groups.values()].flatMap((group) =>
    [...group.tally].map(([agency, t]) => ({
      key: `${displayed(agency, 40)}\u0000${group.node}`,
      label: [t.lead ? `牵头 ${t.lead}` : '', t.co ? `配合 ${t.co}` : ''].filter(Boolean).join(' · '),
      weight: 2 * t.lead + t.co,
      lead: t.lead > 0,
    })),
  );
}

const idLevel = (graph: OwnershipGraph): IdLevel => graph.level;

/** Lines of the legend drawn: one per line style the graph draws. */
const legendLines = (result: RenderResult) => result.edges.filter((e) => e.id.startsWith('L_legend_')).length;

/**
 * An aggregated graph checked against the matrix, from what Chromium drew: the group nodes, their
 * boxes, the agency nodes (names one per line), every line's label, look and ends, the legend and
 * the no-lead marking. Returns the ties drawn (each line once per name of its agency node).
 */
function assertAggregated(graph: OwnershipGraph, view: GraphView, groups: Map<string, Group>): DrawnTie[] {
  const { result, lines, breaks, fills } = view;
  const level = idLevel(graph);
  assert.notEqual(graph.level, 'measures');
  assert.deepEqual(graph.measureNodes, {});
  // Nodes: as declared, each an id of this view, graph.nodeCount of them; the members are exactly the groups.
  const nodes = graphNodeIds(result);
  assert.deepEqual(sorted(nodes), sorted(declaredNodeIds(graph.mermaid)));
  assert.equal(new Set(nodes).size, nodes.length);
  assert.equal(nodes.length, graph.nodeCount);
  const members = nodes.filter((id) => placeOrFail(id, level).role === 'member');
  assert.deepEqual(sorted(members), sorted(groups.keys()), 'one node per part (or document), with the expected ids');
  for (const id of members) {
    assert.equal(result.nodeText[id], groups.get(id)!.label, `label of ${id}`);
    assert.equal(breaks[id], 0);
  }
  assert.deepEqual(sorted(nodes.filter((id) => placeOrFail(id, level).role !== 'member')), sorted(Object.keys(graph.agencyNodes)));
  for (const [id, names] of Object.entries(graph.agencyNodes)) {
    assert.deepEqual(lines[id], names.map((name) => displayed(name, 40)), `lines of ${id}`);
    assert.equal(breaks[id], names.length - 1);
  }
  // Boxes: one per part (or document), headed by it, holding its node and agencies; the legend.
  const boxes = new Map([...groups.values()].map((group) => [group.box.id, group.box.label]));
  const drawnBoxes = result.subgraphs.filter((s) => s.id !== 'legend' && !/^col\d+$/.test(s.id));
  assert.deepEqual(sorted(drawnBoxes.map((s) => `${s.id} ${s.label}`)), sorted([...boxes].map(([id, label]) => `${id} ${label}`)));
  assert.deepEqual(result.subgraphs.find((s) => s.id === 'legend'), { id: 'legend', label: '图例 Legend', empty: false });
  assert.deepEqual(result.subgraphs.filter((s) => s.empty), []);
  assert.deepEqual(sorted(view.layout.nodes.map((n) => n.id)), sorted(nodes), 'every node has a drawn box');
  for (const node of view.layout.nodes) {
    const block = placeOrFail(node.id, level).block;
    const box = view.layout.clusters.find((c) => c.id === block);
    assert.ok(box, `${node.id}: no box ${block}`);
    assert.ok(
      node.x - node.width / 2 >= box.x - box.width / 2 - 1 && node.x + node.width / 2 <= box.x + box.width / 2 + 1 && node.y - node.height / 2 >= box.y - box.height / 2 - 1 && node.y + node.height / 2 <= box.y + box.height / 2 + 1,
      `${node.id} is drawn outside its box ${block}`,
    );
  }
  assertColumns(graph, view);
  // Lines: as declared, labelled with the agency's counts in the group, thick and solid exactly when it leads there.
  assert.deepEqual(renderedEdgeKeys(result), declaredEdgeKeys(graph.mermaid));
  assert.equal(graphEdges(result).length, graph.edgeCount);
  const ties = drawnTies(result, lines, level);
  const links = new Map(allLinks(groups).map((link) => [link.key, link]));
  for (const tie of ties) {
    const link = links.get(`${tie.agency}\u0000${tie.member}`);
    assert.ok(link, `${tie.line}: ${tie.agency} has no measure in ${result.nodeText[tie.member]}`);
    assert.equal(tie.label, link.label, `${tie.line} (${tie.agency})`);
    assert.equal(tie.kind, link.lead ? 'lead' : 'co', `${tie.line} (${tie.agency})`);
  }
  const tieKeys = ties.map((tie) => `${tie.agency}\u0000${tie.member}`);
  assert.equal(new Set(tieKeys).size, tieKeys.length, 'each agency tied to a group by one line at most');
  // Agencies tied alike (same groups, same counts) share one node, up to MAX_NAMES_PER_NODE names.
  const signature = new Map<string, string[]>();
  for (const edge of graphEdges(result)) {
    const ends = edgeEnds(edge.id)!;
    const [agencyNode, member] = kindOfRendered(edge) === 'lead' ? [ends.from, ends.to] : [ends.to, ends.from];
    signature.set(agencyNode, [...(signature.get(agencyNode) ?? []), `${member}:${edge.label}`]);
  }
  assertMergedAlike([...signature].map(([id, ties]) => ({ id, column: `${placeOrFail(id, level).block} ${placeOrFail(id, level).role}`, ties, names: lines[id]! })));
  assertLineStyles(view);
  assert.ok(!ties.some((tie) => tie.kind === 'responsible'), 'no 负责 line in an aggregated view');
  assert.equal(result.edgeCount, graph.edgeCount + legendLines(result));
  assert.equal(result.nodeText.legend_measure, level === 'parts' ? '部分 part (count)' : '文件 document (count)');
  // No-lead marking: exactly the groups with a measure without a lead; fills by class.
  const noLead = nodes.filter((id) => result.nodeClasses[id]!.includes('noLead'));
  assert.deepEqual(sorted(noLead), sorted(graph.noLeadNodeIds));
  assert.deepEqual(sorted(noLead), sorted([...groups.values()].filter((g) => g.noLead > 0).map((g) => g.node)));
  for (const id of nodes) {
    const cls = placeOrFail(id, level).role === 'member' ? (groups.get(id)!.noLead ? 'noLead' : 'part') : 'agency';
    assert.deepEqual(result.nodeClasses[id]!.filter((c) => !['node', 'default'].includes(c)), [cls], id);
    assert.equal(fills[id], FILLS[cls], `fill of ${id}`);
  }
  assert.equal(fills.legend_measure, FILLS.part);
  return ties;
}

/**
 * With all links drawn: the ties drawn are every link of the matrix. With the strongest only: none
 * dropped is stronger than one kept, and the notice says how many lines are drawn of how many.
 */
function assertLinksKept(graph: OwnershipGraph, ties: DrawnTie[], groups: Map<string, Group>, fullLines: number): void {
  const all = allLinks(groups);
  const drawn = new Set(ties.map((tie) => `${tie.agency}\u0000${tie.member}`));
  if (graph.level !== 'strongest-links') {
    assert.deepEqual(sorted(drawn), sorted(all.map((link) => link.key)), 'every link is drawn');
    return;
  }
  assert.ok(graph.notice!.includes(`only the ${graph.edgeCount} strongest of ${fullLines} lines`), graph.notice);
  const kept = all.filter((link) => drawn.has(link.key));
  const dropped = all.filter((link) => !drawn.has(link.key));
  assert.equal(kept.length, drawn.size);
  assert.ok(dropped.length > 0);
  const weakestKept = Math.min(...kept.map((l) => l.weight));
  const strongestDropped = Math.max(...dropped.map((l) => l.weight));
  assert.ok(weakestKept >= strongestDropped, `kept a link of weight ${weakestKept} but dropped one of ${strongestDropped}`);
}

/**
 * How many lines the documents view draws with every link: in each document's block, agencies with
 * the same counts on the same side share a node of at most MAX_NAMES_PER_NODE names, one line each.
 */
function fullLineCount(groups: Map<string, Group>): number {
  let lines = 0;
  for (const group of groups.values()) {
    const alike = new Map<string, number>();
    for (const [, t] of group.tally) {
      const key = `${t.lead > 0 ? 'lead' : 'other'} ${t.lead}:${t.co}`;
      alike.set(key, (alike.get(key) ?? 0) + 1);
    }
    for (const agencies of alike.values()) lines += Math.ceil(agencies / MAX_NAMES_PER_NODE);
  }
  return lines;
}

describe('browser: a 10,000-measure corpus in one graph', function () {
  this.timeout(180_000);
  let browser: Browser;
  let blank: OfflinePage;
  let project: Project;
  let graph: OwnershipGraph;
  let view: GraphView;
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
    chapterTitles = titlesOf(corpus.files.slice(1).map((file) => file.text));

    started = performance.now();
    graph = buildOwnershipGraph(project);
    const built = performance.now() - started;
    started = performance.now();
    buildOwnershipGraph(project);
    const rebuilt = performance.now() - started;

    blank = await newBlankPage(browser);
    started = performance.now();
    const result = await renderMermaid(blank.page, graph.mermaid);
    const wall = performance.now() - started;
    view = await readView(blank.page, result);
    console.log(
      `      [timing] 10k corpus: generateCorpus ${generated.toFixed(0)} ms (${corpus.files.length} files); Project.setFile × ${corpus.files.length} ${loaded.toFixed(0)} ms; ` +
        `buildOwnershipGraph ${built.toFixed(0)} ms (cold: parses the models) / ${rebuilt.toFixed(0)} ms (warm); ` +
        `level ${graph.level}, ${graph.mermaid.length} chars, ${graph.edgeCount} + ${legendLines(result)} (legend) edges, ${graph.nodeCount} nodes; ` +
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
    // No measure nodes: only agencies and one node per part or document, with the ids of that view.
    const ids = declaredNodeIds(graph.mermaid);
    assert.deepEqual(ids.filter((id) => placeOf(id, idLevel(graph)) === undefined), []);
    assert.ok(ids.every((id) => !/^p\d+m\d+$/.test(id)));
  });

  it('says that it is aggregated, with the number of measures', function () {
    assert.ok(graph.notice, 'a notice');
    assert.match(graph.notice, /^Aggregated view: 10000 measures are too many for one Mermaid graph/);
    // How to filter is the host's to say (the command line adds its flags); the core names no flag.
    assert.match(graph.notice, /Filter by agency or part for (measure )?detail\./);
    assert.doesNotMatch(graph.notice, /--agency|--chapter/);
  });

  it('renders in Chromium with Mermaid\'s default limits: the graph, not the "Maximum text size" placeholder', function () {
    const { result } = view;
    assert.equal(result.error, undefined);
    assert.equal(result.limitExceeded, false);
    assert.equal(result.ok, true);
    assert.ok(!result.text.includes('Maximum text size in diagram exceeded'));
    assert.deepEqual(sorted(graphNodeIds(result)), sorted(declaredNodeIds(graph.mermaid)));
    assert.equal(graphNodeIds(result).length, graph.nodeCount);
    assert.equal(graphEdges(result).length, graph.edgeCount);
    assert.equal(result.edgeCount, graph.edgeCount + legendLines(result), 'plus the legend\'s lines');
    assert.ok(legendLines(result) >= 1 && legendLines(result) <= 2);
    assert.deepEqual(renderedEdgeKeys(result), declaredEdgeKeys(graph.mermaid));
    assertQuiet(blank);
  });

  it('draws each group once with its measure and no-lead counts, each agency with its 牵头/配合 counts, thick and solid where it leads', function () {
    const matrix = buildMatrix(project);
    const groups = expectedGroups(matrix, graph.level, chapterTitles);
    assertAggregated(graph, view, groups);
    // With documents: 100 of them.
    assert.equal(groups.size, graph.level === 'parts' ? 500 : 100);
    assert.ok(Object.values(graph.agencyNodes).some((names) => names.length > 1), 'some agencies merged');
    assert.equal(graph.noLead.length, matrix.measures.filter((m) => m.noLead).length);
  });

  it('when it must drop links, keeps the strongest ones (a lead counts double) and says how many it dropped', function () {
    const groups = expectedGroups(buildMatrix(project), graph.level, chapterTitles);
    const ties = drawnTies(view.result, view.lines, idLevel(graph));
    const pairs = graphEdges(view.result).map((edge) => { const ends = edgeEnds(edge.id)!; return `${ends.from}-${ends.to}`; });
    assert.equal(new Set(pairs).size, graph.edgeCount, 'one line per agency node and group');
    assertLinksKept(graph, ties, groups, fullLineCount(groups));
    if (graph.level === 'strongest-links') {
      // It draws as many lines as the edge limit allows, with room kept for three legend lines.
      assert.equal(graph.edgeCount + 3, MERMAID_DEFAULTS.maxEdges);
    }
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
      assert.equal(await opened.page.locator('#graph svg g.edgePaths > path').count(), graph.edgeCount + legendLines(view.result));
      assert.equal(await opened.page.locator('#graph svg g.node').count(), graph.nodeCount + legendLines(view.result) + 2, 'plus the legend\'s agency boxes (one per line), document box and no-lead box');
      assert.equal(await opened.page.locator('tr.no-lead').count(), graph.noLead.length);
    } finally {
      await opened.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('browser: the aggregated views, forced by lower limits, agree with the matrix', function () {
  this.timeout(180_000);
  let blank: OfflinePage;

  before(async function () {
    blank = await newBlankPage(await sharedBrowser());
  });
  after(async function () {
    await blank?.close();
    await closeSharedBrowser();
  });

  const seedTitles = () => titlesOf([readFileSync(join(ROOT, 'tasks/zj-ai-2027.yaml'), 'utf8')]);
  const limited = (maxEdges: number) => ({ limits: { maxTextSize: MERMAID_DEFAULTS.maxTextSize, maxEdges } });
  /** Lines a graph needs within the edge limit: its own, and room for the legend's three. */
  const linesOf = (graph: OwnershipGraph) => graph.edgeCount + 3;

  it('the seed by parts: a box per part, in order, its node with the counts between its agencies', async function () {
    // With a line per measure's lead and one per its other agencies, the seed's measures need 45
    // lines (the legend's three included), its parts 31: 40 forces the parts.
    assert.equal(linesOf(buildOwnershipGraph(seedProject())), 45);
    assert.equal(linesOf(buildOwnershipGraph(seedProject(), undefined, { level: 'parts' })), 31);
    const graph = buildOwnershipGraph(seedProject(), undefined, limited(40));
    assert.equal(graph.level, 'parts');
    assert.match(graph.notice ?? '', /^Aggregated view: 23 measures .* agencies link to parts, with counts/);
    // Asked for (graph --level parts), the same drawing, without the notice.
    const asked = buildOwnershipGraph(seedProject(), undefined, { level: 'parts' });
    assert.equal(asked.mermaid, graph.mermaid);
    assert.equal(asked.notice, undefined);
    const groups = expectedGroups(buildMatrix(seedProject()), graph.level, seedTitles());
    assert.deepEqual([...groups.keys()], ['p0n', 'p1n', 'p2n', 'p3n', 'p4n', 'p5n']);
    assert.deepEqual(groups.get('p2n')!.box, { id: 'p2', label: '4 加快创新场景赋能，全面激发融合发展牵引力' });
    assert.equal(groups.get('p2n')!.label, '4 measures · 3 without lead');
    const view = await viewGraph(blank.page, graph.mermaid);
    const ties = assertAggregated(graph, view, groups);
    assertLinksKept(graph, ties, groups, fullLineCount(groups));
    assert.ok(ties.some((tie) => tie.kind === 'lead') && ties.some((tie) => tie.kind === 'co'), 'both kinds of line drawn');
    assert.ok(Object.values(graph.agencyNodes).some((names) => names.length > 1), 'agencies tied alike are merged here too');
    assertQuiet(blank);
  });

  it('the seed by documents: one box for the guideline, its node with the counts, one line per agency node with its counts', async function () {
    const graph = buildOwnershipGraph(seedProject(), undefined, limited(20));
    assert.equal(graph.level, 'documents');
    const groups = expectedGroups(buildMatrix(seedProject()), graph.level, seedTitles());
    assert.deepEqual([...groups.values()].map((g) => [g.node, g.box.id, g.box.label, g.label]), [['d0n', 'd0', 'zj-ai-2027', '23 measures · 4 without lead']]);
    const view = await viewGraph(blank.page, graph.mermaid);
    const ties = assertAggregated(graph, view, groups);
    assertLinksKept(graph, ties, groups, fullLineCount(groups));
    assert.equal(graph.edgeCount, fullLineCount(groups));
    // Every one of the 31 agencies, many of them merged (the ten that are each 配合 1 share nodes of at most 8).
    assert.equal(ties.length, 31);
    assert.ok(graph.edgeCount < 31);
    assert.ok(Object.values(graph.agencyNodes).some((names) => names.length === MAX_NAMES_PER_NODE), 'a full node, and the rest in another');
    assertQuiet(blank);
  });

  it('the seed\'s strongest links: the lines a limit of 10 edges leaves room for, the strongest ones', async function () {
    const graph = buildOwnershipGraph(seedProject(), undefined, limited(10));
    assert.equal(graph.level, 'strongest-links');
    const groups = expectedGroups(buildMatrix(seedProject()), graph.level, seedTitles());
    const view = await viewGraph(blank.page, graph.mermaid);
    const ties = assertAggregated(graph, view, groups);
    // The notice counts lines, as drawn: those of the full documents view (a merged node's line is one).
    assert.equal(fullLineCount(groups), buildOwnershipGraph(seedProject(), undefined, limited(20)).edgeCount);
    assertLinksKept(graph, ties, groups, fullLineCount(groups));
    assert.equal(graph.edgeCount + 3, 10, 'room kept for three legend lines');
    assertQuiet(blank);
  });

  it('two generated documents by parts: a box per part, headed by its document, chapter and title, in order', async function () {
    const registryText = readFileSync(join(ROOT, 'tasks/agencies.yaml'), 'utf8');
    const corpus = generateCorpus({ measures: 200, seed: 1, perFile: 100, registryText });
    const project = new Project();
    for (const file of corpus.files) project.setFile(`corpus/${file.name}`, file.text);
    // Measure detail fits Mermaid's default limits (at most two lines a measure); a lower limit
    // forces the parts, which then draw what they draw when asked for.
    const detailed = buildOwnershipGraph(project);
    assert.equal(detailed.level, 'measures');
    assert.ok(linesOf(detailed) > 200, `${linesOf(detailed)} lines`);
    const graph = buildOwnershipGraph(project, undefined, limited(200));
    assert.equal(graph.level, 'parts');
    assert.match(graph.notice ?? '', /^Aggregated view: 200 measures .* agencies link to parts, with counts/);
    assert.equal(buildOwnershipGraph(project, undefined, { level: 'parts' }).mermaid, graph.mermaid);
    const groups = expectedGroups(buildMatrix(project), graph.level, titlesOf(corpus.files.slice(1).map((file) => file.text)));
    assert.equal(groups.size, 10);
    assert.deepEqual([...groups.values()].map((g) => g.box.label.split(' ')[0]), [...Array(10)].map((_, i) => (i < 5 ? 'gen-00001' : 'gen-00002')));
    assert.ok([...groups.values()].every((g, i) => g.box.id === `p${i}` && / · \S+ /.test(g.box.label)));
    const view = await viewGraph(blank.page, graph.mermaid);
    const ties = assertAggregated(graph, view, groups);
    assert.ok(ties.some((tie) => tie.kind === 'lead') && ties.some((tie) => tie.kind === 'co'), 'both kinds of line drawn');
    assert.ok(Object.values(graph.agencyNodes).some((names) => names.length > 1), 'some agencies merged');
    assertLinksKept(graph, ties, groups, fullLineCount(groups));
    assertQuiet(blank);
  });
});
