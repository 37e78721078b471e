// The page "Utforska" in headless Chromium, as an analyst uses it: example queries answered with the numbers
// in the data, SQL errors shown with their place, a long query cancelled, an own CSV file (";", decimal
// comma, BOM) read in and joined with a published table, a bad CSV explained by line, CSV and Arrow
// downloads read back, the query in the link, the local history, read-only published tables, 100 000 rows,
// the whole page under the strict Content-Security-Policy, and the page without WebAssembly or JavaScript.

import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import ExcelJS from 'exceljs';
// @ts-expect-error: the toolkit ships no types
import JSONstat from 'jsonstat-toolkit';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createRequire } from 'node:module';
import { defaultQuery, EXAMPLES } from '../../src/client/explore/examples.ts';
import { exploreWords as w } from '../../src/i18n/explore.ts';
import { sv } from '../../src/i18n/sv.ts';
import { formatNumber } from '../../src/i18n/format.ts';
import { launchSiteBrowser, STRICT_CSP, type SiteBrowser } from './browser.ts';
import { closeChecked } from './close-clean.ts';

const siteUrl = inject('siteUrl');
const siteDir = inject('siteDir');
const pageUrl = `${siteUrl}utforska/`;
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const DATASETS = ['placeringar', 'ej_verkstallda_beslut', 'natverkshemsandel', 'enheter', 'handelser', 'kallor'];

/** The published data, read by DuckDB in Node: what the page must show. */
let db: DuckDBConnection;
async function expected(sql: string): Promise<Record<string, unknown>[]> {
  const reader = await db.runAndReadAll(sql);
  return reader.getRowObjectsJS().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
}

beforeAll(async () => {
  const instance = await DuckDBInstance.create(':memory:');
  db = await instance.connect();
  for (const d of DATASETS) await db.run(`ATTACH '${path.join(siteDir, 'data', `${d}.duckdb`)}' AS pub_${d} (READ_ONLY)`);
});

afterAll(() => db?.closeSync());

/** DuckDB's own console errors for a query that fails on purpose (the worker logs each one). */
const QUERY_ERROR = /Parser Error|Binder Error|Catalog Error|Invalid Input Error|Permission Error|syntax error|query was canceled|Conversion Error|read-only|does not exist/;

/** Opens the page and starts the engine the way an analyst does: by going to the editor. */
async function openExplore(browser: SiteBrowser, url = pageUrl): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'networkidle' });
  await sqlBox(page).focus();
  await page.waitForSelector('#explore:not([data-state="idle"]):not([data-state="starting"])', { timeout: 60_000 });
  return page;
}

/** Opens the page and chooses a CSV file to load as the table `name`. */
async function chooseCsv(browser: SiteBrowser, file: string, name: string): Promise<Page> {
  const page = await openExplore(browser);
  await page.locator('#import-file').setInputFiles(file);
  await page.waitForSelector('#import[data-state="chosen"]');
  await page.locator('#import-name').fill(name);
  return page;
}

async function runSql(page: Page, sql: string): Promise<string> {
  await sqlBox(page).fill(sql);
  await page.getByRole('button', { name: w.editor.run, exact: true }).click();
  return waitForRun(page);
}

async function waitForRun(page: Page): Promise<string> {
  await page.waitForFunction(() => {
    const state = document.getElementById('explore')?.dataset.state;
    return state && state !== 'running' && state !== 'starting';
  }, null, { timeout: 60_000 });
  const state = (await page.getAttribute('#explore', 'data-state')) ?? '';
  // DuckDB's message, for the test log when a query was expected to run.
  if (state === 'error') console.log(`Utforska: query failed: ${await page.locator('#query-error').innerText()}`);
  return state;
}

/** The grid's header and the rows it has drawn, as text. */
async function grid(page: Page): Promise<{ header: string[]; rows: string[][]; rowCount: number }> {
  return page.evaluate(() => {
    const table = document.querySelector('#result-grid table');
    const header = [...(table?.querySelectorAll('thead th .grid__name') ?? [])].map((th) => th.textContent ?? '');
    const rows = [...(table?.querySelectorAll('tbody tr:not(.grid-spacer)') ?? [])].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
    );
    return { header, rows, rowCount: Number(table?.getAttribute('aria-rowcount') ?? 0) - 1 };
  });
}

const status = (page: Page) => page.locator('#query-status').innerText();
/** The SQL editor's editable area (CodeMirror, in an open shadow root, which Playwright's locators enter). */
const sqlBox = (page: Page) => page.locator('#sql-editor .cm-content');

describe('Utforska med JavaScript', () => {
  let browser: SiteBrowser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchSiteBrowser({ siteUrl });
    page = await openExplore(browser);
  });

  afterAll(async () => {
    expect(browser.foreignRequests).toEqual([]);
    expect(browser.errors.filter((e) => !QUERY_ERROR.test(e))).toEqual([]);
    await browser.close();
  });

  test('a visit alone fetches no engine: it starts when the analyst goes to the editor', async () => {
    const fresh = await browser.newPage();
    const requested: string[] = [];
    browser.context.on('request', (r) => requested.push(r.url()));
    await fresh.goto(pageUrl, { waitUntil: 'networkidle' });
    expect(await fresh.getAttribute('#explore', 'data-state')).toBe('idle');
    expect(await status(fresh)).toBe(w.status.idle);
    expect(requested.filter((u) => /\.wasm$|\.duckdb$/.test(u))).toEqual([]);
    // The table names are insert buttons at once.
    expect(await fresh.locator('#schema-list button[data-insert="placeringar"]').count()).toBe(1);
    await sqlBox(fresh).focus();
    await fresh.waitForSelector('#explore[data-state="ready"]', { timeout: 60_000 });
    expect(requested.some((u) => /\.wasm$/.test(u))).toBe(true);
    await fresh.close();
  });

  test('the editor\'s code (CodeMirror) is loaded on this page only', async () => {
    const scripts = async (url: string) => {
      const p = await browser.newPage();
      // Bodies taken at the response itself and awaited before the page closes, so none is missed.
      const bodies: Promise<string>[] = [];
      p.on('response', (r) => {
        if (/\.js$/.test(r.url())) bodies.push(r.text().catch(() => ''));
      });
      await p.goto(url, { waitUntil: 'networkidle' });
      await p.waitForTimeout(300);
      const code = (await Promise.all(bodies)).join('\n');
      await p.close();
      return code;
    };
    expect(await scripts(pageUrl)).toContain('cm-content');
    for (const other of ['', 'placeringar/', 'natverkshem/']) expect(await scripts(`${siteUrl}${other}`), other).not.toContain('cm-content');
  });

  test('the engine starts and the table list shows every published table with DuckDB\'s row count', async () => {
    expect(await page.getAttribute('#explore', 'data-state')).toBe('ready');
    const shown = await page.$$eval('#schema-list [data-object]', (items) =>
      items.map((li) => [li.getAttribute('data-object'), Number(li.querySelector('[data-rows]')?.getAttribute('data-rows'))]),
    );
    const counts = await expected(DATASETS.map((d) => `SELECT 'pub_${d}.${d}' AS o, count(*) AS n FROM pub_${d}.${d}`).join(' UNION ALL '));
    for (const { o, n } of counts) expect(shown).toContainEqual([o, n]);
    expect(shown).toContainEqual(['pub_placeringar.natverkshemsandel_beraknad', (await expected('SELECT count(*) AS n FROM pub_placeringar.natverkshemsandel_beraknad'))[0].n]);
    // Columns carry the contract's Swedish descriptions.
    const placeringar = page.locator('#schema-list [data-object="pub_placeringar.placeringar"]');
    await placeringar.locator('summary').click();
    await expect.poll(() => placeringar.locator('.schema__cols li').filter({ hasText: 'antal' }).first().innerText()).toContain('INTEGER');
    expect(await placeringar.locator('.schema__cols').innerText()).toContain('NULL när uppgiften är skyddad');
    // Clicking a name inserts it at the caret (with a space where it would run into a word), and the
    // focus stays in the list, so one name after another can be picked.
    const sql = sqlBox(page);
    // Typing over the whole text (several lines selected) replaces it, with no empty line left behind
    // (@codemirror/view 6.44.x left one: the editor is pinned at 6.43.15).
    await sql.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('SELECT');
    expect(await page.inputValue('#sql')).toBe('SELECT');
    await page.keyboard.press('Escape');
    await sql.fill('SELECT');
    await sql.press('End');
    const antal = placeringar.getByRole('button', { name: 'Infoga antal i frågan' });
    await antal.click();
    expect(await status(page)).toBe(w.schema.inserted('antal'));
    await sql.press('End');
    await sql.pressSequentially(', ');
    await placeringar.getByRole('button', { name: 'Infoga period i frågan' }).click();
    await sql.press('End');
    await sql.pressSequentially(' FROM');
    await placeringar.getByRole('button', { name: 'Infoga placeringar i frågan' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.inputValue('#sql')).toBe('SELECT antal, period FROM placeringar');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-insert'))).toBe('placeringar');
  });

  test('an example runs with one click and shows the numbers in the data, with a chart and its table', async () => {
    const example = EXAMPLES.find((e) => e.id === 'placeringar-per-kvartal')!;
    await page.getByRole('button', { name: w.examples.runNamed(example.title) }).click();
    expect(await waitForRun(page)).toBe('done');
    const want = await expected(example.sql);
    expect(await status(page)).toMatch(new RegExp(`^${formatNumber(want.length)}\u00a0rader på `));
    const shown = await grid(page);
    expect(shown.header).toEqual(['period', 'placeringsform', 'antal', 'markering']);
    expect(shown.rowCount).toBe(want.length);
    // The first rows drawn, against the published data, in the page's sv-SE format.
    for (const [i, row] of shown.rows.slice(0, 10).entries()) {
      expect(row).toEqual([
        want[i].period,
        want[i].placeringsform,
        want[i].antal === null ? expect.stringContaining('Skyddad av sekretess') : formatNumber(want[i].antal as number),
        want[i].markering ?? 'NULL',
      ]);
    }
    // And one figure straight from the input file, so the whole path is checked, not only the query.
    const csv = readFileSync(path.resolve('data', 'placeringar_demo.csv'), 'utf8').split('\n');
    const line = csv.find((l) => l.startsWith('2016-Q1;9999;') && l.includes(';familjehem;totalt;0-20;vid_periodens_slut;'))!;
    const raw = line.split(';')[7];
    expect(shown.rows[0]).toEqual(['2016-Q1', 'familjehem', raw, 'NULL']);
    // The example's chart: a line per placement form, with the contract's labels, and its numbers as a table.
    const svg = page.locator('#quick-chart svg.ss-chart');
    await expect.poll(() => svg.count()).toBe(1);
    expect(await svg.getAttribute('aria-label')).toBe(w.chart.title('antal', 'period'));
    expect(await page.locator('#chart-x').inputValue()).toBe('period');
    expect(await page.locator('#chart-series').inputValue()).toBe('placeringsform');
    const headers = await page.$$eval('#quick-chart .chart-table thead th', (ths) => ths.map((th) => th.textContent));
    expect(headers).toContain('Nätverkshem');
    expect(headers).toContain('Totalt (barn räknas en gång)');
    // Nothing had to be put right after an ordinary query.
    expect(await page.locator('.note--restored').count()).toBe(0);
    // The query is in the address, so the result can be shared.
    expect(decodeURIComponent(new URL(page.url()).hash.slice(5).replace(/\+/g, ' '))).toBe(example.sql);
  });

  test('markers are shown as markers, never as numbers', async () => {
    const sql = `SELECT period, placeringsform, antal, markering FROM pub_placeringar.placeringar
      WHERE markering = 'sekretess' ORDER BY period, enhetskod, placeringsform LIMIT 5`;
    expect(await runSql(page, sql)).toBe('done');
    const shown = await grid(page);
    expect(shown.rows).toHaveLength(5);
    for (const row of shown.rows) {
      expect(row[2]).toBe('× Skyddad av sekretess');
      expect(row[3]).toBe('sekretess');
    }
  });

  test('a bar chart of categories, with the contract\'s labels, sorted, and a hidden value as its marker', async () => {
    const sql = `SELECT placeringsform, antal, markering FROM pub_placeringar.placeringar
      WHERE enhetskod = '9999' AND period = '2025-Q4' AND kon = 'totalt' AND aldersgrupp = '18-20' AND avser = 'vid_periodens_slut'`;
    expect(await runSql(page, sql)).toBe('done');
    const want = await expected(sql);
    expect(want.filter((r) => r.antal === null).length).toBeGreaterThan(0);
    expect(want.filter((r) => r.antal !== null).length).toBeGreaterThan(1);
    expect(await page.locator('#chart-kind').inputValue()).toBe('bar');
    expect(await page.locator('#chart-x').inputValue()).toBe('placeringsform');
    await expect.poll(() => page.locator('#quick-chart svg.ss-chart').getAttribute('aria-label')).toBe(w.chart.title('antal', 'placeringsform'));
    const rows = await page.$$eval('#quick-chart .chart-table tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    const known = want.filter((r) => r.antal !== null).sort((a, b) => (b.antal as number) - (a.antal as number));
    expect(rows.slice(0, known.length).map((r) => r[1])).toEqual(known.map((r) => formatNumber(r.antal as number)));
    expect(rows.map((r) => r[0])).toContain('Nätverkshem');
    for (const r of want.filter((x) => x.antal === null)) expect(rows.slice(known.length).map((x) => x[1])).toContain(r.markering === 'sekretess' ? 'Skyddad av sekretess' : 'Uppgift saknas');
    // A line chart needs periods; this answer has none, and the page says so.
    await page.locator('#chart-kind').selectOption('line');
    expect(await page.locator('.chart-message').innerText()).toBe(w.chart.needsPeriod);
  });

  test('a SQL error shows DuckDB\'s message and marks its place in the editor; the next query works', async () => {
    expect(await runSql(page, 'SELECT period,\n  antal\nFRM placeringar')).toBe('error');
    const box = page.locator('#query-error');
    expect(await box.locator('.query-error__title').innerText()).toBe(w.error.heading);
    // The result of the query before is gone: the table always answers the query in the editor.
    expect(await page.locator('#result-grid').isVisible()).toBe(false);
    // DuckDB reads FRM as an alias of antal, so it points at the table name: rad 3, tecken 5.
    expect(await box.locator('pre').innerText()).toBe('Parser Error: syntax error at or near "placeringar"\n\nLINE 3: FRM placeringar\n            ^');
    expect(await box.locator('.query-error__where').innerText()).toBe(w.error.at(3, 5));
    expect(await page.locator('#sql-editor .cm-sql-error').innerText()).toBe('placeringar');
    expect(await page.getAttribute('#sql-editor .cm-content', 'aria-invalid')).toBe('true');
    // A binder error (plain text with LINE and a caret) is placed too.
    expect(await runSql(page, 'SELECT period, antal_x\nFROM placeringar')).toBe('error');
    expect(await page.locator('#sql-editor .cm-sql-error').innerText()).toBe('antal_x');
    expect(await box.locator('.query-error__where').innerText()).toBe(w.error.at(1, 16));
    // Typing removes the mark; a good query runs.
    expect(await runSql(page, 'SELECT 1 AS ett')).toBe('done');
    expect(await box.innerText()).toBe('');
    expect(await page.locator('#sql-editor .cm-sql-error').count()).toBe(0);
  });

  test('results: the type under each name, sorted by a click on the name (aria-sort), a column\'s profile on demand', async () => {
    expect(await runSql(page, "SELECT * FROM (VALUES ('b', 2, 1.5), ('a', 10, NULL), ('c', NULL, 0.25), ('a', 1, 2.0)) t(namn, tal, andel)")).toBe('done');
    expect(await page.$$eval('#result-grid thead .grid__type', (els) => els.map((e) => e.textContent))).toEqual(['VARCHAR', 'INTEGER', 'DOUBLE']);
    const th = page.locator('#result-grid thead th').nth(1);
    await th.locator('.grid__sort').click();
    expect(await th.getAttribute('aria-sort')).toBe('ascending');
    expect((await grid(page)).rows.map((r) => r[1])).toEqual(['1', '2', '10', 'NULL']);
    await th.locator('.grid__sort').click();
    expect(await th.getAttribute('aria-sort')).toBe('descending');
    expect((await grid(page)).rows.map((r) => r[1])).toEqual(['10', '2', '1', 'NULL']);
    await page.locator('#result-grid thead th').nth(0).locator('.grid__sort').click();
    expect((await grid(page)).rows.map((r) => r[0])).toEqual(['a', 'a', 'b', 'c']);
    expect(await th.getAttribute('aria-sort')).toBe('none');
    // The profile of "namn": four rows, three values, no NULL, a to c, "a" twice.
    await page.getByRole('button', { name: w.results.profileFor('namn') }).click();
    const profile = page.locator('#column-profile');
    expect(await profile.locator('h3').innerText()).toBe(w.results.profileHeading('namn', 'VARCHAR'));
    expect(await profile.locator('dd').allInnerTexts()).toEqual(['4', '3', '0', 'a', 'c']);
    expect(await profile.locator('tbody tr').first().innerText()).toMatch(/^a\s+2$/);
    await page.getByRole('button', { name: w.results.profileFor('tal') }).click();
    expect(await profile.locator('dd').allInnerTexts()).toEqual(['4', '3', '1', '1', '10']);
  });

  test('on a 1280×800 screen the result is in view after a run, above the examples', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await runSql(page, 'SELECT range AS n FROM range(50)')).toBe('done');
    await expect.poll(() => page.locator('#result-grid table').getAttribute('aria-rowcount')).toBe('51');
    await expect.poll(async () => (await page.locator('#result-grid').boundingBox())?.y ?? 9999).toBeLessThan(680);
    const box = await page.locator('#result-grid').boundingBox();
    const examples = await page.locator('#examples, .examples').first().boundingBox();
    const scrolled = await page.evaluate(() => window.scrollY);
    expect(box).not.toBeNull();
    // The first rows are on screen without the analyst scrolling.
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + 120).toBeLessThan(800);
    if (examples) expect(examples.y).toBeGreaterThan(box!.y);
    console.log(`Utforska: at 1280×800 the result grid starts ${Math.round(box!.y)} px from the top of the view (page scrolled ${scrolled} px)`);
  });

  test('Ctrl+Enter runs the query in the editor', async () => {
    await sqlBox(page).fill('SELECT 40 + 2 AS svar');
    await sqlBox(page).press('Control+Enter');
    expect(await waitForRun(page)).toBe('done');
    expect((await grid(page)).rows).toEqual([['42']]);
  });

  test('the editor: DuckDB\'s own keywords, names completed from the live schema, brackets matched, labelled, Tab leaves it', async () => {
    const box = sqlBox(page);
    expect(await box.getAttribute('aria-label')).toBe(w.editor.label);
    expect(await box.getAttribute('aria-description')).toBe(w.editor.hint);
    // SUMMARIZE and QUALIFY are DuckDB's words (from duckdb_keywords() of the engine in the page), not PostgreSQL's.
    await box.fill('SUMMARIZE placeringar;\nSELECT * FROM placeringar QUALIFY true');
    const keywords = await page.$$eval('#sql-editor .tok-keyword', (els) => els.map((e) => e.textContent));
    expect(keywords).toEqual(expect.arrayContaining(['SUMMARIZE', 'SELECT', 'FROM', 'QUALIFY']));
    // A table name completes as it is typed, and so does a column after its table's name.
    await box.fill('SELECT * FROM ');
    await box.press('End');
    await box.pressSequentially('placeri');
    await expect.poll(() => page.locator('#sql-editor .cm-tooltip-autocomplete li').allInnerTexts()).toContain('placeringar');
    await box.press('Escape');
    await box.fill('SELECT placeringar.');
    await box.press('End');
    await box.pressSequentially('placeringsf');
    await expect.poll(() => page.locator('#sql-editor .cm-tooltip-autocomplete li').allInnerTexts()).toContain('placeringsform');
    // By keyboard: the first choice is selected; Enter takes it (after CodeMirror's short pause against accidental picks).
    await page.waitForTimeout(250);
    await box.press('Enter');
    expect(await page.inputValue('#sql')).toBe('SELECT placeringar.placeringsform');
    // The bracket at the caret and its partner are marked.
    await box.fill('SELECT (1 + (2 * 3))');
    await box.press('End');
    await expect.poll(() => page.locator('#sql-editor .cm-matchingBracket').count()).toBe(2);
    // Tab moves on to the next control; the editor keeps no keyboard trap.
    await box.focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('run');
  });

  test('a long query can be cancelled, and the next one works', async () => {
    await sqlBox(page).fill('SELECT sum(a.range * b.range) AS s FROM range(200000) a, range(200000) b');
    await page.getByRole('button', { name: w.editor.run, exact: true }).click();
    await page.waitForFunction(() => document.getElementById('explore')?.dataset.state === 'running');
    await page.waitForTimeout(700);
    expect(await page.getAttribute('#explore', 'data-state')).toBe('running');
    const started = Date.now();
    await page.getByRole('button', { name: w.editor.cancel }).click();
    expect(await waitForRun(page)).toBe('cancelled');
    const took = Date.now() - started;
    expect(await status(page)).toBe(w.status.cancelled);
    expect(took).toBeLessThan(10_000);
    console.log(`Utforska: cancelled a 4·10^10-row cross join ${took} ms after the click`);
    expect(await runSql(page, 'SELECT 7 * 6 AS svar')).toBe('done');
    expect((await grid(page)).rows).toEqual([['42']]);
  });

  test('a CPU-bound query that DuckDB does not interrupt is stopped within 2 s by restarting the engine, which is said before and after', async () => {
    expect(await runSql(page, 'CREATE TABLE egen_forlorad AS SELECT 1 AS x')).toBe('done');
    await sqlBox(page).fill('SELECT count(*) FROM range(1000000) a, range(1000000) b WHERE a.range + b.range = -1');
    await page.getByRole('button', { name: w.editor.run, exact: true }).click();
    await page.waitForFunction(() => document.getElementById('explore')?.dataset.state === 'running');
    await page.waitForTimeout(500);
    // Before: the cancel button's description says what a restart costs.
    const cancel = page.getByRole('button', { name: w.editor.cancel });
    expect(await cancel.getAttribute('aria-describedby')).toBe('cancel-hint');
    expect(await page.locator('#cancel-hint').innerText()).toBe(w.editor.cancelHint);
    const started = Date.now();
    await cancel.click();
    await page.waitForSelector('#explore[data-state="cancelled"], #explore[data-state="starting"], #explore[data-state="ready"]', { timeout: 10_000 });
    const stopped = Date.now() - started;
    await page.waitForSelector('#explore[data-state="ready"]', { timeout: 30_000 });
    const ready = Date.now() - started;
    console.log(`Utforska: a CPU-bound query cancelled ${stopped} ms after the click; engine restarted and ready after ${ready} ms`);
    expect(stopped).toBeLessThan(2000);
    // The fresh engine's start (download from the browser's cache, compile, attach) depends on the machine.
    expect(ready).toBeLessThan(30_000);
    expect(await page.locator('.note--restarted').innerText()).toBe(w.status.engineRestarted);
    expect(await page.getByRole('button', { name: w.editor.run, exact: true }).isDisabled()).toBe(false);
    // The own table is gone, the published ones answer.
    expect(await page.locator('#schema-list [data-object="egen_forlorad"]').count()).toBe(0);
    expect(await runSql(page, 'SELECT count(*) AS n FROM placeringar')).toBe('done');
    const n = (await expected('SELECT count(*) AS n FROM pub_placeringar.placeringar'))[0].n as number;
    expect((await grid(page)).rows).toEqual([[formatNumber(n)]]);
  });

  test('the published tables are read-only, and no own table or view can take a published name', async () => {
    expect(await runSql(page, 'DELETE FROM placeringar')).toBe('error');
    expect(await page.locator('#query-error pre').innerText()).toMatch(/read-only|read only/i);
    const published = await expected('SELECT sum(antal) AS n FROM pub_placeringar.placeringar');
    // The hostile link's statement: refused before anything runs, its name marked in the editor.
    for (const sql of [
      'CREATE OR REPLACE TABLE placeringar AS SELECT * REPLACE (antal * 10 AS antal) FROM pub_placeringar.placeringar;\nSELECT sum(antal) AS n FROM placeringar',
      'CREATE TEMP TABLE placeringar AS SELECT 1 AS antal',
      'CREATE TABLE egen AS SELECT 1 AS antal; ALTER TABLE egen RENAME TO placeringar',
    ]) {
      expect(await runSql(page, sql), sql).toBe('error');
      expect(await page.locator('#query-error .query-error__where').innerText()).toBe(w.guard.refused('placeringar'));
      expect(await page.getAttribute('#sql-editor .cm-content', 'aria-invalid')).toBe('true');
      expect(await page.locator('#sql-editor .cm-sql-error').innerText()).toMatch(/^"?placeringar/);
    }
    expect(await runSql(page, 'SELECT sum(antal) AS n FROM placeringar')).toBe('done');
    expect((await grid(page)).rows).toEqual([[formatNumber(published[0].n as number)]]);
    // Made some other way (here straight on the engine, past the page's reading of the text): dropped after the next run, and said so.
    await page.evaluate(() =>
      (window as unknown as { socialstatistik: { workbench: { run(sql: string): Promise<unknown> } } }).socialstatistik.workbench.run(
        'CREATE TEMP TABLE placeringar AS SELECT 5680 AS antal',
      ),
    );
    expect(await runSql(page, 'SELECT 1 AS ett')).toBe('done');
    expect(await page.locator('.note--dropped').innerText()).toBe(w.guard.dropped('placeringar'));
    expect(await runSql(page, 'SELECT sum(antal) AS n FROM placeringar')).toBe('done');
    expect((await grid(page)).rows).toEqual([[formatNumber(published[0].n as number)]]);
    expect(await page.locator('.note--dropped').count()).toBe(0);
    const example = EXAMPLES.find((e) => e.id === 'placeringar-per-kvartal')!;
    expect(await runSql(page, example.sql)).toBe('done');
    expect((await grid(page)).rowCount).toBe((await expected(example.sql)).length);
    // Detaching a published catalog or changing the search path is put right after the query.
    expect(await runSql(page, "DETACH pub_ej_verkstallda_beslut; SET search_path = 'memory'")).toBe('done');
    expect(await page.locator('.note--restored').innerText()).toBe(w.status.restored);
    expect(await runSql(page, 'SELECT count(*) AS n FROM ej_verkstallda_beslut')).toBe('done');
    const n = (await expected('SELECT count(*) AS n FROM pub_ej_verkstallda_beslut.ej_verkstallda_beslut'))[0].n as number;
    expect((await grid(page)).rows).toEqual([[formatNumber(n)]]);
  });

  test('a query on a table that is not here (a shared link\'s own file) says so and offers to load a file as it', async () => {
    expect(await runSql(page, 'SELECT *\nFROM avsandarens_fil\nLIMIT 10')).toBe('error');
    const help = page.locator('#query-error .query-error__help');
    expect(await help.locator('p').innerText()).toBe(w.error.missingTable('avsandarens_fil'));
    await help.getByRole('button', { name: w.error.loadAs('avsandarens_fil') }).click();
    expect(await page.inputValue('#import-name')).toBe('avsandarens_fil');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('import-file');
    // The name asked for stays when the file is chosen, and the query then runs.
    await page.locator('#import-file').setInputFiles({ name: 'min export.csv', mimeType: 'text/csv', buffer: Buffer.from('a;b\n1;2\n') });
    await page.waitForSelector('#import[data-state="chosen"]');
    expect(await page.inputValue('#import-name')).toBe('avsandarens_fil');
    await page.getByRole('button', { name: w.import.load, exact: true }).click();
    await page.waitForSelector('#import[data-state="done"]', { timeout: 30_000 });
    expect(await runSql(page, 'SELECT *\nFROM avsandarens_fil\nLIMIT 10')).toBe('done');
    expect((await grid(page)).rows).toEqual([['1', '2']]);
  });

  test('an own file holding valid personal numbers gets a warning that says it stays in the browser', async () => {
    const text = 'id;namn;antal\n19121212\u20131212;Kalle;3\n20000101-0008;Lisa;4\n';
    await page.locator('#import-file').setInputFiles({ name: 'personer.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
    await page.waitForSelector('#import[data-state="chosen"]');
    await page.getByRole('button', { name: w.import.load, exact: true }).click();
    await page.waitForSelector('#import[data-state="done"]', { timeout: 30_000 });
    expect(await page.locator('.import-personal').innerText()).toBe(w.import.personalNumbers(2, 2, 'id'));
    expect(await page.locator('.import-personal').getAttribute('role')).toBe('alert');
  });

  test('nothing reaches another host, whatever the query asks', async () => {
    for (const sql of [
      "SELECT * FROM read_csv('https://example.com/x.csv')",
      "SET autoinstall_known_extensions = true; SET autoload_known_extensions = true; SELECT * FROM read_parquet('https://example.com/x.parquet')",
      'INSTALL httpfs; LOAD httpfs',
      "ATTACH 'https://example.com/x.duckdb' AS x",
    ]) {
      expect(await runSql(page, sql), sql).toBe('error');
    }
    expect(browser.foreignRequests).toEqual([]);
  });

  test('100 000 rows: counted, timed, drawn a screenful at a time, and scrolled to the end', async () => {
    const sql = "SELECT range AS n, range * 1.5 AS x, 'rad ' || range AS t FROM range(100000)";
    const started = Date.now();
    expect(await runSql(page, sql)).toBe('done');
    const ms = Date.now() - started;
    expect(await status(page)).toMatch(/^100\u00a0000\u00a0rader på \d/);
    const shown = await grid(page);
    expect(shown.rowCount).toBe(100_000);
    expect(shown.rows.length).toBeLessThan(200);
    expect(shown.rows[0]).toEqual(['0', '0', 'rad 0']);
    // Scroll through the whole table and measure the longest frame while doing it.
    const scroll = await page.evaluate(async () => {
      const el = document.getElementById('result-grid')!;
      const frame = () => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));
      let last = await frame();
      let worst = 0;
      const t0 = performance.now();
      for (let k = 1; k <= 40; k++) {
        el.scrollTop = (el.scrollHeight * k) / 40;
        const now = await frame();
        worst = Math.max(worst, now - last);
        last = now;
      }
      await frame();
      return { worst, total: performance.now() - t0 };
    });
    const end = await grid(page);
    expect(end.rows.at(-1)).toEqual(['99\u00a0999', '149\u00a0998,5', 'rad 99999']);
    // Drawing all 100 000 rows takes seconds; a screenful takes milliseconds (the bound leaves room for a busy machine).
    expect(scroll.worst).toBeLessThan(500);
    console.log(
      `Utforska: 100 000 rows from click to table ${ms} ms; scrolled top to bottom in 40 steps in ${Math.round(scroll.total)} ms, longest frame ${Math.round(scroll.worst)} ms`,
    );
  });

  test('a result beyond 500 000 rows stops there, and the page says so', async () => {
    expect(await runSql(page, 'SELECT range AS n FROM range(10000000)')).toBe('done');
    expect(await status(page)).toBe(w.status.truncated(500_000));
    expect((await grid(page)).rowCount).toBe(500_000);
  });

  test('export: CSV (BOM, ";", decimal comma, formulas neutralised) and Arrow, read back', async () => {
    const sql = `SELECT * FROM (VALUES
      ('=HYPERLINK("http://x")', 1.5, NULL, 'Öckerö'),
      ('+46 1', 2044, 'sekretess', '-3'),
      ('@SUM(A1)', NULL, NULL, 'a;b')) t(text, tal, markering, ort)`;
    expect(await runSql(page, sql)).toBe('done');
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: w.results.downloadCsv }).click()]);
    expect(csvDownload.suggestedFilename()).toMatch(/^utforska-resultat-\d{4}-\d{2}-\d{2}-\d{4}\.csv$/);
    const bytes = readFileSync((await csvDownload.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(
      [
        'text;tal;markering;ort',
        `"'=HYPERLINK(""http://x"")";1,5;;Öckerö`,
        "'+46 1;2044;sekretess;'-3",
        `'@SUM(A1);;;"a;b"`,
        '',
      ].join('\r\n'),
    );
    // The data profile: ",", decimal point, no BOM; the XLSX: text stays text, numbers numbers.
    const [dataDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: w.results.downloadCsvData }).click()]);
    expect(dataDownload.suggestedFilename()).toMatch(/-data\.csv$/);
    expect(readFileSync((await dataDownload.path())!, 'utf8')).toBe(
      ['text,tal,markering,ort', `"'=HYPERLINK(""http://x"")",1.5,,Öckerö`, "'+46 1,2044,sekretess,'-3", "'@SUM(A1),,,a;b", ''].join('\r\n'),
    );
    const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: w.results.downloadXlsx }).click()]);
    expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync((await xlsxDownload.path())!) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(2).getCell(1).value).toBe('=HYPERLINK("http://x")');
    expect(sheet.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getRow(2).getCell(2).value).toBe(1.5);
    expect(sheet.getRow(3).getCell(4).value).toBe('-3');
    expect(book.worksheets[1].name).toBe('Om uppgifterna');
    // JSON-stat: the text columns repeat no combination here, so the result is a cube.
    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: w.results.downloadJsonStat }).click()]);
    const ds = JSONstat(JSON.parse(readFileSync((await jsonDownload.path())!, 'utf8')));
    expect(ds.id).toEqual(['text', 'ort', 'matt']);
    expect(ds.Data({ text: '+46 1', ort: '-3', matt: 'tal' }).value).toBe(2044);
    const [arrowDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: w.results.downloadArrow }).click()]);
    expect(arrowDownload.suggestedFilename()).toMatch(/\.arrow$/);
    const table = tableFromIPC(readFileSync((await arrowDownload.path())!));
    expect(table.numRows).toBe(3);
    expect(table.schema.fields.map((f) => f.name)).toEqual(['text', 'tal', 'markering', 'ort']);
    expect(table.toArray().map((r) => r.toJSON())).toEqual([
      { text: '=HYPERLINK("http://x")', tal: 1.5, markering: null, ort: 'Öckerö' },
      { text: '+46 1', tal: 2044, markering: 'sekretess', ort: '-3' },
      { text: '@SUM(A1)', tal: null, markering: null, ort: 'a;b' },
    ]);
  });

  test('an own CSV (";", decimal comma, BOM, Windows line ends) becomes a table joined with a published one', async () => {
    const text = '\ufeffPeriod;Enhetskod;Kostnad (kr);Kommentar\r\n2016-Q1;9999;1 234,5;första\r\n2016K2;9999;99,25;*\r\n';
    await page.locator('#import-file').setInputFiles({ name: 'Mina kostnader.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
    await expect.poll(() => page.locator('#import-name').inputValue()).toBe('mina_kostnader');
    await page.getByRole('button', { name: w.import.load, exact: true }).click();
    await page.waitForSelector('#import[data-state="done"], #import[data-state="error"]', { timeout: 60_000 });
    expect(await page.getAttribute('#import', 'data-state')).toBe('done');
    expect(await page.locator('.import-status').innerText()).toMatch(/^Tabellen mina_kostnader är klar: 2\u00a0rader och 4\u00a0kolumner/);
    // It is in the table list, with its types from DuckDB.
    const own = page.locator('#schema-list [data-object="mina_kostnader"]');
    await expect.poll(() => own.count()).toBe(1);
    await own.locator('summary').click();
    expect(await own.locator('.schema__cols').innerText()).toMatch(/kostnad_kr\s+DOUBLE/);
    expect(await own.locator('[data-rows]').getAttribute('data-rows')).toBe('2');
    // The editor completes the new table's name and its columns.
    await sqlBox(page).fill('SELECT * FROM ');
    await sqlBox(page).press('End');
    await sqlBox(page).pressSequentially('mina_ko');
    await expect.poll(() => page.locator('#sql-editor .cm-tooltip-autocomplete li').allInnerTexts()).toContain('mina_kostnader');
    await sqlBox(page).press('Escape');
    const sql = `SELECT k.period, k.kostnad_kr, p.antal, k.kommentar
      FROM mina_kostnader k
      JOIN pub_placeringar.placeringar p ON p.enhetskod = k.enhetskod AND p.period = k.period
      WHERE p.placeringsform = 'totalt' AND p.kon = 'totalt' AND p.aldersgrupp = '0-20' AND p.avser = 'vid_periodens_slut'
      ORDER BY k.period`;
    expect(await runSql(page, sql)).toBe('done');
    const want = await expected(`SELECT period, antal FROM pub_placeringar.placeringar
      WHERE enhetskod = '9999' AND period IN ('2016-Q1', '2016-Q2') AND placeringsform = 'totalt' AND kon = 'totalt' AND aldersgrupp = '0-20' AND avser = 'vid_periodens_slut' ORDER BY period`);
    expect((await grid(page)).rows).toEqual([
      ['2016-Q1', '1\u00a0234,5', formatNumber(want[0].antal as number), 'första'],
      ['2016-Q2', '99,25', formatNumber(want[1].antal as number), '*'],
    ]);
  });

  test('a bad CSV says which line and why, and leaves no table behind', async () => {
    const text = 'enhetskod;antal\n0180;5\n0181;"6\n0182;7;8\n';
    await page.locator('#import-file').setInputFiles({ name: 'trasig.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
    await page.waitForSelector('#import[data-state="chosen"]');
    await page.locator('#import-name').fill('trasig');
    await page.getByRole('button', { name: w.import.load, exact: true }).click();
    await page.waitForSelector('#import[data-state="error"]', { timeout: 30_000 });
    expect(await page.locator('.import-error li').allInnerTexts()).toEqual([w.csv.line(3, w.csv.missingQuote)]);

    const extra = 'enhetskod;antal\n0180;5\n\n0182;7;8\n';
    await page.locator('#import-file').setInputFiles({ name: 'trasig.csv', mimeType: 'text/csv', buffer: Buffer.from(extra, 'utf8') });
    await page.waitForSelector('#import[data-state="chosen"]');
    await page.getByRole('button', { name: w.import.load, exact: true }).click();
    await page.waitForSelector('#import[data-state="error"]', { timeout: 30_000 });
    expect(await page.locator('.import-error li').allInnerTexts()).toEqual([w.csv.line(4, w.csv.tooMany(3, 2))]);
    expect(await page.locator('#schema-list [data-object="trasig"]').count()).toBe(0);

    // A name that would hide a published table is refused before anything is read.
    await page.locator('#import-name').fill('placeringar');
    await page.getByRole('button', { name: w.import.load, exact: true }).click();
    await page.waitForSelector('#import[data-state="invalid"]');
    expect(await page.locator('#import-name-error').innerText()).toBe(w.tableName.published('placeringar'));
    expect(await page.getAttribute('#import-name', 'aria-invalid')).toBe('true');
  });

  test('the history keeps the last queries in this browser; a reload starts clean', async () => {
    expect(await runSql(page, 'CREATE TABLE egen_historik AS SELECT 1 AS x')).toBe('done');
    expect(await runSql(page, 'SELECT 7 * 6 AS svar')).toBe('done');
    expect(await runSql(page, '-- Senaste\nSELECT x\nFROM egen_historik')).toBe('done');
    const reloaded = await openExplore(browser);
    const items = await reloaded.locator('#history .history__load').allTextContents();
    expect(items.slice(0, 3)).toEqual(['SELECT x', 'SELECT 7 * 6 AS svar', 'CREATE TABLE egen_historik AS SELECT 1 AS x']);
    // A reload starts clean: the own table is gone, the published ones are there.
    expect(await reloaded.locator('#schema-list [data-object="egen_historik"]').count()).toBe(0);
    expect(await reloaded.locator('#schema-list [data-object="pub_placeringar.placeringar"]').count()).toBe(1);
    await reloaded.locator('#history summary').click();
    await reloaded.locator('#history .history__load', { hasText: 'SELECT 7 * 6 AS svar' }).click();
    expect(await reloaded.locator('#sql').inputValue()).toBe('SELECT 7 * 6 AS svar');
    await reloaded.locator('#history .history__clear').click();
    expect(await reloaded.locator('#history .history__load').count()).toBe(0);
    await reloaded.close();
  });
});

describe('the query in the link', () => {
  test('a link opens the page with the query shown, run only when Kör is pressed; a too long query gets no link', async () => {
    const browser = await launchSiteBrowser({ siteUrl });
    try {
      const sql = "SELECT enhetsnamn, count(*) AS rader\nFROM placeringar\nWHERE enhetsnamn LIKE 'Exempel%' -- å ä ö & # ?\nGROUP BY ALL ORDER BY 1";
      const first = await openExplore(browser);
      expect(await runSql(first, sql)).toBe('done');
      const link = first.url();
      expect(link).toContain('#sql=');
      const want = await grid(first);
      await first.close();

      const second = await browser.newPage();
      const requested: string[] = [];
      second.on('request', (r) => requested.push(r.url()));
      await second.goto(link, { waitUntil: 'networkidle' });
      expect(await second.locator('#sql').inputValue()).toBe(sql);
      expect(await status(second)).toBe(w.status.fromLink);
      expect(await second.getAttribute('#explore', 'data-state')).toBe('idle');
      expect(await second.locator('#result-grid table').count()).toBe(0);
      expect(requested.filter((u) => /\.wasm$/.test(u))).toEqual([]);
      await second.getByRole('button', { name: w.editor.run, exact: true }).click();
      expect(await waitForRun(second)).toBe('done');
      expect(await grid(second)).toEqual(want);
      // A new query in the address (hashchange) is shown, not run: the table still answers the one run.
      const other = 'SELECT 99 AS annan';
      await second.evaluate((q) => (location.hash = new URLSearchParams({ sql: q }).toString()), other);
      await expect.poll(() => second.locator('#sql').inputValue()).toBe(other);
      expect(await status(second)).toBe(w.status.fromLink);
      expect(await grid(second)).toEqual(want);
      // Too long for a link: said so, and the address holds no stale query.
      await sqlBox(second).fill(`SELECT 1 -- ${'x'.repeat(7000)}`);
      await second.getByRole('button', { name: w.editor.copyLink }).click();
      expect(await status(second)).toBe(w.editor.linkTooLong(6000));
      expect(new URL(second.url()).hash).toBe('');
      await second.close();
    } finally {
      await closeChecked(browser, { errors: false });
    }
  });

  test('a hostile link that would replace placeringar runs nothing on load, and Kör refuses it: the figure stays the published one', async () => {
    const browser = await launchSiteBrowser({ siteUrl });
    try {
      const hostile = 'CREATE OR REPLACE TABLE placeringar AS SELECT * REPLACE (antal * 10 AS antal) FROM pub_placeringar.placeringar;\nSELECT sum(antal) AS n FROM placeringar';
      const page = await browser.newPage();
      await page.goto(`${pageUrl}#${new URLSearchParams({ sql: hostile })}`, { waitUntil: 'networkidle' });
      expect(await page.getAttribute('#explore', 'data-state')).toBe('idle');
      await page.getByRole('button', { name: w.editor.run, exact: true }).click();
      expect(await waitForRun(page)).toBe('error');
      expect(await page.locator('#query-error .query-error__where').innerText()).toBe(w.guard.refused('placeringar'));
      expect(await runSql(page, 'SELECT sum(antal) AS n FROM placeringar')).toBe('done');
      const published = await expected('SELECT sum(antal) AS n FROM pub_placeringar.placeringar');
      expect((await grid(page)).rows).toEqual([[formatNumber(published[0].n as number)]]);
    } finally {
      await closeChecked(browser, { errors: false });
    }
  });

  test('the editor opens with a real query that answers on Kör; an empty editor says there is nothing to run', async () => {
    const browser = await launchSiteBrowser({ siteUrl });
    try {
      const page = await browser.newPage();
      await page.goto(pageUrl, { waitUntil: 'networkidle' });
      expect(await page.locator('#sql').inputValue()).toBe(defaultQuery(DATASETS));
      expect(await page.getAttribute('#sql', 'placeholder')).toBeNull();
      await page.getByRole('button', { name: w.editor.run, exact: true }).click();
      expect(await waitForRun(page)).toBe('done');
      const shown = await grid(page);
      expect(shown.rowCount).toBe(Math.min(100, (await expected(defaultQuery(DATASETS).replace(/FROM placeringar/, 'FROM pub_placeringar.placeringar'))).length));
      expect(shown.rowCount).toBeGreaterThan(0);
      // After a result, axe finds no landmark named twice (the results section and its grid had one name).
      await page.evaluate(AXE_SOURCE);
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
        const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] });
        return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      expect(violations).toEqual([]);
      await sqlBox(page).fill('-- bara en kommentar\n');
      await page.getByRole('button', { name: w.editor.run, exact: true }).click();
      expect(await status(page)).toBe(w.editor.empty);
    } finally {
      await closeChecked(browser, { errors: false });
    }
  });
});

describe('the SQL field before the editor has loaded', () => {
  test('the page starts without the editor\'s code; a query typed at once runs, and the editor keeps its text, caret and focus, in the same place', async () => {
    const browser = await launchSiteBrowser({ siteUrl });
    try {
      const page = await browser.newPage();
      // The editor's code (CodeMirror) is held back, as on a slow line, until the test lets it through.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const editorCode: string[] = [];
      // Kept as promises, taken at the response itself: a body read after the check would be missed.
      const pageCodeBodies: Promise<string>[] = [];
      page.on('response', (r) => {
        if (/\/_astro\/page\.[^/]*\.js$/.test(r.url())) pageCodeBodies.push(r.text().catch(() => ''));
      });
      await page.route('**/_astro/editor.*.js', async (route) => {
        editorCode.push(route.request().url());
        await held;
        await route.fallback();
      });
      await page.goto(pageUrl, { waitUntil: 'load' });
      await expect.poll(() => status(page)).toBe(w.status.idle);
      // The page's own script is not the editor: CodeMirror comes in a chunk of its own.
      await expect.poll(() => pageCodeBodies.length).toBe(1);
      const pageCode = await Promise.all(pageCodeBodies);
      expect(pageCode[0]).not.toContain('cm-content');
      expect(await page.locator('#sql-editor .cm-content').count()).toBe(0);
      const field = page.locator('#sql');
      expect(await field.isVisible()).toBe(true);
      // The editor's box in the page (not in the view: a run scrolls to its answer).
      const place = () => page.$eval('.editor', (el) => ({ top: el.getBoundingClientRect().top + scrollY, height: el.getBoundingClientRect().height }));
      const before = await place();
      // Typed before the editor is there: the textarea is the field, and Ctrl+Enter runs it.
      await field.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('SELECT 6 * 7 AS svar');
      await page.keyboard.press('Control+Enter');
      expect(await waitForRun(page)).toBe('done');
      expect((await grid(page)).rows).toEqual([['42']]);
      expect(editorCode.length).toBe(1);
      // The caret after "7"; then the editor arrives and takes the text, the caret and the focus.
      for (let i = 0; i < ' AS svar'.length; i++) await page.keyboard.press('ArrowLeft');
      release();
      await page.locator('#sql-editor .cm-content').waitFor();
      expect(await field.isHidden()).toBe(true);
      expect(await page.locator('#sql-editor .cm-content').innerText()).toBe('SELECT 6 * 7 AS svar');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('sql-editor');
      // Nothing moved: the editor has the textarea's place and size.
      const after = await place();
      expect(Math.abs(after.top - before.top)).toBeLessThan(1);
      expect(Math.abs(after.height - before.height)).toBeLessThan(1);
      await page.keyboard.type('0');
      expect(await field.inputValue()).toBe('SELECT 6 * 70 AS svar');
      await page.keyboard.press('Control+Enter');
      expect(await waitForRun(page)).toBe('done');
      expect((await grid(page)).rows).toEqual([['420']]);
      // The editor is the editor: DuckDB's keywords highlighted.
      expect(await page.$$eval('#sql-editor .tok-keyword', (els) => els.map((e) => e.textContent))).toEqual(expect.arrayContaining(['SELECT', 'AS']));
    } finally {
      await closeChecked(browser, { errors: false });
    }
  });

  test('a visit alone loads the editor when the browser is idle, without a touch', async () => {
    const browser = await launchSiteBrowser({ siteUrl });
    try {
      const page = await browser.newPage();
      await page.goto(pageUrl, { waitUntil: 'load' });
      await page.locator('#sql-editor .cm-content').waitFor({ timeout: 10_000 });
      expect(await page.locator('#sql').isHidden()).toBe(true);
      expect(await page.locator('#sql-editor .cm-content').innerText()).toBe(defaultQuery(DATASETS));
      expect(await page.getAttribute('#explore', 'data-state')).toBe('idle');
    } finally {
      await closeChecked(browser, { errors: false });
    }
  });
});

describe('Utforska under the strict Content-Security-Policy', () => {
  test('editor, examples, chart, CSV worker and downloads work with nothing blocked', async () => {
    const browser = await launchSiteBrowser({ siteUrl, csp: STRICT_CSP });
    await browser.context.addInitScript(() => {
      const seen: string[] = [];
      Object.defineProperty(window, '__cspViolations', { value: seen });
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`));
    });
    const consoleCsp: string[] = [];
    try {
      const page = await browser.newPage();
      page.on('console', (m) => {
        if (/Content[ -]Security[ -]Policy|Refused to/i.test(m.text())) consoleCsp.push(m.text());
      });
      await page.goto(pageUrl, { waitUntil: 'networkidle' });
      await sqlBox(page).focus();
      await page.waitForSelector('#explore[data-state="ready"]', { timeout: 60_000 });
      for (const example of EXAMPLES) {
        await page.getByRole('button', { name: w.examples.runNamed(example.title) }).click();
        expect(await waitForRun(page)).toBe('done');
      }
      await expect.poll(() => page.locator('#quick-chart svg.ss-chart').count()).toBe(1);
      // The chart's styles come from the stylesheet (Plot's inline <style> is removed).
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('#quick-chart svg')!).maxWidth)).toBe('100%');
      await page.locator('#import-file').setInputFiles({ name: 'liten.csv', mimeType: 'text/csv', buffer: Buffer.from('a;b\n1;2,5\n') });
      await page.getByRole('button', { name: w.import.load, exact: true }).click();
      await page.waitForSelector('#import[data-state="done"]', { timeout: 30_000 });
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: w.results.downloadCsv }).click()]);
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
      // The Excel file is made by exceljs, loaded on demand: nothing of it is refused either.
      const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: w.results.downloadXlsx }).click()]);
      expect(readFileSync((await xlsx.path())!).subarray(0, 2).toString('latin1')).toBe('PK');
      // The editor's highlighting is styled (external stylesheet, not inline styles).
      expect(await page.evaluate(() => getComputedStyle(document.getElementById('sql-editor')!.shadowRoot!.querySelector('.tok-keyword')!).color)).toBe('rgb(31, 78, 121)');
      await page.waitForLoadState('networkidle');
      const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
      expect({ violations, consoleCsp, errors: browser.errors, foreign: browser.foreignRequests }).toEqual({ violations: [], consoleCsp: [], errors: [], foreign: [] });
    } finally {
      await browser.close();
    }
  });
});

describe('when WebAssembly cannot start, or JavaScript is off', () => {
  test('without WebAssembly the page says so plainly, and the examples and tables are still there', async () => {
    const browser = await launchSiteBrowser({ siteUrl, csp: STRICT_CSP.replace(" 'wasm-unsafe-eval'", '') });
    try {
      const page = await browser.newPage();
      await page.goto(pageUrl, { waitUntil: 'networkidle' });
      await sqlBox(page).focus();
      await page.waitForSelector('#explore[data-state="failed"]', { timeout: 30_000 });
      expect(await status(page)).toBe(`${sv.engine.wasmBlocked} ${w.error.engine}`);
      expect(await page.getByRole('button', { name: w.editor.run, exact: true }).isDisabled()).toBe(true);
      expect(await page.getByRole('button', { name: w.examples.runNamed(EXAMPLES[0].title) }).isDisabled()).toBe(true);
      expect(await page.locator('#schema-list [data-object]').count()).toBeGreaterThanOrEqual(DATASETS.length);
      expect(await page.locator('.example__table').count()).toBe(EXAMPLES.length);
      // The rest of the site is unaffected.
      const home = await browser.newPage();
      expect((await home.goto(siteUrl, { waitUntil: 'networkidle' }))?.status()).toBe(200);
      await page.waitForLoadState('networkidle');
    } finally {
      await browser.close();
    }
  });

  test('without JavaScript the examples are answered (from the build) and every table is listed', async () => {
    const browser = await launchSiteBrowser({ siteUrl, javaScriptEnabled: false });
    try {
      const page = await browser.newPage();
      await page.goto(pageUrl);
      expect(await page.locator('#workbench').isVisible()).toBe(false);
      expect(await page.locator('.note[data-needs-js]').innerText()).toBe(w.needsJs);
      for (const example of EXAMPLES) {
        const want = await expected(example.sql);
        const item = page.locator(`[data-example-id="${example.id}"]`);
        expect(await item.locator('table').getAttribute('data-rows')).toBe(String(want.length));
        await item.locator('.example__built summary').click();
        const first = await item.locator('tbody tr').first().locator('td').allInnerTexts();
        const columns = Object.keys(want[0]);
        expect(first).toHaveLength(columns.length);
        columns.forEach((c, i) => {
          const v = want[0][c];
          if (typeof v === 'number') expect(first[i]).toBe(/ar$/.test(c) ? String(v) : formatNumber(v, Number.isInteger(v) ? 0 : 1));
          else if (v === null) expect(first[i]).toMatch(/^(NULL|[×○◇] .+)$/);
          else expect(first[i]).toBe(String(v));
        });
      }
      const listed = await page.$$eval('#schema-list [data-object]', (els) => els.map((e) => e.getAttribute('data-object')));
      for (const d of DATASETS) expect(listed).toContain(`pub_${d}.${d}`);
    } finally {
      await browser.close();
    }
  });
});

describe('a large own file', () => {
  let dir = '';
  let file = '';
  let rows = 0;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'socialstatistik-explore-'));
    // Rows as an analyst's export: ";", decimal comma, a marker now and then.
    file = path.join(dir, 'stor.csv');
    const lines = ['\ufeffperiod;enhetskod;kostnad;antal'];
    for (let size = 0; size < 20 * 1024 * 1024; rows++) {
      const i = rows;
      const line = `${2016 + (i % 10)}-Q${(i % 4) + 1};${String(1400 + (i % 90)).padStart(4, '0')};${(i % 100000) / 4};${i % 17 === 0 ? '*' : i % 50}`.replace('.', ',');
      size += line.length + 2;
      lines.push(line);
    }
    writeFileSync(file, `${lines.join('\r\n')}\r\n`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a name typed while the engine starts is kept, not replaced by the one from the file name', async () => {
    const browser = await launchSiteBrowser({ siteUrl });
    try {
      const page = await browser.newPage();
      await page.goto(pageUrl, { waitUntil: 'networkidle' });
      // Choosing the file starts the engine (seconds); the name the page suggests comes after it.
      await page.locator('#import-file').setInputFiles({ name: 'kommuner.csv', mimeType: 'text/csv', buffer: Buffer.from('enhetskod;antal\n0180;5\n') });
      await page.locator('#import-name').fill('mina_enheter');
      await page.waitForSelector('#import[data-state="chosen"]', { timeout: 60_000 });
      expect(await page.inputValue('#import-name')).toBe('mina_enheter');
    } finally {
      await browser.close();
    }
  });

  test('a 20 MB CSV loads in the worker while the page keeps answering', async () => {
    const i = rows;
    const browser = await launchSiteBrowser({ siteUrl });
    try {
      const page = await chooseCsv(browser, file, 'stor');
      // A heartbeat on the page's own thread: the longest gap between timer ticks while the file loads.
      await page.evaluate(() => {
        const state = { worst: 0, last: performance.now(), stop: false, progress: 0, texts: new Set<string>() };
        (window as unknown as { __beat: typeof state }).__beat = state;
        const bar = document.querySelector<HTMLProgressElement>('#import progress')!;
        const text = document.querySelector('.import-status')!;
        const tick = () => {
          const now = performance.now();
          state.worst = Math.max(state.worst, now - state.last);
          state.last = now;
          // What the analyst sees meanwhile: the progress bar and its words.
          if (!bar.hidden) state.progress = Math.max(state.progress, bar.value);
          state.texts.add((text.textContent ?? '').replace(/\d+/g, 'N'));
          if (!state.stop) setTimeout(tick, 10);
        };
        setTimeout(tick, 10);
      });
      const started = Date.now();
      await page.getByRole('button', { name: w.import.load, exact: true }).click();
      await page.waitForSelector('#import[data-state="done"], #import[data-state="error"]', { timeout: 120_000 });
      const ms = Date.now() - started;
      const { worst, progress, texts } = await page.evaluate(() => {
        const beat = (window as unknown as { __beat: { worst: number; stop: boolean; progress: number; texts: Set<string> } }).__beat;
        beat.stop = true;
        return { worst: beat.worst, progress: beat.progress, texts: [...beat.texts] };
      });
      expect(progress).toBeGreaterThan(0.4);
      expect(texts).toContain(w.import.converting(0).replace(/\d+/g, 'N'));
      expect(await page.getAttribute('#import', 'data-state')).toBe('done');
      expect(await runSql(page, 'SELECT count(*) AS n, count(antal) AS tal, count(markering) AS markerade FROM stor')).toBe('done');
      const markers = Math.ceil(i / 17);
      expect((await grid(page)).rows).toEqual([[formatNumber(i), formatNumber(i - markers), formatNumber(markers)]]);
      console.log(`Utforska: ${formatNumber(i)} rows (20 MB CSV) read in ${ms} ms; longest pause of the page's thread ${Math.round(worst)} ms`);
      // Parsing 20 MB on the page's own thread takes seconds; in the worker the page never stops for long.
      expect(worst).toBeLessThan(1000);
    } finally {
      await browser.close();
    }
  });

  test('a load can be cancelled; no table is left', async () => {
    const browser = await launchSiteBrowser({ siteUrl });
    try {
      const page = await chooseCsv(browser, file, 'avbruten');
      await page.getByRole('button', { name: w.import.load, exact: true }).click();
      await page.waitForFunction(() => /%/.test(document.querySelector('.import-status')?.textContent ?? ''), null, { timeout: 30_000 });
      await page.getByRole('button', { name: w.import.cancel }).click();
      await page.waitForSelector('#import[data-state="cancelled"]', { timeout: 30_000 });
      expect(await page.locator('.import-status').innerText()).toBe(w.import.cancelled);
      expect(await runSql(page, "SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'avbruten'")).toBe('done');
      expect((await grid(page)).rows).toEqual([['0']]);
    } finally {
      await browser.close();
    }
  });
});
