// The engine's message locale, from VS Code's display language.
import * as vscode from 'vscode';
import { resolveLocale } from '../core/index';
import type { Locale } from '../core/index';

export function editorLocale(): Locale {
  return resolveLocale(vscode.env.language);
}
