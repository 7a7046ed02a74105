// The HTML shell of every panel: a strict Content-Security-Policy with a fresh nonce, and only
// the extension's own media/ and dist/ files as resources.
import * as vscode from 'vscode';
import { escapeHtml } from '../core/index';

/** The options of every panel's webview: scripts on, only the extension's media/ and dist/ loadable. */
export function panelOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    retainContextWhenHidden: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist')],
  };
}

export interface ShellOptions {
  webview: vscode.Webview;
  extensionUri: vscode.Uri;
  title: string;
  styles: string[];
  /** Scripts under dist/, loaded in order. */
  scripts: string[];
  body: string;
  language: string;
}

/** A panel's page: the CSP with a fresh nonce, its stylesheets, body and scripts. */
export function panelHtml(options: ShellOptions): string {
  const { webview, extensionUri } = options;
  // Web Crypto: there in Node extension hosts and web workers alike.
  const nonce = btoa(Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => String.fromCharCode(byte)).join(''));
  const asset = (path: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path.split('/'))).toString();
  // Mermaid writes a <style> into each SVG, hence 'unsafe-inline' for styles only; scripts need the nonce.
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource} 'unsafe-inline'`,
    `img-src ${webview.cspSource} data:`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${options.language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
${options.styles.map((style) => `<link rel="stylesheet" href="${asset(style)}">`).join('\n')}
</head>
<body>
${options.body}
${options.scripts.map((script) => `<script nonce="${nonce}" src="${asset(script)}"></script>`).join('\n')}
</body>
</html>`;
}

