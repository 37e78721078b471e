// The committee's quarterly report as a view (src/views/report/), on the bundled data published as the build
// publishes it; and `npm run rapport`, the exact internal version, as a user runs it.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { unzipSync } from 'fflate';
import { NodeRunner } from '../../../src/queries/node-runner.ts';
import { reportHtml } from '../../../src/render/report.ts';
import { reportDocxBytes } from '../../../src/render/report-docx.ts';
import { docxWriter } from '../../../src/render/report-docx-pool.ts';
import { chooseReport, loadReport, MIN_QUARTER_PAGES, quarterPages, REPORT_PAGE_BUDGET, reportLinks } from '../../../src/views/report/index.ts';
import type { ReportModel } from '../../../src/views/report/model.ts';
import type { PageEnv } from '../../../src/views/view.ts';
import { publishFixture } from '../helpers/publish-fixture.ts';
import { runScript } from '../../helpers/run-script.ts';
import { docxParagraphs } from '../../helpers/docx-text.ts';

const DATA = fileURLToPath(new URL('../../../data/', import.meta.url));
let runner: NodeRunner;
let env: PageEnv;

beforeAll(async () => {
  const files = Object.fromEntries(readdirSync(DATA).filter((f) => f.endsWith('.csv')).map((f) => [f, readFileSync(path.join(DATA, f), 'utf8')]));
  const { dir, manifest } = await publishFixture(files);
  runner = await NodeRunner.open(dir);
  env = { datasets: runner.datasets, generated: manifest.generated };
});
afterAll(() => runner?.close());

async function report(query: string): Promise<ReportModel> {
  const c = await chooseReport(runner, new URLSearchParams(query), env);
  if (!c) throw new Error('no report');
  return loadReport(runner, c, env);
}

const sumOf = (m: ReportModel, lag: string, label: string) =>
  m.laws.find((l) => l.lag === lag)?.detail?.groups.flat().find((r) => r.label === label)?.sum.antal;

describe('Luleå kvartal 4 2025 (source 002), published figures', () => {
  // The source's OF 7 and IFO 24 are hidden on the site: OF's Kontaktperson 5 is shown and its other
  // two insatser are small, so 7 would leave them 2 between them (issue 11's audit; safety first).
  it('SoL: 111, ÄO 80, OF and IFO hidden; the comparison 83/109/111 at 2025-06-30, 2025-09-30, 2025-12-31', async () => {
    const m = await report('enhet=2580&kvartal=2025-Q4');
    const sol = m.laws[0];
    expect(sol.summary).toBe('Socialnämnden rapporterar 111 gynnande beslut enligt 11 kap. 1 § socialtjänstlagen (SoL), som inte har verkställts inom föreskriven tid.');
    expect([sumOf(m, 'SoL', 'Total ÄO'), sumOf(m, 'SoL', 'Total OF'), sumOf(m, 'SoL', 'Total IFO'), sumOf(m, 'SoL', 'Totalt samtliga verksamheter')]).toEqual([80, null, null, 111]);
    const total = sol.comparison?.groups.flatMap((g) => g.rows).find((r) => r.kind === 'total');
    expect(total?.cells.map((c) => c.antal)).toEqual([83, 109, 111]);
    expect(sol.comparisonLead).toContain('2025-06-30, 2025-09-30, 2025-12-31');
  });

  it('LSS: 36 and 51/48/36; Särskilt boende (ÄO) lists 21 verkställda and 30 saknar plats; no count below 4 is shown', async () => {
    const m = await report('enhet=2580');
    const lss = m.laws[1];
    expect(lss.summary).toContain('rapporterar 36 gynnande beslut');
    expect(lss.comparison?.groups.flatMap((g) => g.rows).find((r) => r.kind === 'total')?.cells.map((c) => c.antal)).toEqual([51, 48, 36]);
    const list = m.laws[0].lists.find((l) => l.label === 'Särskilt boende (ÄO)');
    expect(list?.items.map((i) => i.text)).toEqual(expect.arrayContaining(['21 beslut verkställda', expect.stringMatching(/^30 beslut ej verkställda då det saknas plats/)]));
    const text = reportHtml(m, null).html;
    expect(text).not.toContain('1 beslut nu verkställt');
    const shown = [...text.matchAll(/data-antal="(\d+)"/g)].map((x) => Number(x[1]));
    expect(shown.filter((n) => n >= 1 && n <= 3)).toEqual([]);
  });

  it('a sub-insats counts in its parent: the detail table shows Bostad 12 (its 4 women and 8 men hidden to protect smaller cells), the comparison its three parts', async () => {
    const m = await report('enhet=2580');
    const sol = m.laws[0];
    const bostad = sol.detail?.groups.flat().find((r) => r.label === 'Bostad (IFO)');
    expect([bostad?.women.antal, bostad?.men.antal, bostad?.sum.antal]).toEqual([null, null, 12]);
    const ifo = sol.comparison?.groups.find((g) => g.verksamhet === 'IFO')?.rows.map((r) => r.label);
    expect(ifo).toEqual(expect.arrayContaining(['Bostad/Fyren', 'Bostad/Krongyllen', 'Bostad/Övergångslägenhet']));
    expect(ifo).not.toContain('Bostad');
  });
});

describe('the Word file', () => {
  it('is the same, byte for byte, whenever it is made: its dates are the end of the report\'s quarter, and it reads back', async () => {
    const m = await report('enhet=2580&kvartal=2025-Q4');
    const at = async (clock: string) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(clock));
      try {
        return await reportDocxBytes(m);
      } finally {
        vi.useRealTimers();
      }
    };
    const a = await at('2026-01-15T08:00:00Z');
    const b = await at('2027-06-30T23:59:00Z');
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const core = new TextDecoder().decode(unzipSync(a)['docProps/core.xml']);
    expect(core.match(/<dcterms:(?:created|modified)[^>]*>[^<]*/g)?.map((t) => t.replace(/^.*>/, ''))).toEqual(['2025-12-31T00:00:00Z', '2025-12-31T00:00:00Z']);
    expect(await docxParagraphs(a)).toContain(m.laws[0].summary);
  });

  it('made by the build\'s worker threads, is the same file as made here, for every quarter of a unit', async () => {
    const models = await Promise.all(['2025-Q2', '2025-Q3', '2025-Q4'].map((q) => report(`enhet=2580&kvartal=${q}`)));
    expect(models.map((m) => m.period)).toEqual(['2025-Q2', '2025-Q3', '2025-Q4']);
    const writer = docxWriter();
    const fromWorkers = await Promise.all(models.map((m) => writer.write(m)));
    for (const [i, m] of models.entries()) expect(Buffer.from(fromWorkers[i]).equals(Buffer.from(await reportDocxBytes(m))), m.period).toBe(true);
    expect(await docxParagraphs(fromWorkers[2])).toContain(models[2].laws[0].summary);
  });
});

describe('Solna kvartal 3 2022 (source 003)', () => {
  it('says that there is nothing to report, without a table', async () => {
    const m = await report('enhet=0184');
    expect(m.laws[0].summary).toBe('Socialnämnden har inga ej verkställda gynnande beslut enligt SoL att rapportera för kvartal 3 2022, och inte heller några tidigare ej verkställda beslut att återrapportera.');
    expect(m.laws[0].detail).toBeNull();
    expect(m.laws[0].heading).toContain('4 kap. 1 § socialtjänstlagen (SoL) kvartal 3 2022');
  });
});

describe('npm run rapport (the exact internal version)', () => {
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(path.join(tmpdir(), 'socialstatistik-intern-'));
  });
  afterAll(async () => {
    if (out) await rm(out, { recursive: true, force: true });
  });

  it('writes HTML and DOCX with the exact small figures, saying first that it must not be published', { timeout: 60_000 }, async () => {
    const run = await runScript('rapport.ts', { DATA_DIR: DATA });
    expect(run.code).toBe(1); // no --enhet / --kvartal
    const ok = await runScriptArgs(['--enhet', '2580', '--kvartal', '2025-Q4', '--ut', out]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout.split('\n')[0]).toMatch(/^INTERN RAPPORT – FÅR INTE PUBLICERAS PÅ WEBBEN\./);
    const files = (await readdir(out)).sort();
    expect(files).toEqual(['statistikrapport-ej-verkstallda-beslut-2580-2025-Q4-intern.docx', 'statistikrapport-ej-verkstallda-beslut-2580-2025-Q4-intern.html']);
    const page = await readFile(path.join(out, files[1]), 'utf8');
    expect(page).toContain('1 beslut nu verkställt');
    expect(page).toContain('INTERN RAPPORT');
    expect(page).toContain('@top-center { content: "Intern rapport');
    const docx = await docxParagraphs(await readFile(path.join(out, files[0])));
    expect(docx).toContain('1 beslut nu verkställt');
    expect(docx[0]).toMatch(/^INTERN RAPPORT/);
  });

  it('refuses an output folder inside dist/', { timeout: 60_000 }, async () => {
    const run = await runScriptArgs(['--enhet', '2580', '--kvartal', '2025-Q4', '--ut', 'dist/rapporter']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('ligger i webbplatsens mapp');
  });

  it('names the quarters there are when the quarter does not exist', { timeout: 60_000 }, async () => {
    const run = await runScriptArgs(['--enhet', '2580', '--kvartal', '2024-Q1', '--ut', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('kvartal som finns: 2025-Q2, 2025-Q3, 2025-Q4');
  });
});

/** scripts/rapport.ts with arguments, as `npm run rapport -- …` runs it. */
async function runScriptArgs(args: string[]) {
  const { spawn } = await import('node:child_process');
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'scripts', 'rapport.ts'), ...args], { cwd: root, env: { ...process.env, DATA_DIR: DATA, INIT_CWD: root }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the pages of earlier quarters', () => {
  const forty = Array.from({ length: 40 }, (_, i) => `${2016 + Math.floor(i / 4)}-Q${(i % 4) + 1}`);

  it('every quarter has a page of its own on a site like the bundled data; the latest ones at national scale', () => {
    expect(quarterPages(forty, 3)).toEqual(forty);
    const national = quarterPages([...forty].reverse(), 312);
    expect(national).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    expect(312 * national.length).toBeLessThanOrEqual(REPORT_PAGE_BUDGET);
    expect(quarterPages(forty, 100_000)).toHaveLength(MIN_QUARTER_PAGES);
  });

  it('Luleå kvartal 3 2025 links its Word file and every quarter as pages of their own, the latest as the unit\'s page', async () => {
    const c = await chooseReport(runner, new URLSearchParams('enhet=2580&kvartal=2025-Q3'), env);
    if (!c) throw new Error('no report');
    const links = reportLinks(c, await loadReport(runner, c, env));
    expect(links.docx).toBe('/rapport/2580/2025-Q3/statistikrapport-ej-verkstallda-beslut-2580-2025-Q3.docx');
    expect(links.quarters.map((q) => [q.period, q.href, q.page])).toEqual([
      ['2025-Q4', '/rapport/2580/', true],
      ['2025-Q3', '/rapport/2580/2025-Q3/', true],
      ['2025-Q2', '/rapport/2580/2025-Q2/', true],
    ]);
    const html = reportHtml(await loadReport(runner, c, env), links).html;
    expect(html.match(/<a href="\/rapport\/2580\/2025-Q2\/" data-quarter="2025-Q2" data-quarter-page[^>]*>kvartal 2 2025<\/a>/)?.[0]).toBeTruthy();
    expect(html.includes('data-report-model'), 'no model to make the Word file in the browser').toBe(false);
  });

  it('quarters without a page of their own (a site with very many units) are apart, computed in the browser', async () => {
    const c = await chooseReport(runner, new URLSearchParams('enhet=2580&kvartal=2025-Q2'), env);
    if (!c) throw new Error('no report');
    const model = await loadReport(runner, c, env);
    const links = reportLinks({ ...c, pages: ['2025-Q3', '2025-Q4'] }, model);
    expect(links.docx).toBeNull();
    expect(links.quarters.map((q) => [q.href, q.page])).toEqual([['/rapport/2580/', true], ['/rapport/2580/2025-Q3/', true], ['/rapport/2580/?kvartal=2025-Q2', false]]);
    const html = reportHtml(model, links).html;
    expect(html.match(/<details class="report__earlier report__older" open(?:="")?><summary>Äldre kvartal \(1, kräver JavaScript\)<\/summary>/)?.[0]).toBeTruthy();
    expect(html.includes('data-report-docx="statistikrapport-ej-verkstallda-beslut-2580-2025-Q2.docx"'), 'the Word file made in the browser').toBe(true);
    expect(html.includes('<template data-report-model>'), 'the model for it').toBe(true);
  });

  it('a page\'s own quarter is its default; the URL\'s quarter comes first', async () => {
    expect((await chooseReport(runner, new URLSearchParams(), env, '2580', '2025-Q2'))?.period).toBe('2025-Q2');
    expect((await chooseReport(runner, new URLSearchParams('kvartal=2025-Q3'), env, '2580', '2025-Q2'))?.period).toBe('2025-Q3');
    expect((await chooseReport(runner, new URLSearchParams(), env, '2580'))?.period).toBe('2025-Q4');
  });
});
