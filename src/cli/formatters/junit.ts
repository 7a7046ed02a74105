// `lint --format junit`: one test suite per file, one failing test case per diagnostic,
// one passing case for a clean file, so CI dashboards count files and findings.
import { visibleText } from '../../core/index';
import type { Diagnostic } from '../../core/index';
import type { Formatter } from './format';

/**
 * Text safe in XML 1.0 attributes and content: markup escaped; control and bidi characters shown
 * as \u001b (XML forbids most of them, and a dashboard must not be reordered by them); what
 * else XML forbids (lone surrogates, U+FFFE) dropped.
 */
export function escapeXml(text: string): string {
  return visibleText(text, '\t\n\r')
    .replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** An XML attribute value: as escapeXml, and line breaks and tabs kept as character references (parsers turn raw ones into spaces). */
export function escapeXmlAttribute(text: string): string {
  return escapeXml(text).replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

export const junit: Formatter = (input) => {
  const byFile = new Map<string, Diagnostic[]>(input.files.map((file) => [file, []]));
  for (const d of input.diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  let tests = 0;
  let failures = 0;
  const suites: string[] = [];
  for (const [file, list] of byFile) {
    const cases = list.length
      ? list.map(
          (d) =>
            `    <testcase classname="${escapeXmlAttribute(file)}" name="${escapeXmlAttribute(`${d.line}:${d.column} ${d.rule}`)}">\n` +
            `      <failure type="${escapeXmlAttribute(d.rule)}" message="${escapeXmlAttribute(d.message)}">${escapeXml(`${d.severity}: ${file}:${d.line}:${d.column}: ${d.message} (${d.rule})`)}</failure>\n` +
            `    </testcase>`,
        )
      : [`    <testcase classname="${escapeXmlAttribute(file)}" name="taskmatrix lint"/>`];
    tests += cases.length;
    failures += list.length;
    suites.push(`  <testsuite name="${escapeXmlAttribute(file)}" tests="${cases.length}" failures="${list.length}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="taskmatrix" tests="${tests}" failures="${failures}" errors="0">\n${suites.join('\n')}\n</testsuites>\n`;
};
