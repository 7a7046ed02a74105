// `taskmatrix lint` output formats, end to end: stylish, json, sarif, github, junit.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import AjvDraft04 from 'ajv-draft-04';
import type { ValidateFunction } from 'ajv-draft-04';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ensureBuilt, GUIDELINE, guideline, lines, NO_LEAD_MEASURES, ROOT, RULE_IDS, run, SMALL_REGISTRY, TempDirs } from './helpers';

interface JsonDiagnostic {
  rule: string;
  severity: string;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

const CONTRACT_KEYS = ['column', 'endColumn', 'endLine', 'file', 'line', 'message', 'rule', 'severity'];

/** A guideline whose diagnostics carry awkward characters: %, newline, <, &, a control character. */
const AWKWARD_AGENCY = '100% <x> & \\u0001 y\\nz';
const awkwardGuideline = guideline(`      - id: "2.1"
        title: 特殊字符
        agencies: ["${AWKWARD_AGENCY}", 省科技厅, 省经信厅, 省数字经济领导小组各成员单位]
`);

function lintJson(args: string[], cwd = ROOT): { status: number | null; diagnostics: JsonDiagnostic[]; stderr: string } {
  const result = run(['lint', ...args, '--format', 'json'], { cwd });
  return { status: result.status, diagnostics: (JSON.parse(result.stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics, stderr: result.stderr };
}

describe('cli: lint output formats', function () {
  const temp = new TempDirs();
  before(ensureBuilt);
  afterEach(() => temp.cleanup());

  describe('stylish (default)', function () {
    it('names the file, every no-lead measure with its position and the summary of 4 warnings', function () {
      const { status, stdout, stderr } = run(['lint', 'tasks/']);
      assert.equal(status, 0, stderr);
      assert.match(stdout, /^tasks\/zj-ai-2027\.yaml$/m);
      for (const measure of NO_LEAD_MEASURES) {
        assert.match(stdout, new RegExp(`^\\s+\\d+:\\d+\\s+warning\\s+.*Measure ${measure.replace('.', '\\.')} has no .*lead.*\\bno-lead$`, 'm'), `measure ${measure}`);
      }
      assert.equal(lines(stdout).filter((line) => /\bwarning\b/.test(line) && /no-lead$/.test(line)).length, 4);
      assert.match(stdout, /4 problem\(s\) \(0 error\(s\), 4 warning\(s\), 0 info\)/);
      assert.doesNotMatch(stdout, /\u001b\[/, 'no colour codes with NO_COLOR and a pipe');
    });

    it('is the format used when --format is not given', function () {
      assert.equal(run(['lint', 'tasks/']).stdout, run(['lint', 'tasks/', '--format', 'stylish']).stdout);
    });

    it('says "No problems." for a clean folder', function () {
      const dir = temp.withFiles({
        'tasks/agencies.yaml': SMALL_REGISTRY,
        'tasks/doc.yaml': guideline(`      - id: "2.1"
        title: 甲
        agencies: [省科技厅, 省经信厅, 省数字经济领导小组各成员单位]
`),
      });
      const { status, stdout } = run(['lint'], { cwd: dir });
      assert.equal(status, 0);
      assert.match(stdout, /No problems\./);
    });

    it('shows a control character in a message escaped instead of writing it to the terminal', function () {
      const dir = temp.withFiles({ 'tasks/agencies.yaml': SMALL_REGISTRY, 'tasks/doc.yaml': awkwardGuideline });
      const { stdout } = run(['lint'], { cwd: dir });
      assert.match(stdout, /unknown-agency/);
      assert.doesNotMatch(stdout, /\u0001/);
    });
  });

  describe('json', function () {
    it('prints the four no-lead warnings with exactly the contract keys', function () {
      const { status, diagnostics } = lintJson(['tasks/']);
      assert.equal(status, 0);
      assert.equal(diagnostics.length, 4);
      for (const d of diagnostics) {
        assert.deepEqual(Object.keys(d).sort(), CONTRACT_KEYS);
        assert.equal(d.rule, 'no-lead');
        assert.equal(d.severity, 'warning');
        assert.equal(d.file, GUIDELINE);
        for (const key of ['line', 'column', 'endLine', 'endColumn'] as const) assert.ok(Number.isInteger(d[key]) && d[key] >= 1, `${key} is a 1-based integer`);
        assert.ok(d.endLine > d.line || (d.endLine === d.line && d.endColumn > d.column), 'the range is not empty');
      }
      assert.deepEqual(
        diagnostics.map((d) => /Measure (\d+\.\d+)/.exec(d.message)?.[1]),
        [...NO_LEAD_MEASURES],
      );
    });

    it('points each no-lead warning at the cause in the file: the division or the collective agency', function () {
      const text = readFileSync(join(ROOT, GUIDELINE), 'utf8').split('\n');
      const { diagnostics } = lintJson(['tasks/']);
      const covered = diagnostics.map((d) => text[d.line - 1]!.slice(d.column - 1, d.endColumn - 1));
      assert.deepEqual(covered, ['by-function', 'by-function', 'by-function', '省数字经济领导小组各成员单位']);
    });

    it('sorts diagnostics by file, line and column', function () {
      const dir = temp.withFiles({
        'tasks/agencies.yaml': SMALL_REGISTRY.replace('  - name: 省经信厅\n    kind: government\n', '  - name: 省经信厅\n    kind: government\n  - name: 从未使用\n    kind: government\n'),
        'tasks/b.yaml': guideline(
          `      - id: "2.1"
        title: 甲
        agencies: [省科技厅, 未知一, 未知二]
      - id: "2.2"
        title: 乙
        agencies: [科技厅, 省经信厅]
        division: joint
`,
          'doc-b',
        ),
        'tasks/a.yaml': guideline(
          `      - id: "2.1"
        title: 甲
        agencies: [省数字经济领导小组各成员单位, 省科技厅, 省科技厅]
`,
          'doc-a',
        ),
      });
      const { status, diagnostics } = lintJson([], dir);
      assert.equal(status, 1);
      assert.ok(diagnostics.length >= 6, JSON.stringify(diagnostics, null, 2));
      assert.deepEqual(new Set(diagnostics.map((d) => d.file)), new Set(['tasks/a.yaml', 'tasks/agencies.yaml', 'tasks/b.yaml']));
      const sorted = [...diagnostics].sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : x.line - y.line || x.column - y.column));
      assert.deepEqual(diagnostics, sorted);
    });

    it('keeps awkward characters of a message intact in valid JSON', function () {
      const dir = temp.withFiles({ 'tasks/agencies.yaml': SMALL_REGISTRY, 'tasks/doc.yaml': awkwardGuideline });
      const { status, diagnostics } = lintJson([], dir);
      assert.equal(status, 1);
      const unknown = diagnostics.find((d) => d.rule === 'unknown-agency');
      assert.ok(unknown);
      assert.ok(unknown.message.includes('100% <x> & \u0001 y\nz'), unknown.message);
    });
  });

  describe('sarif', function () {
    let validate: ValidateFunction;
    before(function () {
      const schema = JSON.parse(readFileSync(join(ROOT, 'src/test/fixtures/sarif/sarif-2.1.0.schema.json'), 'utf8')) as object;
      // The vendored schema holds a pattern that is invalid with the u flag; formats are checked below by hand.
      const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false, logger: false });
      ajv.addFormat('uri', (value: string) => !/\s/.test(value) && URL.canParse(value));
      ajv.addFormat('uri-reference', (value: string) => /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/.test(value));
      ajv.addFormat('date-time', (value: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/i.test(value) && !Number.isNaN(Date.parse(value)));
      validate = ajv.compile(schema);
    });

    function sarifOf(args: string[], cwd = ROOT) {
      const result = run(['lint', ...args, '--format', 'sarif'], { cwd });
      return { ...result, log: JSON.parse(result.stdout) as SarifLog };
    }

    it('the schema check itself rejects a broken log (the validator is not vacuous)', function () {
      const { log } = sarifOf(['tasks/']);
      (log.runs[0]!.results[0] as unknown as Record<string, unknown>).level = 'fatal';
      assert.equal(validate(log), false);
    });

    it('validates against the SARIF 2.1.0 JSON Schema', function () {
      const { status, log } = sarifOf(['tasks/']);
      assert.equal(status, 0);
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
      assert.equal(log.version, '2.1.0');
    });

    it('gives each result a ruleId, a level and a region, for the four no-lead warnings', function () {
      const { log } = sarifOf(['tasks/']);
      const run0 = log.runs[0]!;
      assert.equal(run0.results.length, 4);
      const { diagnostics } = lintJson(['tasks/']);
      run0.results.forEach((result, index) => {
        const d = diagnostics[index]!;
        assert.equal(result.ruleId, 'no-lead');
        assert.equal(result.level, 'warning');
        assert.ok(result.message.text.length > 0);
        const location = result.locations[0]!.physicalLocation;
        assert.equal(location.artifactLocation.uri, GUIDELINE);
        assert.deepEqual(location.region, { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn });
        if (result.ruleIndex !== undefined) assert.equal(run0.tool.driver.rules[result.ruleIndex]!.id, result.ruleId);
      });
    });

    it('lists all eight rule ids in tool.driver.rules, with the package version', function () {
      const { log } = sarifOf(['tasks/']);
      const driver = log.runs[0]!.tool.driver;
      assert.equal(driver.name, 'taskmatrix');
      assert.deepEqual(driver.rules.map((rule) => rule.id).sort(), [...RULE_IDS].sort());
      const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
      assert.equal(driver.version, version);
    });

    it('maps error, warning and info to the SARIF levels error, warning and note', function () {
      const dir = temp.withFiles({
        'tasks/agencies.yaml': `${SMALL_REGISTRY}  - name: 从未使用\n    kind: government\n`,
        'tasks/doc.yaml': guideline(`      - id: "2.1"
        title: 甲
        agencies: [省科技厅, 省经信厅, 未知单位, 省数字经济领导小组各成员单位]
      - id: "2.2"
        title: 乙
        agencies: [省科技厅]
        division: joint
`),
      });
      const { status, log } = sarifOf([], dir);
      assert.equal(status, 1);
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
      const levels = new Map(log.runs[0]!.results.map((r) => [r.ruleId, r.level]));
      assert.equal(levels.get('unknown-agency'), 'error');
      assert.equal(levels.get('no-lead'), 'warning');
      assert.equal(levels.get('unused-agency'), 'note');
    });

    it('stays valid with --report-suppressed, the acknowledged result carrying an inSource suppression', function () {
      const dir = temp.withFiles({
        'tasks/agencies.yaml': SMALL_REGISTRY,
        'tasks/doc.yaml': guideline(`      - id: "2.1"
        title: 甲
        # taskmatrix-disable-next-line no-lead — 各自负责 is intended here
        agencies: [省数字经济领导小组各成员单位, 省科技厅, 省经信厅]
`),
      });
      const { status, log } = sarifOf(['--report-suppressed'], dir);
      assert.equal(status, 0);
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
      const results = log.runs[0]!.results;
      assert.equal(results.length, 1);
      assert.equal(results[0]!.ruleId, 'no-lead');
      assert.deepEqual(results[0]!.suppressions?.map((s) => s.kind), ['inSource']);
      assert.equal(results[0]!.suppressions![0]!.justification, '各自负责 is intended here');
    });

    it('gives a file whose name holds "#" a URI that resolves back to that file', function () {
      const name = '草案#2 v1.yaml';
      const dir = temp.withFiles({
        'tasks/agencies.yaml': SMALL_REGISTRY,
        [`tasks/${name}`]: guideline(`      - id: "2.1"
        title: 甲
        agencies: [省科技厅, 省经信厅, 未知单位, 省数字经济领导小组各成员单位]
`),
      });
      const { log } = sarifOf([], dir);
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
      const result = log.runs[0]!.results.find((r) => r.ruleId === 'unknown-agency');
      assert.ok(result);
      const uri = result.locations[0]!.physicalLocation.artifactLocation.uri;
      const base = `${pathToFileURL(dir).href}/`;
      const resolved = new URL(uri, base);
      assert.equal(resolved.hash, '', `"${uri}" must not turn part of the file name into a fragment`);
      assert.equal(decodeURIComponent(resolved.pathname), decodeURIComponent(new URL(`tasks/${encodeURIComponent(name)}`, base).pathname));
    });
  });

  describe('github', function () {
    const ANNOTATION = /^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^:]+::.+$/;

    it('prints one well-formed workflow annotation per diagnostic', function () {
      const { status, stdout } = run(['lint', 'tasks/', '--format', 'github']);
      assert.equal(status, 0);
      const annotations = lines(stdout);
      assert.equal(annotations.length, 4);
      const { diagnostics } = lintJson(['tasks/']);
      annotations.forEach((line, index) => {
        assert.match(line, ANNOTATION);
        const d = diagnostics[index]!;
        assert.ok(line.startsWith(`::warning file=${GUIDELINE},line=${d.line},col=${d.column},endLine=${d.endLine},endColumn=${d.endColumn},title=`), line);
        assert.match(line, /title=[^:]*no-lead::/);
      });
    });

    it('escapes %, newline and carriage return in the message, and , and : in the file name', function () {
      const dir = temp.withFiles({
        'tasks/agencies.yaml': SMALL_REGISTRY,
        'tasks/a,b:c.yaml': guideline(`      - id: "2.1"
        title: 甲
        agencies: ["50% x\\r\\ny", 省科技厅, 省经信厅, 省数字经济领导小组各成员单位]
`),
      });
      const { status, stdout } = run(['lint', '--format', 'github'], { cwd: dir });
      assert.equal(status, 1);
      const annotations = lines(stdout);
      assert.equal(annotations.length, 1, stdout);
      const line = annotations[0]!;
      assert.match(line, ANNOTATION);
      assert.match(line, /^::error file=tasks\/a%2Cb%3Ac\.yaml,/);
      assert.ok(line.includes('50%25 x%0D%0Ay'), line);
      assert.doesNotMatch(line.replace(/%(25|0A|0D|2C|3A)/g, ''), /%/, 'no unescaped %');
    });

    it('uses notice for info diagnostics', function () {
      const dir = temp.withFiles({
        'tasks/agencies.yaml': `${SMALL_REGISTRY}  - name: 从未使用\n    kind: government\n`,
        'tasks/doc.yaml': guideline(`      - id: "2.1"
        title: 甲
        agencies: [省科技厅, 省经信厅, 省数字经济领导小组各成员单位]
`),
      });
      const { status, stdout } = run(['lint', '--format', 'github'], { cwd: dir });
      assert.equal(status, 0);
      assert.match(stdout, /^::notice file=tasks\/agencies\.yaml,line=\d+,.*title=[^:]*unused-agency::.*从未使用/m);
    });
  });

  describe('junit', function () {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (name) => ['testsuite', 'testcase'].includes(name) });

    interface TestCase {
      '@_classname': string;
      '@_name': string;
      failure?: { '@_type': string; '@_message': string; '#text'?: string };
    }
    interface TestSuite {
      '@_name': string;
      '@_tests': string;
      '@_failures': string;
      testcase: TestCase[];
    }
    interface JUnit {
      testsuites: { '@_tests': string; '@_failures': string; testsuite: TestSuite[] };
    }

    function junitOf(args: string[], cwd = ROOT) {
      const result = run(['lint', ...args, '--format', 'junit'], { cwd });
      const valid = XMLValidator.validate(result.stdout);
      assert.equal(valid, true, `well-formed XML: ${JSON.stringify(valid)}\n${result.stdout}`);
      assertStrictlyWellFormed(result.stdout);
      return { ...result, xml: parser.parse(result.stdout) as JUnit };
    }

    it('is well-formed XML whose counts match the diagnostics', function () {
      const { status, stdout, xml } = junitOf(['tasks/']);
      assert.equal(status, 0);
      assert.match(stdout, /^<\?xml version="1\.0" encoding="UTF-8"\?>/);
      const suites = xml.testsuites.testsuite;
      const byName = new Map(suites.map((suite) => [suite['@_name'], suite]));
      const main = byName.get(GUIDELINE);
      assert.ok(main, `a suite for ${GUIDELINE}`);
      assert.equal(Number(main['@_tests']), 4);
      assert.equal(Number(main['@_failures']), 4);
      assert.equal(main.testcase.length, 4);
      assert.deepEqual(main.testcase.map((c) => c.failure?.['@_type']), ['no-lead', 'no-lead', 'no-lead', 'no-lead']);
      // Every suite's counts agree with its cases, and the totals with the suites.
      let tests = 0;
      let failures = 0;
      for (const suite of suites) {
        assert.equal(Number(suite['@_tests']), suite.testcase.length, suite['@_name']);
        assert.equal(Number(suite['@_failures']), suite.testcase.filter((c) => c.failure).length, suite['@_name']);
        tests += suite.testcase.length;
        failures += suite.testcase.filter((c) => c.failure).length;
      }
      assert.equal(Number(xml.testsuites['@_tests']), tests);
      assert.equal(Number(xml.testsuites['@_failures']), failures);
      assert.equal(failures, lintJson(['tasks/']).diagnostics.length);
    });

    it('stays well-formed when a message holds <, &, a quote and the control character U+0001', function () {
      const dir = temp.withFiles({ 'tasks/agencies.yaml': SMALL_REGISTRY, 'tasks/doc.yaml': awkwardGuideline });
      const { status, stdout, xml } = junitOf([], dir);
      assert.equal(status, 1);
      assert.doesNotMatch(stdout, /\u0001/);
      const failures = xml.testsuites.testsuite.flatMap((suite) => suite.testcase).filter((c) => c.failure);
      assert.equal(failures.length, lintJson([], dir).diagnostics.length);
      const unknown = failures.find((c) => c.failure!['@_type'] === 'unknown-agency');
      assert.ok(unknown);
      assert.ok(unknown.failure!['@_message'].includes('100% &lt;x&gt; &amp;') || unknown.failure!['@_message'].includes('100% <x> &'), unknown.failure!['@_message']);
    });

    it('keeps a line break of a message in the failure message attribute, written as a character reference', function () {
      // XML parsers turn a literal line break inside an attribute value into a space (XML 1.0, 3.3.3).
      const dir = temp.withFiles({ 'tasks/agencies.yaml': SMALL_REGISTRY, 'tasks/doc.yaml': awkwardGuideline });
      const { stdout } = junitOf([], dir);
      const attributes = [...stdout.matchAll(/\smessage="([^"]*)"/g)].map((match) => match[1]!);
      const unknown = attributes.find((value) => value.includes('Unknown agency'));
      assert.ok(unknown, stdout);
      assert.doesNotMatch(unknown, /[\n\r\t]/, 'no raw line break inside the attribute');
      assert.match(unknown, /y&#(10|x0*[aA]);z/);
    });
  });
});

/**
 * What fast-xml-parser's validator lets through but XML 1.0 forbids: characters outside the XML
 * character range, a bare &, and < inside an attribute value.
 */
function assertStrictlyWellFormed(xml: string): void {
  const forbidden = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u.exec(xml);
  assert.equal(forbidden, null, `a character XML 1.0 forbids: U+${forbidden?.[0].codePointAt(0)?.toString(16).padStart(4, '0')}`);
  const bareAmpersand = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.exec(xml);
  assert.equal(bareAmpersand, null, `a bare & at offset ${bareAmpersand?.index}`);
  const ltInAttribute = /=\s*"[^"]*<[^"]*"/.exec(xml);
  assert.equal(ltInAttribute, null, `a < inside an attribute value: ${ltInAttribute?.[0]}`);
}

interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }[];
  suppressions?: { kind: string; justification?: string }[];
}

interface SarifLog {
  version: string;
  runs: { tool: { driver: { name: string; version: string; rules: { id: string }[] } }; results: SarifResult[] }[];
}
