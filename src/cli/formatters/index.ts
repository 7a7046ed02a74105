// The lint output formats by name.
import type { Formatter } from './format';
import { github } from './github';
import { json } from './json';
import { junit } from './junit';
import { sarif } from './sarif';
import { stylish } from './stylish';

export const LINT_FORMATS: Record<string, Formatter> = { stylish, json, sarif, github, junit };
export type { FormatInput, Formatter } from './format';
export { counts } from './format';
