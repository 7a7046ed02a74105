import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildMatrix, buildOwnershipGraph, GraphFilterError, ownershipGraphOf, Project } from '../../../core/index';
import type { Matrix, MatrixMeasure } from '../../../core/index';

const root = join(__dirname, '..', '..', '..', '..');

function seed(): Project {
  const project = new Project();
  for (const file of ['tasks/agencies.yaml', 'tasks/zj-ai-2027.yaml']) project.setFile(file, readFileSync(join(root, file), 'utf8'));
  return project;
}

/** Node ids declared in Mermaid text (legend excluded). */
function declaredNodes(text: string): string[] {
  return [...text.matchAll(/^\s+([am]\d+(?:_\d+)?|p\d+)\["/gm)].map((m) => m[1]!);
}

function edges(text: string): string[] {
  return text.split('\n').filter((line) => /^\s+\w+ (-->|-\.->)\|/.test(line) && !line.includes('legend_'));
}

describe('ownership graph', () => {
  it('draws every measure and every agency it names, one edge per agency mention', () => {
    const graph = buildOwnershipGraph(seed());
    const matrix = buildMatrix(seed());
    const mentions = matrix.measures.reduce((sum, m) => sum + (m.lead ? 1 : 0) + m.co.length, 0);
    assert.equal(graph.level, 'measures');
    assert.equal(graph.edgeCount, mentions);
    assert.equal(edges(graph.mermaid).length, mentions);
    assert.equal(declaredNodes(graph.mermaid).length, graph.nodeCount);
    assert.equal(graph.nodeCount, 23 + 31);
  });

  it('draws lead edges solid with 牵头 and co-responsible edges dotted with 配合', () => {
    const text = buildOwnershipGraph(seed()).mermaid;
    const lines = edges(text);
    assert.equal(lines.filter((l) => l.includes('-->|牵头|')).length, 19);
    assert.ok(lines.filter((l) => l.includes('-.->|配合|')).length > 0);
    assert.ok(lines.every((l) => l.includes('-->|牵头|') || l.includes('-.->|配合|') || l.includes('-.->|负责|')));
  });

  it('groups measures in one subgraph per part, in document order', () => {
    const text = buildOwnershipGraph(seed()).mermaid;
    const subgraphs = [...text.matchAll(/subgraph (p\d+)\["(\d+) /g)].map((m) => m[2]);
    assert.deepEqual(subgraphs, ['2', '3', '4', '5', '6', '7']);
  });

  it('puts the noLead class on exactly the measures without a lead', () => {
    const graph = buildOwnershipGraph(seed());
    const noLeadLine = graph.mermaid.split('\n').find((l) => /^ {2}class m.* noLead$/.test(l))!;
    assert.deepEqual(noLeadLine.trim().split(' ')[1]!.split(','), graph.noLeadNodeIds);
    const labels = graph.noLeadNodeIds.map((id) => graph.mermaid.match(new RegExp(`${id}\\["([^"]+)"`))![1]!.split(' ')[0]);
    assert.deepEqual(labels, ['4#46;2', '4#46;3', '4#46;4', '7#46;1']);
  });

  it('is deterministic', () => {
    assert.equal(buildOwnershipGraph(seed()).mermaid, buildOwnershipGraph(seed()).mermaid);
  });

  it('filters by agency, alias accepted, and highlights it', () => {
    const graph = buildOwnershipGraph(seed(), undefined, { agency: '科技厅' });
    const matrix = buildMatrix(seed());
    const expected = matrix.measures.filter((m) => m.lead === '省科技厅' || m.co.includes('省科技厅'));
    assert.deepEqual(graph.measures.map((m) => m.id), expected.map((m) => m.id));
    assert.match(graph.mermaid, /class a0 focus/);
    assert.match(graph.mermaid, /a0\["省科技厅"\]/);
  });

  it('filters by part', () => {
    const graph = buildOwnershipGraph(seed(), undefined, { chapter: '4' });
    assert.deepEqual(graph.measures.map((m) => m.id), ['4.1', '4.2', '4.3', '4.4']);
    assert.equal(graph.noLead.length, 3);
  });

  it('refuses an unknown agency or part with a suggestion', () => {
    assert.throws(() => buildOwnershipGraph(seed(), undefined, { agency: '省科技' }), (e: unknown) => e instanceof GraphFilterError && e.suggestion === '省科技厅');
    assert.throws(() => buildOwnershipGraph(seed(), undefined, { chapter: '9' }), (e: unknown) => e instanceof GraphFilterError && e.available.includes('4'));
  });

  it('aggregates to parts, then documents, then the strongest links, always within the limits', () => {
    const measures: MatrixMeasure[] = [];
    const agencies = Array.from({ length: 30 }, (_, i) => `单位${i}`);
    for (let d = 0; d < 40; d++) {
      for (let c = 2; c <= 6; c++) {
        for (let k = 1; k <= 50; k++) {
          const pick = agencies.filter((_, i) => (i * 7 + d + c + k) % 5 === 0);
          measures.push({ id: `${c}.${k}`, title: `措施${k}`, document: `doc-${d}`, file: `f${d}.yaml`, line: 1, chapter: String(c), lead: pick[0]!, co: pick.slice(1), noLead: false, noLeadReason: null });
        }
      }
    }
    const matrix: Matrix = { measures, agencies: agencies.map((name) => ({ name, leads: [], co: [], noLead: [] })) };
    const limits = { maxTextSize: 50_000, maxEdges: 500 };
    const all = ownershipGraphOf(matrix, new Map(), { limits });
    assert.equal(all.level, 'strongest-links');
    assert.ok(all.mermaid.length <= limits.maxTextSize && all.edgeCount + 2 <= limits.maxEdges);
    assert.match(all.notice!, /only the \d+ strongest of \d+ links/);
    const one = ownershipGraphOf(matrix, new Map(), { limits, agency: '单位0', chapter: '2' });
    assert.ok(['measures', 'parts'].includes(one.level));
    const small = ownershipGraphOf({ ...matrix, measures: measures.filter((m) => m.document === 'doc-0') }, new Map(), { limits });
    assert.equal(small.level, 'parts');
    assert.match(small.mermaid, /-->\|牵头 \d+/);
  });
});
