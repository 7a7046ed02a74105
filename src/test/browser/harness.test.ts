// The browser harness itself: Chromium launches offline, Mermaid renders and is read back correctly,
// and the probes for injected scripts, dialogs and network access really fire when they should.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  closeSharedBrowser,
  loadMermaid,
  newBlankPage,
  OUTPUT_SELECTOR,
  openFileOffline,
  pageFlag,
  renderMermaid,
  sharedBrowser,
  unexpectedConsoleErrors,
  withBrowser,
} from '../support/browser';
import type { Browser, OfflinePage } from '../support/browser';

const SAMPLE = `flowchart LR
  subgraph grp["牵头单位"]
    a["省科技厅"]
    b["省发展改革委"]
  end
  c["之江实验室"]
  a -->|牵头| b
  b -.->|配合| c
  classDef warn fill:#fdd
  class b warn
`;

const HOSTILE = '<img src=x onerror=window.__pwned=1>';

describe('browser: test harness (Chromium + Mermaid)', function () {
  this.timeout(60_000);
  let browser: Browser;
  let current: OfflinePage;

  before(async function () {
    browser = await sharedBrowser();
  });
  after(closeSharedBrowser);
  beforeEach(async function () {
    current = await newBlankPage(browser);
  });
  afterEach(async function () {
    await current.close();
  });

  /** Nothing went wrong in the page: no exception, console error, dialog, popup or network request. */
  function assertQuiet(page: OfflinePage): void {
    assert.deepEqual(page.watch.pageErrors, [], 'page errors');
    assert.deepEqual(unexpectedConsoleErrors(page.watch), [], 'console errors');
    assert.deepEqual(page.watch.dialogs, [], 'dialogs');
    assert.deepEqual(page.watch.popups, [], 'popups');
    assert.deepEqual(page.blockedRequests, [], 'requests');
  }

  describe('renderMermaid', function () {
    it('reads back nodes, edges, edge labels, classes and the subgraph of a flowchart', async function () {
      const result = await renderMermaid(current.page, SAMPLE);
      assert.equal(result.error, undefined);
      assert.equal(result.ok, true);
      assert.equal(result.limitExceeded, false);
      assert.equal(result.diagramType, 'flowchart-v2');
      assert.deepEqual([...result.nodeIds].sort(), ['a', 'b', 'c']);
      assert.equal(result.edgeCount, 2);
      assert.deepEqual([...result.edgeLabels].sort(), ['牵头', '配合']);
      assert.deepEqual(
        result.edges.map((e) => [e.id, e.pattern, e.thickness, e.label]).sort(),
        [
          ['L_a_b_0', 'solid', 'normal', '牵头'],
          ['L_b_c_0', 'dotted', 'normal', '配合'],
        ],
      );
      assert.ok(result.nodeClasses.b?.includes('warn'), `b: ${result.nodeClasses.b}`);
      assert.ok(!result.nodeClasses.a?.includes('warn'), `a: ${result.nodeClasses.a}`);
      assert.ok(!result.nodeClasses.c?.includes('warn'), `c: ${result.nodeClasses.c}`);
      assert.deepEqual(result.nodeText, { a: '省科技厅', b: '省发展改革委', c: '之江实验室' });
      assert.deepEqual(result.subgraphs, [{ id: 'grp', label: '牵头单位', empty: false }]);
      for (const word of ['省科技厅', '省发展改革委', '之江实验室', '牵头', '配合', '牵头单位']) assert.ok(result.text.includes(word), word);
      assert.ok(!result.text.includes('fill'), 'text leaves out the <style> element');
      assert.match(result.svg, /^<svg id="tm-graph"/);
      assert.ok(result.renderMs > 0 && result.renderMs < 30_000, `renderMs ${result.renderMs}`);

      // The SVG is really in the document, where later tests can query it.
      assert.equal(await current.page.locator(`${OUTPUT_SELECTOR} svg g.node`).count(), 3);
      assert.equal(await current.page.locator(`${OUTPUT_SELECTOR} svg g.node.warn`).count(), 1);
      assert.equal(await current.page.locator(`${OUTPUT_SELECTOR} svg g.cluster`).count(), 1);
      assertQuiet(current);
    });

    it('recovers node ids with hyphens, dots, underscores and CJK, nested roots and empty subgraphs', async function () {
      const result = await renderMermaid(
        current.page,
        `flowchart TD
  subgraph outer[外]
    subgraph inner[内]
      m-3["A"] --> m_4
    end
    x-1-2
  end
  省科技厅 --> m.5
  subgraph 空
  end
  t ==> u
  v ~~~ w
  classDef k fill:#f00
  m_4:::k
`,
      );
      assert.equal(result.ok, true, result.error);
      assert.deepEqual([...result.nodeIds].sort(), ['m-3', 'm.5', 'm_4', 't', 'u', 'v', 'w', 'x-1-2', '省科技厅'].sort());
      assert.equal(result.nodeText['m-3'], 'A');
      assert.ok(result.nodeClasses.m_4?.includes('k'));
      assert.deepEqual(
        [...result.subgraphs].sort((x, y) => x.id.localeCompare(y.id)),
        [
          { id: 'inner', label: '内', empty: false },
          { id: 'outer', label: '外', empty: false },
          { id: '空', label: '空', empty: true },
        ],
      );
      // `~~~` is drawn as a path without the flowchart-link class; it still counts.
      assert.equal(result.edgeCount, 4);
      assert.deepEqual(result.edges.map((e) => e.thickness).sort(), ['invisible', 'normal', 'normal', 'thick']);
      assert.deepEqual(result.edgeLabels, []);
    });

    it('reads the open links the ownership graph uses: === thick solid, -.- dotted, --- solid, none with an arrowhead; <br> in a label a line break', async function () {
      const result = await renderMermaid(current.page, 'flowchart LR\n  a["甲<br>乙"] === b\n  b -.- c\n  c --- d\n  d --> e\n  f ---|负责| g\n');
      assert.equal(result.ok, true, result.error);
      assert.deepEqual(
        result.edges.map((e) => [e.id, e.thickness, e.pattern, e.label]),
        [
          ['L_a_b_0', 'thick', 'solid', ''],
          ['L_b_c_0', 'normal', 'dotted', ''],
          ['L_c_d_0', 'normal', 'solid', ''],
          ['L_d_e_0', 'normal', 'solid', ''],
          ['L_f_g_0', 'normal', 'solid', '负责'],
        ],
      );
      const markers = await current.page.evaluate(`[...document.querySelectorAll('${OUTPUT_SELECTOR} g.edgePaths > path')].map((p) => p.hasAttribute('marker-end'))`);
      assert.deepEqual(markers, [false, false, false, true, false], 'only --> has an arrowhead');
      // A <br> in a label is a line break: a <br> element, textContent without a separator.
      assert.equal(result.nodeText.a, '甲乙');
      assert.equal(await current.page.locator(`${OUTPUT_SELECTOR} g.node br`).count(), 1);
    });

    it('reports a syntax error as ok: false with Mermaid\'s message and cleans up after it', async function () {
      const result = await renderMermaid(current.page, 'flowchart LR\n  a --> \n  b -->>>> ((c');
      assert.equal(result.ok, false);
      assert.match(result.error ?? '', /Parse error on line 3/);
      assert.equal(result.svg, '');
      assert.deepEqual(result.nodeIds, []);
      // Mermaid leaves div#dtm-graph with a "Syntax error" diagram in <body>; the harness removes it.
      assert.equal(await current.page.locator('#dtm-graph').count(), 0);
      assert.equal(await current.page.locator('svg').count(), 0);

      const unknown = await renderMermaid(current.page, 'hello world');
      assert.equal(unknown.ok, false);
      assert.match(unknown.error ?? '', /No diagram type detected/);

      // The same page renders fine afterwards.
      assert.equal((await renderMermaid(current.page, SAMPLE)).ok, true);
    });

    it('shows entity-coded markup in a label as literal text, and runs none of it', async function () {
      const result = await renderMermaid(current.page, `flowchart LR\n  a["#60;img src=x onerror=window.__pwned=1#62;"] --> b\n  c["#60;img src=x onerror=alert(1)#62;"]`);
      assert.equal(result.ok, true, result.error);
      assert.equal(result.nodeText.a, HOSTILE);
      assert.ok(result.text.includes(HOSTILE));
      assert.equal(await current.page.locator(`${OUTPUT_SELECTOR} img`).count(), 0);
      assert.equal(await pageFlag(current.page), undefined);
      assertQuiet(current);
    });

    it('inserts raw <img> markup in a label only without its handler (Mermaid sanitizes it)', async function () {
      const result = await renderMermaid(current.page, `flowchart LR\n  a["${HOSTILE}"] --> b`);
      assert.equal(result.ok, true, result.error);
      const img = current.page.locator(`${OUTPUT_SELECTOR} img`);
      assert.equal(await img.count(), 1);
      assert.equal(await img.getAttribute('onerror'), null);
      assert.equal(await pageFlag(current.page), undefined);
      assert.deepEqual(current.watch.dialogs, []);
    });

    it('refuses a 60,000-character source by Mermaid\'s default maxTextSize (50,000)', async function () {
      const source = `flowchart LR\n  a["${'x'.repeat(60_000)}"]`;
      const result = await renderMermaid(current.page, source);
      assert.equal(result.ok, false);
      assert.equal(result.limitExceeded, true);
      assert.equal(result.error, `Maximum text size in diagram exceeded (source has ${source.length} characters, maxTextSize is 50000)`);
      assert.ok(!result.text.includes('xxxxxxxxxx'));

      // The limit is the reason: the same source passes when the limit is raised, and so does a
      // source just under the default.
      const raised = await renderMermaid(current.page, source, { maxTextSize: 100_000 });
      assert.equal(raised.ok, true, raised.error);
      assert.equal(raised.nodeText.a?.length, 60_000);
      const under = await renderMermaid(current.page, `flowchart LR\n  a["${'x'.repeat(49_000)}"]`);
      assert.equal(under.ok, true, under.error);
      assert.equal(under.limitExceeded, false);
    });
  });

  describe('probes can fail', function () {
    it('notices an injected handler that runs: the flag, the dialog and page errors', async function () {
      assert.equal(await pageFlag(current.page), undefined);
      await current.page.evaluate(`document.querySelector('${OUTPUT_SELECTOR}').innerHTML = '<img src=x onerror="window.__pwned=1; alert(\\'pwned\\')">'`);
      await current.page.waitForFunction('window.__pwned !== undefined', undefined, { timeout: 5_000 });
      assert.equal(await pageFlag(current.page), 1);
      assert.deepEqual(current.watch.dialogs, ['alert: pwned']);

      await current.page.evaluate(`setTimeout(() => { throw new Error('boom from the page') }, 0)`);
      await current.page.waitForTimeout(100);
      assert.deepEqual(current.watch.pageErrors, ['boom from the page']);
    });

    it('catches markup that a Mermaid without sanitizing would let through, by the time renderMermaid returns', async function () {
      // Swap mermaid.render for one that returns an SVG with a live handler: the harness inserts it
      // like any rendering, and its settle time lets the (asynchronous) error event fire.
      await loadMermaid(current.page);
      await current.page.evaluate(`mermaid.render = async (id) => ({ diagramType: 'fake', svg: '<svg id="' + id + '" xmlns="http://www.w3.org/2000/svg"><foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="window.__pwned=1"></div></foreignObject></svg>' })`);
      const result = await renderMermaid(current.page, SAMPLE);
      assert.equal(result.ok, true, result.error);
      assert.equal(result.diagramType, 'fake');
      assert.equal(await pageFlag(current.page), 1);
    });
  });

  describe('openFileOffline', function () {
    let dir: string;
    before(function () {
      dir = mkdtempSync(join(tmpdir(), 'tm-browser-'));
      writeFileSync(join(dir, 'local.js'), 'window.localRan = 1;');
      writeFileSync(
        join(dir, 'report.html'),
        `<!doctype html><html><head><meta charset="utf-8"><title>before</title>
<link rel="stylesheet" href="style.css">
<script src="local.js"></script>
<script src="https://cdn.jsdelivr.net/npm/mermaid@11/dist/mermaid.min.js"></script>
</head><body><p id="p">报告</p><img src="http://example.com/x.png">
<script>document.title = 'inline ran'; fetch('data.json').catch(() => {});</script>
</body></html>`,
      );
    });
    after(function () {
      rmSync(dir, { recursive: true, force: true });
    });

    it('loads only the file itself and records every other request', async function () {
      const opened = await openFileOffline(browser, join(dir, 'report.html'));
      try {
        assert.equal(await opened.page.title(), 'inline ran');
        assert.equal(await opened.page.textContent('#p'), '报告');
        assert.equal(await pageFlag(opened.page, 'localRan'), undefined);
        for (let waited = 0; opened.blockedRequests.length < 5 && waited < 5_000; waited += 50) await opened.page.waitForTimeout(50);
        const base = pathToFileURL(dir).href;
        assert.deepEqual([...opened.blockedRequests].sort(), [
          `${base}/data.json`,
          `${base}/local.js`,
          `${base}/style.css`,
          'http://example.com/x.png',
          'https://cdn.jsdelivr.net/npm/mermaid@11/dist/mermaid.min.js',
        ]);
        assert.deepEqual(opened.watch.pageErrors, []);
        assert.deepEqual(unexpectedConsoleErrors(opened.watch), []);
      } finally {
        await opened.close();
      }
    });
  });

  describe('withBrowser', function () {
    it('launches a browser of its own and closes it afterwards', async function () {
      let inside: Browser | undefined;
      const version = await withBrowser(async (b) => {
        inside = b;
        assert.notEqual(b, browser);
        return b.version();
      });
      assert.match(version, /^\d+\./);
      assert.equal(inside?.isConnected(), false);
      assert.equal(browser.isConnected(), true);
    });
  });
});
