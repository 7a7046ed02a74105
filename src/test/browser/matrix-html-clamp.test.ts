// The matrix page in headless Chromium with names that would wreck it: a 100,000-character agency
// name and measure title (the page was 1.67 million px wide) and a bidi override (‮gpj.exe read as
// "exe.jpg"). The page stays about a screen wide, the full name is in the cell's title, and the
// text a reader sees never holds the override.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { matrixToHtml } from '../../core/index';
import type { Matrix, MatrixMeasure } from '../../core/index';
import { closeSharedBrowser, openFileOffline, sharedBrowser } from '../support/browser';
import type { OfflinePage } from '../support/browser';
import { inPage } from './graph-helpers';

const LONG = '长'.repeat(100_000);
const SPOOF = '\u202egpj.exe';

function measure(id: string, title: string, lead: string, co: string[]): MatrixMeasure {
  return { id, title, document: 'doc', file: 'tasks/doc.yaml', line: 10, chapter: '2', lead, co, noLead: false, noLeadReason: null };
}

const MATRIX: Matrix = {
  measures: [measure('2.1', LONG, LONG, [SPOOF]), measure('2.2', '强化前沿基础研究', '省科技厅', [LONG])],
  agencies: [LONG, SPOOF, '省科技厅'].map((name) => ({ name, leads: [], co: [], noLead: [] })),
};

describe('browser: the matrix page with a 100,000-character name and a bidi override', function () {
  this.timeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'taskmatrix-clamp-'));
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await closeSharedBrowser();
  });

  for (const shape of ['list', 'grid'] as const) {
    describe(shape, function () {
      let opened: OfflinePage;
      before(async function () {
        const file = join(dir, `${shape}.html`);
        // The grid gives each agency a column: make the long one an agency of a measure.
        writeFileSync(file, matrixToHtml({ ...MATRIX, agencies: MATRIX.agencies.map((a) => ({ ...a, leads: ['2.1'] })) }, { locale: 'en', title: `${LONG}${SPOOF}`, shape, nonce: 'n' }));
        opened = await openFileOffline(await sharedBrowser(), file);
        await opened.page.setViewportSize({ width: 1280, height: 800 });
      });
      after(() => opened?.close());

      it('stays about a screen wide and a few screens tall', async function () {
        const size = await inPage<{ width: number; height: number }>(opened.page, `({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight })`);
        assert.ok(size.width <= 2560, `page ${size.width} px wide`);
        assert.ok(size.height <= 8000, `page ${size.height} px tall`);
      });

      it('keeps the whole name in the title of its clamped cell', async function () {
        const titles = await inPage<number[]>(opened.page, `[...document.querySelectorAll('bdi.clip')].map((b) => b.title.length)`);
        assert.ok(titles.length >= 2 && titles.every((length) => length >= 100_000), JSON.stringify(titles));
      });

      it('shows the bidi override as text, so the name cannot read as "exe.jpg"', async function () {
        const text = await inPage<string>(opened.page, `document.body.innerText + document.title`);
        assert.ok(!text.includes('\u202e'));
        assert.ok(text.includes('\\u202egpj.exe'));
      });
    });
  }
});
