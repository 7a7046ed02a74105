// The importer on real published policy documents (src/test/fixtures/import-corpus), in every form
// a drafter may have them: the text, a Word file, a PDF printed by Chromium with wrapped lines, a
// running header and page numbers; a task table also as a spreadsheet and as a table in Word.
// Fails under 98% of measures read right overall, or under 90% on any one document.
import { strict as assert } from 'node:assert';
import { closeForms } from './forms';
import { checkTruth, formsOf, importForm, loadCorpus, score } from './corpus';
import type { Form } from './corpus';

const corpus = loadCorpus();

describe('import: the corpus of real documents', function () {
  this.timeout(120_000);
  after(closeForms);

  it('holds at least 12 documents and 300 measures, with at least one task table', () => {
    assert.ok(corpus.length >= 12, `${corpus.length} documents`);
    assert.ok(corpus.reduce((sum, document) => sum + document.truth.measures.length, 0) >= 300);
    assert.ok(corpus.some((document) => document.kind === 'table'));
  });

  it('has truth files that pass their checks (lists printed in the text, names in order in them, ids unique)', () => {
    const problems = corpus.flatMap((document) => checkTruth(document).map((problem) => `${document.slug}: ${problem}`));
    assert.deepEqual(problems, []);
  });

  it('keeps the source of every document', () => {
    for (const document of corpus) assert.ok(document.truth.source.url || document.truth.source.repository, document.slug);
  });

  for (const form of ['text', 'wrapped', 'docx', 'pdf', 'xlsx'] as Form[]) {
    describe(`as ${form === 'text' ? 'text (.txt, .csv)' : form === 'wrapped' ? 'text copied out of a PDF (hard-wrapped, paged)' : form}`, () => {
      const scores: string[] = [];
      let right = 0;
      let total = 0;
      after(() => {
        if (total > 0) console.log(`      [accuracy ${form}] ${right}/${total} (${((100 * right) / total).toFixed(1)}%): ${scores.join('; ')}`);
      });
      for (const document of corpus.filter((each) => formsOf(each).includes(form))) {
        it(`reads ${document.slug} (at least 90% of its measures right)`, async () => {
          const { rows } = await importForm(document, form);
          const result = score(document.truth.measures, rows);
          right += result.right;
          total += result.total;
          scores.push(`${document.slug} ${result.right}/${result.total}`);
          assert.ok(result.right >= 0.9 * result.total, `${result.right}/${result.total} right:\n${result.wrong.join('\n')}`);
        });
      }
      it('reads at least 98% of all measures right', () => {
        assert.ok(total > 0);
        assert.ok(right >= 0.98 * total, `${right}/${total}`);
      });
    });
  }
});
