// npm run import:accuracy [-- --forms text,docx,pdf] [--check-truth] [--verbose] [--json]
// Prints, per document of the corpus and in total, the measures the importer found and the ones
// whose lead, co-responsible set and no-lead reason it read right, in each form of the document.
import { closeForms } from '../test/import/forms';
import { checkTruth, formsOf, importForm, loadCorpus, score } from '../test/import/corpus';
import type { Form, Score } from '../test/import/corpus';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const formsArg = args.find((arg) => arg.startsWith('--forms='))?.slice(8) ?? (args.includes('--forms') ? args[args.indexOf('--forms') + 1] : undefined);
  const only = formsArg ? new Set(formsArg.split(',')) : undefined;
  const verbose = args.includes('--verbose');
  const corpus = loadCorpus();
  if (args.includes('--check-truth')) {
    const problems = corpus.flatMap((document) => checkTruth(document).map((problem) => `${document.slug}: ${problem}`));
    for (const problem of problems) console.log(problem);
    console.log(problems.length === 0 ? `truth checked: ${corpus.length} documents, ${corpus.reduce((sum, d) => sum + d.truth.measures.length, 0)} measures, no problem` : `${problems.length} problems`);
    return problems.length === 0 ? 0 : 1;
  }
  const totals = new Map<Form, Score>();
  const lines: string[] = [];
  for (const document of corpus) {
    const cells: string[] = [];
    for (const form of formsOf(document)) {
      const shown = form === 'text' && document.kind === 'table' ? 'csv' : form;
      if (only && !only.has(form) && !only.has(shown)) continue;
      const { rows } = await importForm(document, form);
      const result = score(document.truth.measures, rows);
      const total = totals.get(form) ?? { found: 0, right: 0, total: 0, extra: 0, wrong: [] };
      totals.set(form, { found: total.found + result.found, right: total.right + result.right, total: total.total + result.total, extra: total.extra + result.extra, wrong: [] });
      cells.push(`${shown} ${result.right}/${result.total}${result.found < result.total ? ` (found ${result.found})` : ''}${result.extra ? ` +${result.extra}` : ''}`);
      if (verbose) for (const line of result.wrong) lines.push(`  ${document.slug} [${shown}] ${line}`);
    }
    console.log(`${document.slug.padEnd(44)} ${cells.join('   ')}`);
  }
  for (const line of lines) console.log(line);
  for (const [form, total] of totals) console.log(`total ${form.padEnd(5)} found ${total.found}/${total.total}, right ${total.right}/${total.total} (${((100 * total.right) / total.total).toFixed(1)}%), extra ${total.extra}`);
  await closeForms();
  return 0;
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error);
  process.exit(2);
});
