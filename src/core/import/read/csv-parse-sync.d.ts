// The part of csv-parse/sync the engine calls, for its own type check (src/core/tsconfig.json):
// csv-parse's own declarations reference Node's types, which the engine's check leaves out.
export function parse(input: string, options: { bom?: boolean; delimiter?: string; relax_column_count?: boolean; relax_quotes?: boolean; skip_empty_lines?: boolean }): unknown;
