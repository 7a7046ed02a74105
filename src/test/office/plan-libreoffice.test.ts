// The Word plan as an office program lays it out: LibreOffice (Debian's libreoffice-writer-nogui,
// installed by npm test's pretest, scripts/ensure-test-tools.mjs) converts the file `taskmatrix
// export` wrote to PDF, and pdfjs reads the pages back — A4 landscape, several pages, the header
// row at the top of every one, every measure present. Without LibreOffice it fails, since the pretest installs it or stops; it is skipped only
// when TASKMATRIX_SKIP_TEST_TOOLS says the machine goes without.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, ROOT, run, TempDirs } from '../cli/helpers';

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((path) => existsSync(path));

interface PdfPage {
  width: number;
  height: number;
  text: string;
}

async function pdfPages(bytes: Uint8Array): Promise<PdfPage[]> {
  const [pdfjs, worker] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')]);
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
  const cMapUrl = `${join(ROOT, 'node_modules/pdfjs-dist/cmaps')}/`;
  const document = await pdfjs.getDocument({ data: bytes, cMapUrl, cMapPacked: true, verbosity: 0, isEvalSupported: false }).promise;
  const pages: PdfPage[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const [, , width, height] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    pages.push({ width, height, text: content.items.map((item) => ('str' in item ? item.str : '')).join('') });
  }
  await document.destroy();
  return pages;
}

describe('export: the Word plan laid out by LibreOffice', function () {
  this.timeout(180_000);
  const temp = new TempDirs();
  afterEach(() => temp.cleanup());

  before(function () {
    if (!SOFFICE) {
      const install = 'apt-get install -y --no-install-recommends libreoffice-writer-nogui (or run node scripts/ensure-test-tools.mjs)';
      if (!process.env.TASKMATRIX_SKIP_TEST_TOOLS) throw new Error(`LibreOffice is not installed: ${install}`);
      console.log(`    (LibreOffice is not installed and TASKMATRIX_SKIP_TEST_TOOLS is set: ${install})`);
      this.skip();
    }
    ensureBuilt();
  });

  it('is A4 landscape over several pages, with the header row at the top of each and every measure in order', async () => {
    const dir = temp.make();
    mkdirSync(join(dir, 'tasks'));
    copyFileSync(join(ROOT, 'tasks/agencies.yaml'), join(dir, 'tasks/agencies.yaml'));
    copyFileSync(join(ROOT, 'src/test/fixtures/deadlines/zj-ai-2027.yaml'), join(dir, 'tasks/zj-ai-2027.yaml'));
    const exported = run(['export', '-o', 'plan.docx', '--today', '2026-11-30', '--locale', 'zh-cn'], { cwd: dir });
    assert.equal(exported.status, 0, exported.stderr);

    // A profile of its own, so that a LibreOffice the user has open does not take the job over.
    const converted = spawnSync(SOFFICE!, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'plan.docx')], { encoding: 'utf8', timeout: 150_000 });
    assert.equal(converted.status, 0, `${converted.stdout}${converted.stderr}`);
    const pages = await pdfPages(new Uint8Array(readFileSync(join(dir, 'plan.pdf'))));

    assert.ok(pages.length >= 3, `${pages.length} pages`);
    for (const page of pages) {
      // A4 landscape: 297 × 210 mm in points.
      assert.ok(Math.abs(page.width - 841.9) < 1 && Math.abs(page.height - 595.3) < 1, `${page.width} × ${page.height}`);
      assert.ok(page.text.replace(/\s/g, '').includes('序号重点任务牵头单位配合单位完成时限进展'), `header row on page ${pages.indexOf(page) + 1}: ${page.text.slice(0, 80)}`);
    }
    assert.ok(pages[0]!.text.startsWith('关于加快人工智能产业发展的指导意见（征求意见稿）重点任务分工方案'), pages[0]!.text.slice(0, 60));
    // Every measure's title, in document order across the pages.
    const matrix = JSON.parse(run(['matrix'], { cwd: dir }).stdout) as { measures: { id: string; title: string }[] };
    const all = pages.map((page) => page.text.replace(/\s/g, '')).join('');
    let from = 0;
    for (const measure of matrix.measures) {
      const at = all.indexOf(`${measure.id}${measure.title}`.replace(/\s/g, ''), from);
      assert.ok(at >= from, `${measure.id} ${measure.title} after the one before`);
      from = at;
    }
  });
});
