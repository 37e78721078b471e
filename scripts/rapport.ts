// `npm run rapport -- --enhet 2580 --kvartal 2025-Q4 [--ut MAPP]`: the committee's own, exact quarterly
// report (every count, also 1, 2 and 3) as HTML and DOCX, from the unsuppressed figures of DATA_DIR, which
// is validated exactly as the build does (same messages, file and line). It is written to a folder outside
// the site (a folder inside DIST_DIR is refused) and says in its first line, and on every page, that it holds
// counts below the threshold and must not be published on the web. The report is the same view and
// renderers as the site's (src/views/report/, src/render/report.ts, src/render/report-docx.ts).
import { mkdir, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DATASET_ORDER } from '../src/data/schema.ts';
import { NodeRunner } from '../src/queries/node-runner.ts';
import { html } from '../src/render/html.ts';
import { reportDocxBytes } from '../src/render/report-docx.ts';
import { reportHtml } from '../src/render/report.ts';
import { reportWords as w } from '../src/i18n/report.ts';
import { chooseReport, loadReport } from '../src/views/report/index.ts';
import { dataDir, distDir, projectRoot, SettingError, suppressionThreshold } from './lib/config.ts';
import { readDataDir } from './lib/read-data-dir.ts';
import { printIssues, runScript } from './lib/report.ts';
import { writeDatasetFile } from './lib/write-duckdb.ts';
import { writeUnitCatalogs } from './lib/write-unit-catalogs.ts';

const USAGE = 'Användning / usage: npm run rapport -- --enhet 2580 --kvartal 2025-Q4 [--ut MAPP]';

/** Whether `inner` is `outer` or inside it (both resolved, symbolic links followed where they exist). */
async function inside(inner: string, outer: string): Promise<boolean> {
  const real = async (p: string): Promise<string> => {
    const parts: string[] = [];
    let at = path.resolve(p);
    for (;;) {
      try {
        return path.join(await realpath(at), ...parts.reverse());
      } catch {
        const up = path.dirname(at);
        if (up === at) return path.resolve(p);
        parts.push(path.basename(at));
        at = up;
      }
    }
  };
  const rel = path.relative(await real(outer), await real(inner));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

await runScript(async () => {
  const threshold = suppressionThreshold();
  // The first line, before anything else is said or written.
  console.log(w.internalWarning(Math.max(threshold, 2)));
  const { values } = parseArgs({ options: { enhet: { type: 'string' }, kvartal: { type: 'string' }, ut: { type: 'string' } }, allowPositionals: false });
  if (!values.enhet || !values.kvartal) throw new SettingError(`FEL: --enhet och --kvartal måste anges. ${USAGE}`, `ERROR: --enhet and --kvartal are required. ${USAGE}`);
  // A relative --ut is read from where npm was started (INIT_CWD), as the user typed it.
  const out = values.ut ? path.resolve(process.env.INIT_CWD ?? process.cwd(), values.ut) : path.join(projectRoot, 'internrapporter');
  const dist = distDir();
  if (await inside(out, dist)) {
    throw new SettingError(
      `FEL: --ut ${out} ligger i webbplatsens mapp ${dist}. Den exakta rapporten får inte publiceras på webben; välj en mapp utanför.`,
      `ERROR: --ut ${out} is inside the site's folder ${dist}. The exact report must not be published on the web; choose a folder outside it.`,
    );
  }
  const dir = dataDir();
  const result = await readDataDir(dir);
  printIssues(result);
  if (result.errorCount > 0) {
    console.error(`\n${result.errorCount} fel i ${dir}; ingen rapport skrivs. / ${result.errorCount} error(s) in ${dir}; no report is written.`);
    process.exitCode = 1;
    return;
  }
  // The validated, unsuppressed figures in a private temporary database, read by the site's own queries.
  const work = await mkdtemp(path.join(tmpdir(), 'socialstatistik-rapport-'));
  let runner: NodeRunner | null = null;
  try {
    const written = DATASET_ORDER.filter((name) => result.tables[name]);
    for (const name of written) await writeDatasetFile(work, name, result.tables[name] as never);
    await writeUnitCatalogs(work, written);
    const generated = new Date().toISOString();
    await writeFile(path.join(work, 'manifest.json'), JSON.stringify({ generated, threshold: 1, datasets: written.map((name) => ({ name })) }));
    runner = await NodeRunner.open(work);
    const env = { datasets: runner.datasets, generated };
    const params = new URLSearchParams({ enhet: values.enhet, kvartal: values.kvartal });
    const choice = await chooseReport(runner, params, env);
    if (!choice || choice.unit.enhetskod !== values.enhet) {
      throw new SettingError(`FEL: enheten ${values.enhet} har inga uppgifter om ej verkställda beslut i ${dir}.`, `ERROR: unit ${values.enhet} has no decision figures in ${dir}.`);
    }
    if (choice.period !== values.kvartal) {
      throw new SettingError(
        `FEL: kvartalet ${values.kvartal} finns inte för enheten ${values.enhet}; kvartal som finns: ${choice.quarters.join(', ')}.`,
        `ERROR: quarter ${values.kvartal} does not exist for unit ${values.enhet}; quarters: ${choice.quarters.join(', ')}.`,
      );
    }
    const model = await loadReport(runner, choice, env, { internal: { threshold: Math.max(threshold, 2) } });
    await mkdir(out, { recursive: true });
    const stem = model.docxFile.replace(/\.docx$/, '');
    const css = await Promise.all(['src/styles/decisions.css', 'src/styles/report.css'].map((f) => readFile(path.join(projectRoot, f), 'utf8')));
    // The style sheet is the project's own CSS and two quoted footers (no markup), so it is written as text.
    const cssText = (t: string) => JSON.stringify(t).replace(/</g, '\\3c ');
    const page = `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>${html`${model.title}`.html} (intern)</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 52rem; padding: 0 1rem; color: #1a1a1a; --muted: #4d4d4d; }
table { border-collapse: collapse; } th, td { text-align: left; padding: 0.2rem 0.6rem 0.2rem 0; border-bottom: 1px solid #ddd; } .num { text-align: right; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; } .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
${css.join('\n')}
@media print { @page { size: A4; margin: 16mm 14mm 18mm; @top-center { content: ${cssText(model.internal?.footer ?? '')}; font-size: 8pt; color: #a00; } @bottom-left { content: ${cssText(model.footer)}; font-size: 7pt; } @bottom-right { content: counter(page) ' / ' counter(pages); font-size: 7pt; } } body { margin: 0; max-width: none; } }
</style></head>
<body>${reportHtml(model, null).html}</body></html>
`;
    const htmlFile = path.join(out, `${stem}.html`);
    const docxFile = path.join(out, model.docxFile);
    await writeFile(htmlFile, page);
    await writeFile(docxFile, await reportDocxBytes(model));
    console.log(`Skrev / wrote:\n  ${htmlFile}\n  ${docxFile}`);
  } finally {
    runner?.close();
    await rm(work, { recursive: true, force: true });
  }
});
