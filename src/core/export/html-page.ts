// The frame of every self-contained HTML export: one file, no network request, a strict
// Content-Security-Policy that allows only the page's own inline scripts (by nonce).
import type { Locale } from '../types';
import { escapeHtml } from './escape';

export interface HtmlPage {
  locale: Locale;
  title: string;
  body: string;
  /** Inline scripts, run in order; each gets the nonce. */
  scripts?: string[];
  /** Any string unguessable by the data; a hash of the content keeps output deterministic. */
  nonce: string;
}

const STYLE = `
:root { color-scheme: light dark; --fg: #1f2328; --bg: #ffffff; --muted: #59636e; --line: #d1d9e0; --warn-bg: #fff4e6; --warn-fg: #862e00; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --line: #3d444d; --warn-bg: #3b2300; --warn-fg: #ffb77a; } }
body { margin: 2rem; font: 15px/1.6 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 1.5rem; margin: 0 0 1rem; } h2 { font-size: 1.15rem; margin: 2rem 0 .75rem; }
.notice { padding: .75rem 1rem; border-left: 4px solid #d9480f; background: var(--warn-bg); color: var(--warn-fg); }
.graph { overflow: auto; border: 1px solid var(--line); border-radius: 6px; padding: 1rem; }
.graph svg { max-width: none; height: auto; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid var(--line); padding: .35rem .6rem; text-align: left; vertical-align: top; }
th { background: color-mix(in srgb, var(--line) 35%, transparent); } tr.no-lead td { background: var(--warn-bg); color: var(--warn-fg); }
td.lead { font-weight: 600; } .muted, footer { color: var(--muted); } ul.legend { padding-left: 1.2rem; }
table.grid td { text-align: center; white-space: nowrap; } table.grid th.agency { writing-mode: vertical-rl; white-space: nowrap; }
h1, td, th { overflow-wrap: anywhere; }
bdi.clip { display: inline-block; max-width: 40em; max-height: 7.5em; overflow: hidden; text-overflow: ellipsis; vertical-align: top; }
table.grid th.agency bdi.clip { max-width: none; max-height: 20em; }
`;

export function htmlPage(page: HtmlPage): string {
  const csp = `default-src 'none'; script-src 'nonce-${page.nonce}'; style-src 'unsafe-inline'; img-src data:; font-src data:`;
  const scripts = (page.scripts ?? []).map((script) => `<script nonce="${page.nonce}">${script}</script>`).join('\n');
  return `<!DOCTYPE html>
<html lang="${page.locale === 'zh-cn' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<style>${STYLE}</style>
</head>
<body>
${page.body}
${scripts}
</body>
</html>
`;
}
