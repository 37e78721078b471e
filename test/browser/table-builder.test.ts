// The page "Skapa tabell" in headless Chromium under the strict Content-Security-Policy, as a reader who
// does not write SQL uses it, by keyboard: a unit found by search, a period range, values ticked, a
// variable moved to the columns; the table's numbers checked against the published data read by DuckDB in
// Node, its th scope, markers and legend; the choice in the link (a reload or a colleague's page puts it in
// the form and draws the same table when "Visa tabell" is pressed); the recent tables kept over a reload;
// the SQL shown and opened in /utforska/; the downloads read back; and the page without JavaScript.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
// @ts-expect-error: the toolkit ships no types
import JSONstat from 'jsonstat-toolkit';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { formatCount, periodLabel } from '../../src/i18n/format.ts';
import { capitalize, markerText } from '../../src/i18n/text.ts';
import { tableBuilderWords as w } from '../../src/i18n/table-builder.ts';
import { PLACEMENT_FORM_LABELS } from '../../src/data/schema.ts';
import { markerGlyph } from '../../src/charts/theme.ts';
import { launchSiteBrowser, STRICT_CSP } from './browser.ts';
import { closeChecked, sharedBrowser } from './close-clean.ts';

const siteUrl = inject('siteUrl');
const siteDir = inject('siteDir');
const pageUrl = `${siteUrl}tabell/`;

let db: DuckDBConnection;
async function expected(sql: string): Promise<Record<string, unknown>[]> {
  const reader = await db.runAndReadAll(sql);
  return reader.getRowObjectsJS().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
}

beforeAll(async () => {
  const instance = await DuckDBInstance.create(':memory:');
  db = await instance.connect();
  for (const d of ['placeringar', 'enheter']) await db.run(`ATTACH '${path.join(siteDir, 'data', `${d}.duckdb`)}' AS pub_${d} (READ_ONLY)`);
  await db.run(`SET search_path = 'memory,pub_placeringar,pub_enheter'`);
});
afterAll(() => db?.closeSync());

async function waitForTable(page: Page): Promise<string> {
  await page.waitForFunction(() => {
    const s = document.getElementById('table-builder')?.dataset.state;
    return s && s !== 'idle' && s !== 'running';
  }, null, { timeout: 90_000 });
  return (await page.getAttribute('#table-builder', 'data-state')) ?? '';
}

/** A link's choice is in the form, the table not drawn and no query run, until "Visa tabell" is pressed. */
async function waitForChosen(page: Page, words = w.status.fromLink): Promise<void> {
  await page.waitForFunction(() => document.getElementById('table-builder')?.dataset.state === 'chosen', null, { timeout: 30_000 });
  expect(await page.locator('#builder-status').innerText()).toBe(words);
  expect(await page.locator('#builder-result').isHidden()).toBe(true);
  expect(await page.locator('#pivot-table').count()).toBe(0);
  expect(await page.locator('#builder-downloads').isHidden()).toBe(true);
}

/** The table as texts: the header rows and the body rows, each cell's text. */
function tableTexts(page: Page) {
  return page.evaluate(() => {
    const text = (row: Element) => [...row.children].map((c) => (c as HTMLElement).innerText.trim());
    const t = document.getElementById('pivot-table') as HTMLTableElement;
    return { head: [...t.tHead!.rows].map(text), body: [...t.tBodies[0].rows].map(text) };
  });
}

/** Tabs forward until `selector` has focus (at most `max` presses): it is reachable by keyboard. */
async function tabTo(page: Page, selector: string, max = 400): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${selector} not reached by Tab`);
}

const UNITS = ['9999-01', '9999-02'];
const PERIODS = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'];
const FORMS = ['skyddat_boende', 'totalt'];

describe('the table builder', () => {
  const browser = sharedBrowser({ siteUrl, csp: STRICT_CSP });
  let page: Page;
  let tableUrl = '';
  let firstTable = '';

  test('a reader chooses units by search, a period range and values by keyboard, and sees the published numbers', async () => {
    page = await browser.newPage();
    await page.goto(pageUrl, { waitUntil: 'networkidle' });
    expect(await page.locator('[data-needs-js]').isHidden()).toBe(true);
    await tabTo(page, '#builder-dataset');
    expect(await page.locator('#builder-dataset').inputValue()).toBe('placeringar');

    // Units: the default one unticked, two found by search and ticked with Space.
    for (const box of await page.locator('input[name="enhetskod"]:checked').all()) {
      await box.focus();
      await page.keyboard.press('Space');
    }
    await page.locator('#unit-search').focus();
    await page.keyboard.type('9999-0');
    expect(await page.locator('[data-values="enhetskod"] > li:not([hidden])').count()).toBe(3);
    expect(await page.locator('#unit-search-count').innerText()).toMatch(/^3 av \d+ enheter visas$/);
    for (const code of UNITS) {
      await page.locator(`input[name="enhetskod"][value="${code}"]`).focus();
      await page.keyboard.press('Space');
    }
    await page.locator('#period-from').selectOption('2025-Q1');
    await page.locator('#period-to').selectOption('2025-Q4');
    await page.locator('button[data-none="placeringsform"]').focus();
    await page.keyboard.press('Enter');
    for (const form of FORMS) {
      await page.locator(`input[name="placeringsform"][value="${form}"]`).focus();
      await page.keyboard.press('Space');
    }
    await page.locator('input[name="kon"][value="totalt"]').focus();
    await page.keyboard.press('Space');
    await page.locator('input[name="kon"][value="flickor"]').focus();
    await page.keyboard.press('Space');
    expect(await page.locator('[data-count="enhetskod"]').innerText()).toMatch(/^2 av \d+ valda$/);
    await tabTo(page, '#builder-show');
    await page.keyboard.press('Enter');
    expect(await waitForTable(page)).toBe('done');

    const rows = await expected(
      `SELECT d.enhetskod, e.enhetsnamn, placeringsform, period, antal, markering FROM placeringar d JOIN enheter e USING (enhetskod)
       WHERE enhetskod IN ('9999-01', '9999-02') AND period BETWEEN '2025-Q1' AND '2025-Q4' AND placeringsform IN ('skyddat_boende', 'totalt')
         AND kon = 'flickor' AND aldersgrupp = '0-20' AND avser = 'vid_periodens_slut'`,
    );
    expect(rows.length).toBe(UNITS.length * PERIODS.length * FORMS.length);
    const { head, body } = await tableTexts(page);
    expect(head).toEqual([[w.variables.enhetskod, w.variables.placeringsform, ...PERIODS.map((p) => periodLabel(p))]]);
    const want = UNITS.flatMap((u) =>
      FORMS.map((f) => {
        const name = rows.find((r) => r.enhetskod === u)?.enhetsnamn as string;
        const cells = PERIODS.map((p) => {
          const r = rows.find((x) => x.enhetskod === u && x.placeringsform === f && x.period === p)!;
          return r.antal === null ? `${markerGlyph(r.markering as string).text} ${capitalize(markerText(r.markering as string))}` : formatCount(r.antal as number);
        });
        return [name, PLACEMENT_FORM_LABELS[f as keyof typeof PLACEMENT_FORM_LABELS], ...cells];
      }),
    );
    const plain = (t: string[][]) => t.map((r) => r.map((c) => c.replace(/\u00a0/g, ' ')));
    expect(plain(body)).toEqual(plain(want));
    expect(await page.locator('#pivot-table thead th[scope="col"]').count()).toBe(2 + PERIODS.length);
    expect(await page.locator('#pivot-table tbody th[scope="row"]').count()).toBe(UNITS.length * FORMS.length * 2);
    expect(await page.locator('#pivot-caption').innerText()).toContain('Kön: Flickor');
    if (rows.some((r) => r.antal === null)) {
      expect(await page.locator('#pivot-table td[data-markering]').count()).toBe(rows.filter((r) => r.antal === null).length);
      expect(await page.locator('.pivot__legend').innerText()).toContain(capitalize(markerText('sekretess')));
    }
    expect(await page.locator('#pivot-table .pivot__total-row').count()).toBe(UNITS.length);
    expect(await page.locator('#builder-status').innerText()).toMatch(/^Tabellen har 4 rader och 4 kolumner/);
    tableUrl = page.url();
    firstTable = await page.locator('#builder-result').innerHTML();
  });

  test('the whole choice is in the link: a reload shows the same choice, and its table when the reader asks', async () => {
    expect(new URL(tableUrl).hash).toContain('tabell=placeringar');
    expect(decodeURIComponent(new URL(tableUrl).hash)).toContain('enhetskod=9999-01&enhetskod=9999-02');
    await page.reload({ waitUntil: 'networkidle' });
    await waitForChosen(page);
    // The whole choice is back in the form.
    const checked = (name: string) => page.locator(`input[name="${name}"]:checked`).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(await checked('enhetskod')).toEqual(UNITS);
    expect(await page.locator('#period-from').inputValue()).toBe('2025-Q1');
    expect(await page.locator('#period-to').inputValue()).toBe('2025-Q4');
    expect(await checked('placeringsform')).toEqual(FORMS);
    expect(await checked('kon')).toEqual(['flickor']);
    expect(await page.locator('#axis-enhetskod').inputValue()).toBe('rows');
    expect(await page.locator('#axis-period').inputValue()).toBe('columns');
    await page.locator('#builder-show').click();
    expect(await waitForTable(page)).toBe('done');
    expect(await page.locator('#builder-result').innerHTML()).toBe(firstTable);
    // A second page opened with the link, as a colleague would: nothing runs until "Visa tabell".
    const other = await browser.newPage();
    await other.goto(tableUrl, { waitUntil: 'networkidle' });
    await waitForChosen(other);
    await other.waitForTimeout(500);
    expect(await other.getAttribute('#table-builder', 'data-state')).toBe('chosen');
    await other.locator('#builder-show').click();
    expect(await waitForTable(other)).toBe('done');
    expect(await other.locator('#builder-result').innerHTML()).toBe(firstTable);
    await other.close();
  });

  test('the recent tables are kept over a reload, put a table\'s choice in the form, and can be cleared', async () => {
    const list = page.locator('#builder-recent-list');
    const items = () => list.locator('.history__load').allTextContents();
    // The table above, shown twice, is listed once: the dataset, its rows × columns and its periods.
    const label = `Placeringar: Enhet (2), Placeringsform × Period, ${periodLabel('2025-Q1')}–${periodLabel('2025-Q4')}`;
    expect(await items()).toEqual([label]);
    // A second table: the periods in rows.
    await page.locator('#axis-period').selectOption('rows');
    await page.locator('#builder-show').click();
    expect(await waitForTable(page)).toBe('done');
    await page.reload({ waitUntil: 'networkidle' });
    await waitForChosen(page);
    expect(await items()).toEqual([`Placeringar: Enhet (2), Placeringsform, Period × –, ${periodLabel('2025-Q1')}–${periodLabel('2025-Q4')}`, label]);
    await page.locator('#builder-show').click();
    expect(await waitForTable(page)).toBe('done');
    // Pressing the older one puts its choice in the form (and its link in the address), waiting for "Visa
    // tabell"; the table shown before goes with its downloads.
    await list.locator('summary').click();
    await list.locator('.history__load', { hasText: label }).click();
    await waitForChosen(page, w.status.fromRecent);
    expect(await page.locator('#axis-period').inputValue()).toBe('columns');
    expect(page.url()).toBe(tableUrl);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('builder-show');
    await page.keyboard.press('Enter');
    expect(await waitForTable(page)).toBe('done');
    expect(await page.locator('#builder-result').innerHTML()).toBe(firstTable);
    // Cleared, the list stays empty after a reload.
    await list.locator('.history__clear').click();
    expect(await items()).toEqual([]);
    expect(await list.locator('.history__empty').isVisible()).toBe(true);
    await page.reload({ waitUntil: 'networkidle' });
    await waitForChosen(page);
    expect(await items()).toEqual([]);
    expect(await list.locator('.history__clear').isHidden()).toBe(true);
    await page.locator('#builder-show').click();
    expect(await waitForTable(page)).toBe('done');
  });

  test('a variable moved to the columns nests under the periods (th scope="colgroup")', async () => {
    await page.locator('input[name="kon"][value="pojkar"]').check();
    await page.locator('#axis-kon').selectOption('columns');
    await page.locator('#builder-show').click();
    expect(await waitForTable(page)).toBe('done');
    const { head } = await tableTexts(page);
    expect(head[0].slice(1)).toEqual(PERIODS.map((p) => periodLabel(p)));
    expect(head[1].slice(2, 4)).toEqual(['Flickor', 'Pojkar']);
    expect(await page.locator('#pivot-table thead th[scope="colgroup"][colspan="2"]').count()).toBe(PERIODS.length);
    expect(decodeURIComponent(page.url())).toContain('kolumner=period,kon');
    // Eight columns: a marker is its glyph alone, an image a screen reader names in words.
    const hidden = await expected(
      `SELECT markering FROM placeringar WHERE enhetskod IN ('9999-01', '9999-02') AND period BETWEEN '2025-Q1' AND '2025-Q4'
         AND placeringsform IN ('skyddat_boende', 'totalt') AND kon IN ('flickor', 'pojkar') AND aldersgrupp = '0-20' AND avser = 'vid_periodens_slut' AND antal IS NULL`,
    );
    for (const code of new Set(hidden.map((r) => r.markering as string))) {
      const cells = page.locator(`#pivot-table td[data-markering="${code}"]`);
      expect(await cells.count()).toBe(hidden.filter((r) => r.markering === code).length);
      expect(await cells.getByRole('img', { name: capitalize(markerText(code)), exact: true }).count()).toBe(await cells.count());
      expect(new Set(await cells.evaluateAll((els) => els.map((e) => (e as HTMLElement).innerText.trim())))).toEqual(new Set([markerGlyph(code).text]));
    }
    expect(hidden.length).toBeGreaterThan(0);
    // Back to one sex for the downloads below.
    await page.goto(tableUrl);
    await page.reload({ waitUntil: 'networkidle' });
    await waitForChosen(page);
    await page.locator('#builder-show').click();
    expect(await waitForTable(page)).toBe('done');
  });

  test('"Visa SQL-frågan" shows the query that ran and opens it in /utforska/', async () => {
    await page.locator('#builder-sql > summary').click();
    const sql = await page.locator('#builder-sql-text').innerText();
    expect(sql).toMatch(/^SELECT enhetskod, placeringsform, period, antal, markering\nFROM placeringar\nWHERE enhetskod IN \('9999-01', '9999-02'\)/);
    // The same query in Node gives the same rows.
    expect((await expected(sql)).length).toBe(UNITS.length * PERIODS.length * FORMS.length);
    const href = (await page.locator('#builder-sql-link').getAttribute('href')) ?? '';
    expect(href).toMatch(/\/utforska\/#sql=/);
    await page.locator('#builder-sql-link').click();
    await page.waitForURL(/\/utforska\//);
    await page.waitForFunction(() => (document.getElementById('sql') as HTMLTextAreaElement | null)?.value.startsWith('SELECT'));
    expect(await page.locator('#sql').inputValue()).toBe(sql);
    await page.goBack({ waitUntil: 'networkidle' });
    await waitForChosen(page);
    await page.locator('#builder-show').click();
    expect(await waitForTable(page)).toBe('done');
  });

  test('downloads: CSV (Excel and data), XLSX with codes as text, JSON-stat read back', async () => {
    const save = async (kind: string) => {
      const [d] = await Promise.all([page.waitForEvent('download'), page.locator(`button[data-export="${kind}"]`).click()]);
      return { name: d.suggestedFilename(), bytes: readFileSync((await d.path()) as string) };
    };
    const csv = await save('csv');
    expect(csv.name).toMatch(/^tabell-placeringar-\d{4}-\d{2}-\d{2}-\d{4}\.csv$/);
    const text = csv.bytes.toString('utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(['Enhetskod', 'Enhet', 'Placeringsform', ...PERIODS.map((p) => periodLabel(p))].join(';'));
    expect(lines.length).toBe(1 + UNITS.length * FORMS.length);
    expect(lines[1].startsWith('9999-01;')).toBe(true);

    const data = await save('csv-data');
    expect(data.name).toMatch(/-data\.csv$/);
    expect(data.bytes.toString('utf8').split('\r\n')[0].startsWith('Enhetskod,Enhet,Placeringsform,')).toBe(true);

    const xlsx = await save('xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(2).getCell(1).value).toBe('9999-01');
    expect(sheet.rowCount).toBe(1 + UNITS.length * FORMS.length);
    const total = await expected(`SELECT antal FROM placeringar WHERE enhetskod = '9999-01' AND period = '2025-Q1' AND placeringsform = 'totalt' AND kon = 'flickor' AND aldersgrupp = '0-20' AND avser = 'vid_periodens_slut'`);
    expect(sheet.getRow(3).getCell(4).value).toBe(total[0].antal);
    expect(book.worksheets.length).toBe(2);

    const json = await save('jsonstat');
    const ds = JSONstat(JSON.parse(json.bytes.toString('utf8'))).Dataset(0);
    expect(ds.id).toEqual(['enhetskod', 'placeringsform', 'kon', 'aldersgrupp', 'avser', 'period']);
    expect(ds.Dimension('enhetskod').id).toEqual(UNITS);
    expect(ds.Data({ enhetskod: '9999-01', placeringsform: 'totalt', kon: 'flickor', aldersgrupp: '0-20', avser: 'vid_periodens_slut', period: '2025-Q1' }).value).toBe(total[0].antal);
  });

  test('a variable with nothing chosen is named, and no query runs', async () => {
    await page.locator('button[data-none="aldersgrupp"]').click();
    await page.locator('#builder-show').click();
    await page.waitForFunction(() => document.getElementById('table-builder')?.dataset.state === 'invalid');
    expect(await page.locator('#builder-status').innerText()).toBe(w.form.noValue('åldersgrupp'));
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('aldersgrupp');
    await page.close();
  });
});

describe('without JavaScript', () => {
  test('the page says it needs JavaScript and links to the prerendered tables', async () => {
    const browser = await launchSiteBrowser({ siteUrl, javaScriptEnabled: false });
    try {
      const page = await browser.newPage();
      await page.goto(pageUrl);
      const note = page.locator('[data-needs-js]');
      expect(await note.isVisible()).toBe(true);
      expect(await note.innerText()).toContain(w.needsJs);
      const links = await note.locator('a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
      expect(links).toEqual(expect.arrayContaining([expect.stringMatching(/\/placeringar\/$/), expect.stringMatching(/\/ej-verkstallda-beslut\/$/)]));
      for (const href of links) expect((await page.request.get(new URL(href, pageUrl).href)).status()).toBe(200);
      expect(await page.locator('#builder-form').isHidden()).toBe(true);
      // The menu lists the page; Utforska links to it.
      await page.goto(`${siteUrl}utforska/`);
      expect(await page.locator('main a[href$="/tabell/"]').count()).toBe(1);
      expect(await page.locator('nav a[href$="/tabell/"]').count()).toBe(1);
    } finally {
      await closeChecked(browser, { errors: false });
    }
  });
});
