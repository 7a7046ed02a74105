// `taskmatrix graph`: the ownership graph as Mermaid, Markdown (OWNERSHIP.md) or self-contained HTML.
import { buildOwnershipGraph, graphToHtml, graphToMarkdown, GraphFilterError, GRAPH_LEVELS } from '../../core/index';
import type { OwnershipGraph } from '../../core/index';
import { UsageError } from '../files';
import { t } from '../messages';
import type { CommandContext } from './command';
import { contentNonce, loadExportInput, mermaidScript } from './export-input';
import type { ExportInput } from './export-input';

export const GRAPH_FORMATS = ['mermaid', 'markdown', 'html'] as const;

export function graphCommand(context: CommandContext): number {
  const format = String(context.options.format ?? 'mermaid');
  if (!(GRAPH_FORMATS as readonly string[]).includes(format)) throw new UsageError('unknownFormat', { format, command: 'graph', formats: GRAPH_FORMATS.join(', ') });
  const input = loadExportInput(context);
  const graph = ownershipGraph(context, input);
  if (graph.notice) context.stderr(`taskmatrix: ${graph.notice}\n`);
  context.write(renderGraph(graph, format as (typeof GRAPH_FORMATS)[number], context, input.title));
  return 0;
}

/** The graph with the command's --agency and --chapter filters; an unknown filter value is a usage error. */
export function ownershipGraph(context: CommandContext, input: ExportInput): OwnershipGraph {
  const agency = typeof context.options.agency === 'string' ? context.options.agency : undefined;
  const chapter = typeof context.options.chapter === 'string' ? context.options.chapter : undefined;
  const level = typeof context.options.level === 'string' ? context.options.level : undefined;
  if (level !== undefined && !(GRAPH_LEVELS as readonly string[]).includes(level)) throw new UsageError('unknownLevel', { level, levels: GRAPH_LEVELS.join(', ') });
  try {
    return buildOwnershipGraph(input.project, input.guidelines, { agency, chapter, level: level as (typeof GRAPH_LEVELS)[number] | undefined, locale: context.locale, filterHint: t(context.locale, 'graphFilterHint') });
  } catch (error) {
    if (!(error instanceof GraphFilterError)) throw error;
    const key = error.filter === 'agency' ? (error.suggestion ? 'unknownAgencySuggest' : 'unknownAgency') : 'unknownChapter';
    throw new UsageError(key, { value: error.value, suggestion: error.suggestion ?? '', available: error.available.join(', ') });
  }
}

export function renderGraph(graph: OwnershipGraph, format: (typeof GRAPH_FORMATS)[number], context: CommandContext, title: string): string {
  switch (format) {
    case 'mermaid':
      return graph.mermaid;
    case 'markdown':
      return graphToMarkdown(graph, context.locale, title);
    case 'html': {
      const script = mermaidScript();
      return graphToHtml(graph, { locale: context.locale, title, mermaidScript: script, nonce: contentNonce(graph.mermaid, title) });
    }
  }
}
