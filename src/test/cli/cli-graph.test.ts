// `taskmatrix graph`: the ownership graph as Mermaid text, as Markdown (OWNERSHIP.md) and as one
// self-contained HTML page; the --agency and --chapter filters; usage errors; files with errors.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, guideline, lines, NO_LEAD_MEASURES, ROOT, run, runBytes, SMALL_REGISTRY, STACK_FRAME, TempDirs } from './helpers';
import { assertSelfContained, attribute, bigProject, htmlTable, markdownTable, matrixJson, runBig, scriptElements, twoDocuments } from './export-helpers';
import type { Matrix } from './export-helpers';

/** Mermaid entity codes (`#46;`) back to characters. */
function decodeMermaid(text: string): string {
  return text.replace(/#(\d+);/g, (_w, code: string) => String.fromCodePoint(Number(code)));
}

interface ParsedGraph {
  /** Agency node id → the names behind it (agencies tied alike share a node, names one per line). */
  agencies: Map<string, string[]>;
  /** Measure node id → measure id (the label's first word), in document order (part pN, then measure mI). */
  measures: Map<string, string>;
  /** Lines of the graph, the legend's left out: === lead, -.- co-responsible, --- responsible without a lead. */
  edges: { from: string; to: string; arrow: string; label: string | undefined }[];
  /** Class name → node ids. */
  classes: Map<string, string[]>;
}

function parseGraph(text: string): ParsedGraph {
  const graph: ParsedGraph = { agencies: new Map(), measures: new Map(), edges: [], classes: new Map() };
  const measures: [number, number, string, string][] = [];
  for (const line of lines(text)) {
    let match = /^\s+(p\d+[ac]\d+)\["([^"]*)"\]$/.exec(line);
    if (match) graph.agencies.set(match[1]!, match[2]!.split('<br>').map(decodeMermaid));
    match = /^\s+(p(\d+)m(\d+))\["([^"]*)"\]$/.exec(line);
    if (match) measures.push([Number(match[2]), Number(match[3]), match[1]!, decodeMermaid(match[4]!).split(' ')[0]!]);
    match = /^\s+(\w+) (===|-\.-|---)(?:\|([^|]*)\|)? (\w+)$/.exec(line);
    if (match && !match[1]!.startsWith('legend_')) graph.edges.push({ from: match[1]!, arrow: match[2]!, label: match[3] === undefined ? undefined : decodeMermaid(match[3]), to: match[4]! });
    match = /^\s+class ([\w,]+) (\w+)$/.exec(line);
    if (match) graph.classes.set(match[2]!, [...(graph.classes.get(match[2]!) ?? []), ...match[1]!.split(',')]);
  }
  // Blocks are written last first (Mermaid stacks them reversed): document order is the order of the ids.
  measures.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (const [, , node, id] of measures) graph.measures.set(node, id);
  return graph;
}

describe('cli: graph', function () {
  const temp = new TempDirs();
  let matrix: Matrix;
  before(function () {
    ensureBuilt();
    matrix = matrixJson();
  });
  afterEach(() => temp.cleanup());

  describe('--format mermaid (default)', function () {
    it('starts with an init directive and a flowchart, exits 0 and is quiet on standard error for the bundled tasks/', function () {
      const { status, stdout, stderr } = run(['graph', 'tasks/', '--format', 'mermaid']);
      assert.equal(status, 0, stderr);
      assert.equal(stderr, '');
      const init = /^%%\{init: (\{.*\})\}%%$/.exec(lines(stdout)[0]!);
      assert.ok(init, lines(stdout)[0]);
      assert.equal(typeof (JSON.parse(init[1]!) as { flowchart?: unknown }).flowchart, 'object', 'the directive sets the flowchart layout');
      assert.match(lines(stdout)[1]!, /^flowchart (LR|TB)$/);
      assert.equal(run(['graph']).stdout, stdout, 'mermaid is the default format and tasks/ the default path');
    });

    it('is byte-identical across two runs, and from a copy of tasks/ in another folder', function () {
      const first = runBytes(['graph', 'tasks/']);
      const second = runBytes(['graph', 'tasks/']);
      assert.equal(first.status, 0);
      assert.ok(first.stdout.length > 0);
      assert.ok(first.stdout.equals(second.stdout), 'two runs give the same bytes');
      const copy = temp.withBundledTasks();
      const elsewhere = runBytes(['graph', 'tasks'], { cwd: copy });
      assert.ok(first.stdout.equals(elsewhere.stdout), 'the working folder does not change the graph');
    });

    it('draws every measure once, a === line from its lead, a -.- line to every other agency, --- without a lead', function () {
      const graph = parseGraph(run(['graph']).stdout);
      assert.deepEqual([...graph.measures.values()], matrix.measures.map((m) => m.id));
      const nodeOf = new Map([...graph.measures].map(([node, id]) => [id, node]));
      for (const edge of graph.edges) assert.equal(edge.label, undefined, `no label on ${edge.from} ${edge.arrow} ${edge.to}`);
      /** The names behind the lines of one arrow at a measure: a merged node stands for each of its names. */
      const names = (node: string, arrow: string) =>
        graph.edges
          .filter((e) => e.arrow === arrow && (e.to === node || e.from === node))
          .flatMap((e) => graph.agencies.get(e.to === node ? e.from : e.to) ?? [`not an agency: ${e.from} ${e.to}`])
          .sort();
      for (const m of matrix.measures) {
        const node = nodeOf.get(m.id)!;
        const leadLines = graph.edges.filter((e) => e.arrow === '===' && e.to === node);
        if (m.noLead) {
          assert.equal(leadLines.length, 0, `${m.id} has no lead line`);
          assert.deepEqual(names(node, '-.-'), [], m.id);
          assert.deepEqual(names(node, '---'), [...m.co].sort(), `${m.id}: a --- line to each agency`);
        } else {
          assert.equal(leadLines.length, 1, `${m.id}: one lead line`);
          assert.ok(graph.agencies.get(leadLines[0]!.from)!.includes(m.lead!), `${m.id}: the lead line comes from ${m.lead}`);
          assert.deepEqual(names(node, '-.-'), [...m.co].sort(), `${m.id}: a -.- line to each co-responsible agency`);
          assert.deepEqual(names(node, '---'), [], m.id);
        }
      }
      const mentions = matrix.measures.reduce((sum, m) => sum + (m.lead ? 1 : 0) + m.co.length, 0);
      const drawn = graph.edges.reduce((sum, e) => sum + (graph.agencies.get(graph.measures.has(e.from) ? e.to : e.from)?.length ?? 0), 0);
      assert.equal(drawn, mentions, 'no line beyond the agency mentions');
      const noLeadNodes = (graph.classes.get('noLead') ?? []).filter((id) => !id.startsWith('legend_'));
      assert.deepEqual(noLeadNodes.map((id) => graph.measures.get(id)), [...NO_LEAD_MEASURES], 'the four measures without a lead get the noLead style');
    });
  });

  describe('--format markdown', function () {
    let markdown: string;
    before(function () {
      const result = run(['graph', '--format', 'markdown']);
      assert.equal(result.status, 0, result.stderr);
      markdown = result.stdout;
    });

    it('holds exactly one ```mermaid fenced block, the graph itself', function () {
      const all = lines(markdown);
      const fences = all.map((line, index) => [line, index] as const).filter(([line]) => line.startsWith('```'));
      assert.deepEqual(
        fences.map(([line]) => line),
        ['```mermaid', '```'],
        'one opening ```mermaid and its closing fence, no other fence',
      );
      const block = all.slice(fences[0]![1] + 1, fences[1]![1]).join('\n');
      assert.equal(`${block}\n`, run(['graph']).stdout, 'the block is the Mermaid output');
    });

    it('gives the legend: lead, co-responsible, responsible without a lead, the no-lead style', function () {
      const legend = lines(markdown).find((line) => line.startsWith('**Legend'));
      assert.ok(legend, markdown);
      for (const word of ['牵头', '配合', '负责', '无牵头单位']) assert.ok(legend.includes(word), `legend names ${word}: ${legend}`);
      const fenceEnd = lines(markdown).lastIndexOf('```');
      assert.ok(lines(markdown).indexOf(legend) > fenceEnd, 'the legend follows the graph');
    });

    it('has a "Measures without a lead (4)" table listing 4.2, 4.3, 4.4 and 7.1 with their reasons and agencies', function () {
      const all = lines(markdown);
      const heading = all.findIndex((line) => /^#+ Measures without a lead \(4\)$/.test(line));
      assert.ok(heading >= 0, markdown);
      const table = markdownTable(all.slice(heading + 1).join('\n'));
      const idColumn = table[0]!.findIndex((h) => h.includes('编号') || /^No\b/.test(h));
      assert.ok(idColumn >= 0, `an id column in ${table[0]!.join(' | ')}`);
      assert.deepEqual(table.slice(1).map((row) => row[idColumn]!.replace(/\\/g, '')), [...NO_LEAD_MEASURES]);
      for (const row of table.slice(1)) {
        const id = row[idColumn]!.replace(/\\/g, '');
        const measure = matrix.measures.find((m) => m.id === id)!;
        assert.ok(row.some((cell) => cell === measure.co.join('、')), `${id} lists ${measure.co.join('、')}`);
        assert.ok(row.some((cell) => (measure.noLeadReason === 'collective' ? /collective/ : /by function/).test(cell)), `${id}: ${row.join(' | ')}`);
      }
    });

    it('is deterministic too', function () {
      assert.equal(run(['graph', '--format', 'markdown']).stdout, markdown);
    });

    it('uses Chinese headings with --locale zh-cn', function () {
      const { status, stdout } = run(['graph', '--format', 'markdown', '--locale', 'zh-cn']);
      assert.equal(status, 0);
      const headings = lines(stdout).filter((line) => line.startsWith('#'));
      assert.ok(headings.some((h) => /^# .*责任分工图$/.test(h)), headings.join('\n'));
      assert.ok(headings.includes('## 无牵头单位的措施（4 项）'), headings.join('\n'));
      assert.ok(lines(stdout).some((line) => line.startsWith('**图例')), 'the legend is headed 图例');
      const table = markdownTable(stdout.slice(stdout.indexOf('## 无牵头单位的措施')));
      assert.deepEqual(table[0], ['编号', '措施', '原因', '责任单位']);
      assert.ok(table.slice(1).some((row) => row.includes('根据职能分工各自负责')));
      for (const english of ['Legend', 'Measures without a lead', 'Ownership graph', 'Why', 'Agencies', 'by function']) {
        assert.ok(!stdout.includes(english), `no English "${english}" in the Chinese page`);
      }
    });

    it('uses Chinese headings with --locale zh-cn when several documents are shown (the document column too)', function () {
      const dir = temp.withFiles(twoDocuments());
      const { status, stdout, stderr } = run(['graph', '--format', 'markdown', '--locale', 'zh-cn'], { cwd: dir });
      assert.equal(status, 0, stderr);
      const table = markdownTable(stdout.slice(stdout.indexOf('## 无牵头单位的措施')));
      assert.equal(table.length - 1, 2, 'doc-a 2.2 and doc-b 2.2');
      assert.ok(!table[0]!.includes('Document'), `a Chinese header for the document column: ${table[0]!.join(' | ')}`);
      assert.equal(table[0]![0], '文件');
      assert.deepEqual(table.slice(1).map((row) => row.slice(0, 2)), [
        ['doc-a', '2.2'],
        ['doc-b', '2.2'],
      ]);
    });
  });

  describe('--format html', function () {
    let html: string;
    let bytes: Buffer;
    before(function () {
      const result = runBig(['graph', '--format', 'html']);
      assert.equal(result.status, 0, result.stderr);
      bytes = result.stdout;
      html = bytes.toString('utf8');
    });

    it('is one self-contained file: nothing loaded from the network or beside it, a nonce-only CSP on every script', function () {
      const nonce = assertSelfContained(html, 'graph --format html');
      const executed = scriptElements(html).filter((s) => attribute(s.attributes, 'type') === undefined);
      assert.ok(executed.length >= 2, 'Mermaid and the code that renders the graph');
      for (const script of executed) assert.equal(attribute(script.attributes, 'nonce'), nonce);
    });

    it('inlines the Mermaid library (over 1 MB) instead of loading it', function () {
      assert.ok(bytes.length > 1024 * 1024, `${bytes.length} bytes`);
      const library = readFileSync(require.resolve('mermaid/dist/mermaid.min.js'), 'utf8');
      const inlined = scriptElements(html).find((s) => s.body.length > 1024 * 1024);
      assert.ok(inlined, 'a script element over 1 MB');
      assert.ok(inlined.body === library, 'the script is mermaid.min.js as published');
      assert.doesNotMatch(html, /cdn\.jsdelivr|unpkg\.com|<script[^>]+src=/i);
    });

    it("initializes Mermaid with securityLevel: 'strict'", function () {
      const render = scriptElements(html).find((s) => s.body.length < 100_000 && s.body.includes('mermaid.initialize'));
      assert.ok(render, 'a script of the page (not the library) that initializes Mermaid');
      assert.ok(render.body.includes("securityLevel: 'strict'"), render.body);
      assert.doesNotMatch(render.body, /securityLevel:\s*'(loose|antiscript|sandbox)'/);
    });

    it('passes the graph source as JSON in a <script type="application/json"> without a raw "<"', function () {
      const data = scriptElements(html).filter((s) => attribute(s.attributes, 'type') === 'application/json');
      assert.equal(data.length, 1, 'one JSON data block');
      assert.ok(!data[0]!.body.includes('<'), 'no raw < inside the data block');
      assert.equal(JSON.parse(data[0]!.body), run(['graph']).stdout, 'the data block is the Mermaid output');
    });

    it('keeps a hostile title inert: no extra <script>, no raw "<" in the data block', function () {
      const dir = temp.withFiles({
        'tasks/agencies.yaml': SMALL_REGISTRY,
        'tasks/doc.yaml': guideline(`      - id: "2.1"
        title: "</script><script>alert(1)</script><!--"
        agencies: [省科技厅, 省经信厅]
`).replace('title: 测试文件', 'title: "标题</script><img src=x onerror=alert(2)>"'),
      });
      const result = runBig(['graph', '--format', 'html'], { cwd: dir });
      assert.equal(result.status, 0, result.stderr);
      const page = result.stdout.toString('utf8');
      assertSelfContained(page, 'hostile graph html');
      assert.equal(scriptElements(page).length, scriptElements(html).length, 'as many <script> elements as for the bundled data');
      assert.doesNotMatch(page, /<script>alert|<img src=x/);
      const data = scriptElements(page).find((s) => attribute(s.attributes, 'type') === 'application/json')!;
      assert.ok(!data.body.includes('<'));
      assert.ok(decodeMermaid(JSON.parse(data.body) as string).includes('</script><script>alert(1)'), 'the title is shown as text');
    });

    it('lists the four measures without a lead in a table', function () {
      const table = htmlTable(html);
      assert.deepEqual(table.rows.map((row) => row.cells[0]), [...NO_LEAD_MEASURES]);
      assert.ok(table.rows.every((row) => row.className === 'no-lead'));
    });

    it('names the document of each measure without a lead when several documents are shown', function () {
      const dir = temp.withFiles(twoDocuments());
      const result = runBig(['graph', '--format', 'html'], { cwd: dir });
      assert.equal(result.status, 0, result.stderr);
      const table = htmlTable(result.stdout.toString('utf8'));
      assert.equal(table.rows.length, 2);
      const rows = table.rows.map((row) => row.cells.join(' | '));
      assert.notEqual(rows[0], rows[1], `the two rows "2.2" can be told apart: ${rows.join(' / ')}`);
      assert.ok(rows[0]!.includes('doc-a') && rows[1]!.includes('doc-b'), rows.join(' / '));
    });

    it('is byte-identical across two runs (the nonce derives from the content)', function () {
      const again = runBig(['graph', '--format', 'html']);
      assert.ok(again.stdout.equals(bytes));
    });
  });

  describe('--agency', function () {
    it('keeps only the measures naming the agency, and marks it as the focus', function () {
      const { status, stdout, stderr } = run(['graph', '--agency', '省科技厅']);
      assert.equal(status, 0, stderr);
      const graph = parseGraph(stdout);
      const expected = matrix.measures.filter((m) => m.lead === '省科技厅' || m.co.includes('省科技厅')).map((m) => m.id);
      assert.equal(expected.length, 19, 'the seed names 省科技厅 in 19 measures');
      assert.deepEqual([...graph.measures.values()], expected);
      const focus = graph.classes.get('focus') ?? [];
      assert.ok(focus.length > 0, 'a focus node');
      for (const id of focus) assert.deepEqual(graph.agencies.get(id), ['省科技厅'], `${id}: the focus agency in a node of its own`);
      const others = [...graph.agencies].filter(([id]) => !focus.includes(id));
      assert.ok(others.every(([, names]) => !names.includes('省科技厅')), 'no other node names it');
      for (const node of graph.measures.keys()) assert.ok(graph.edges.some((e) => (e.from === node && focus.includes(e.to)) || (e.to === node && focus.includes(e.from))), `${node} is tied to the focus`);
    });

    it('gives the same graph for the alias 科技厅 as for 省科技厅, in every format', function () {
      for (const format of ['mermaid', 'markdown']) {
        const byName = run(['graph', '--agency', '省科技厅', '--format', format]);
        const byAlias = run(['graph', '--agency', '科技厅', '--format', format]);
        assert.equal(byName.status, 0);
        assert.equal(byAlias.status, 0, byAlias.stderr);
        assert.equal(byAlias.stdout, byName.stdout, format);
      }
      const byName = runBig(['graph', '--agency', '省科技厅', '--format', 'html']);
      const byAlias = runBig(['graph', '--agency', '科技厅', '--format', 'html']);
      assert.ok(byAlias.stdout.equals(byName.stdout), 'html');
    });

    it('exits 2 on an unknown agency, suggesting the closest name, and prints no graph', function () {
      const { status, stdout, stderr } = run(['graph', '--agency', '省科技']);
      assert.equal(status, 2);
      assert.equal(stdout, '');
      assert.ok(stderr.includes('did you mean "省科技厅"'), stderr);
      assert.doesNotMatch(stderr, STACK_FRAME);
    });
  });

  describe('--chapter', function () {
    it('keeps only the measures of that part', function () {
      const { status, stdout } = run(['graph', '--chapter', '4', '--format', 'markdown']);
      assert.equal(status, 0);
      const block = stdout.slice(stdout.indexOf('```mermaid'), stdout.lastIndexOf('```'));
      assert.deepEqual([...parseGraph(block).measures.values()], ['4.1', '4.2', '4.3', '4.4']);
      assert.ok(stdout.includes('Measures without a lead (3)'), stdout);
    });

    it('exits 2 on a part that does not exist, listing the parts there are', function () {
      const { status, stdout, stderr } = run(['graph', '--chapter', '9']);
      assert.equal(status, 2);
      assert.equal(stdout, '');
      assert.ok(stderr.includes('"9"'), stderr);
      assert.ok(stderr.includes('2, 3, 4, 5, 6, 7'), stderr);
      assert.doesNotMatch(stderr, STACK_FRAME);
    });

    it('combines with --agency', function () {
      const { status, stdout } = run(['graph', '--agency', '省科技厅', '--chapter', '2']);
      assert.equal(status, 0);
      const expected = matrix.measures.filter((m) => m.id.startsWith('2.') && (m.lead === '省科技厅' || m.co.includes('省科技厅'))).map((m) => m.id);
      assert.deepEqual([...parseGraph(stdout).measures.values()], expected);
    });
  });

  describe('--level', function () {
    it('documents: agencies against the document, with their counts, and no "aggregated" notice (it was asked for)', function () {
      const { status, stdout, stderr } = run(['graph', '--level', 'documents']);
      assert.equal(status, 0, stderr);
      assert.equal(stderr, '');
      assert.deepEqual([...stdout.matchAll(/^\s+subgraph (d\d+)\["([^"]*)"\]$/gm)].map((m) => `${m[1]} ${decodeMermaid(m[2]!)}`), ['d0 zj-ai-2027']);
      const nodes = [...stdout.matchAll(/^\s+(d\d+n)\["([^"]*)"\]$/gm)].map((m) => decodeMermaid(m[2]!));
      assert.deepEqual(nodes, [`${matrix.measures.length} measures · ${NO_LEAD_MEASURES.length} without lead`]);
      // Every agency of the matrix behind an agency node; each node's line labelled with its counts.
      const agencyNodes = new Map([...stdout.matchAll(/^\s+(d0[ac]\d+)\["([^"]*)"\]$/gm)].map((m) => [m[1]!, m[2]!.split('<br>').map(decodeMermaid)]));
      assert.deepEqual(new Set([...agencyNodes.values()].flat()), new Set(matrix.agencies.filter((a) => a.leads.length || a.co.length).map((a) => a.name)));
      const leads = (name: string) => matrix.measures.filter((m) => m.lead === name).length;
      const co = (name: string) => matrix.measures.filter((m) => m.lead !== name && m.co.includes(name)).length;
      const links = [...stdout.matchAll(/^\s+(d0[ac]\d+|d0n) (===|-\.-)\|([^|]*)\| (d0[ac]\d+|d0n)$/gm)];
      assert.equal(links.length, agencyNodes.size, 'one line per agency node');
      for (const [, from, arrow, label, to] of links) {
        const node = from === 'd0n' ? to! : from!;
        for (const name of agencyNodes.get(node)!) {
          assert.equal(arrow === '===', leads(name) > 0, `${name}: a thick line exactly when it leads`);
          const expected = [leads(name) ? `牵头 ${leads(name)}` : '', co(name) ? `配合 ${co(name)}` : ''].filter(Boolean).join(' · ');
          assert.equal(decodeMermaid(label!), expected, name);
        }
      }
    });

    it('parts: a block per part in document order, its node with the counts, the measures left out', function () {
      const { status, stdout, stderr } = run(['graph', '--level', 'parts']);
      assert.equal(status, 0, stderr);
      assert.equal(stderr, '');
      const blocks = [...stdout.matchAll(/^\s+subgraph (p\d+)\["([^"]*)"\]$/gm)].map((m) => [Number(m[1]!.slice(1)), decodeMermaid(m[2]!).split(' ')[0]] as const);
      assert.deepEqual(blocks.sort((a, b) => a[0] - b[0]).map(([, chapter]) => chapter), ['2', '3', '4', '5', '6', '7']);
      for (const [index] of blocks) {
        const chapter = String(index + 2);
        const counts = new RegExp(`^\\s+p${index}n\\["(\\d+) measures`, 'm').exec(stdout);
        assert.equal(Number(counts?.[1]), matrix.measures.filter((m) => m.chapter === chapter).length, `part ${chapter}`);
      }
      assert.equal(parseGraph(stdout).measures.size, 0);
    });

    it('exits 2 on an unknown level, naming the levels there are', function () {
      const { status, stdout, stderr } = run(['graph', '--level', 'agencies']);
      assert.equal(status, 2);
      assert.equal(stdout, '');
      assert.ok(stderr.includes('measures, parts, documents'), stderr);
      assert.doesNotMatch(stderr, STACK_FRAME);
    });
  });

  describe('a graph too big for Mermaid', function () {
    it('is aggregated by part within Mermaid\'s limits, says so on standard error and in the Markdown', function () {
      const dir = temp.withFiles(bigProject());
      const mermaid = run(['graph'], { cwd: dir });
      assert.equal(mermaid.status, 0, mermaid.stderr);
      assert.match(mermaid.stderr, /Aggregated view: 360 measures/);
      assert.match(mermaid.stderr, /Filter by agency or part \(--agency NAME \/ --chapter ID\) for measure detail\./, 'the command line names its own flags');
      assert.match(lines(mermaid.stdout)[1]!, /^flowchart (LR|TB)$/);
      assert.ok(mermaid.stdout.length <= 50_000, `${mermaid.stdout.length} characters`);
      const links = lines(mermaid.stdout).filter((line) => /^\s+\w+ (===|-\.-|---)[| ]/.test(line));
      assert.ok(links.length <= 500, `${links.length} links`);
      // Agencies linked to the six parts, with counts: a block per part, its node giving the counts.
      const parts = lines(mermaid.stdout).filter((line) => /^\s+p\d+n\["/.test(line));
      assert.equal(parts.length, 6, 'a node per part');
      assert.equal(lines(mermaid.stdout).filter((line) => /^\s+subgraph p\d+\["/.test(line)).length, 6, 'a block per part');
      const counted = links.filter((line) => !line.includes('legend_'));
      assert.ok(counted.length > 0 && counted.every((line) => /\|(牵头 \d+|配合 \d+|牵头 \d+ · 配合 \d+)\|/.test(line)), 'every line has its counts');
      assert.equal(parseGraph(mermaid.stdout).measures.size, 0, 'no measure nodes in the aggregated view');

      const markdown = run(['graph', '--format', 'markdown'], { cwd: dir });
      assert.equal(markdown.status, 0);
      assert.ok(lines(markdown.stdout).some((line) => line.startsWith('> Aggregated view')), 'the notice in the Markdown');
      assert.deepEqual(lines(markdown.stdout).filter((line) => line.startsWith('```')), ['```mermaid', '```']);
      assert.match(markdown.stdout, /Measures without a lead \(36\)/);
    });

    it('shows measure detail again when filtered to one part', function () {
      const dir = temp.withFiles(bigProject());
      const { status, stdout, stderr } = run(['graph', '--chapter', '3'], { cwd: dir });
      assert.equal(status, 0);
      assert.equal(stderr, '', 'no notice');
      assert.equal(parseGraph(stdout).measures.size, 60);
    });
  });

  describe('usage errors and files with errors', function () {
    it('exits 2 on --format svg, naming the formats there are', function () {
      const { status, stdout, stderr } = run(['graph', '--format', 'svg']);
      assert.equal(status, 2);
      assert.equal(stdout, '');
      assert.match(stderr, /svg/);
      for (const format of ['mermaid', 'markdown', 'html']) assert.ok(stderr.includes(format), stderr);
      assert.doesNotMatch(stderr, STACK_FRAME);
    });

    it('still prints the graph (exit 0) of a file with errors, and gives the error count on standard error', function () {
      const dir = temp.withFiles({
        'tasks/agencies.yaml': SMALL_REGISTRY,
        'tasks/doc.yaml': guideline(`      - id: "2.1"
        title: 甲
        agencies: [省科技厅, 未知单位一]
      - id: "2.2"
        title: 乙
        agencies: [未知单位二, 省经信厅]
      - id: "2.2"
        title: 丙
        agencies: [省经信厅]
`),
      });
      const lint = run(['lint', '--format', 'json'], { cwd: dir });
      const errors = (JSON.parse(lint.stdout) as { diagnostics: { severity: string }[] }).diagnostics.filter((d) => d.severity === 'error').length;
      assert.ok(errors >= 3, `unknown agencies and a duplicate id: ${errors}`);
      for (const format of ['mermaid', 'markdown']) {
        const { status, stdout, stderr } = run(['graph', '--format', format], { cwd: dir });
        assert.equal(status, 0, format);
        assert.ok(stdout.includes('flowchart LR'), format);
        assert.ok(stdout.includes('未知单位一') && stdout.includes('未知单位二'), 'unknown agencies are drawn as written');
        assert.match(stderr, new RegExp(`\\b${errors} error`), stderr);
        assert.doesNotMatch(stderr, STACK_FRAME);
      }
    });

    it('reads the repository tasks/ when run in another folder with an absolute path', function () {
      const dir = temp.make();
      const { status, stdout } = run(['graph', join(ROOT, 'tasks')], { cwd: dir });
      assert.equal(status, 0);
      assert.equal(stdout, run(['graph']).stdout);
    });
  });
});
