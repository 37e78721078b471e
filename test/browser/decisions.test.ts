// "Ej verkställda beslut" in a real browser, built under the sub-path: the prerendered default view
// without JavaScript; with JavaScript (and the strict CSP) a unit chosen in the URL is answered by
// duckdb-wasm from the published files, a filter change re-renders from it and lands in the URL, the URL
// gives the same view back, and a value hidden by the suppression is never shown as a number.

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { NodeRunner } from '../../src/queries/node-runner.ts';
import { launchSiteBrowser, openFilters, STRICT_CSP, type SiteBrowser } from './browser.ts';
import { closeClean, sharedBrowser } from './close-clean.ts';

const siteUrl = inject('siteUrl');
const siteDir = inject('siteDir');
const basePath = inject('basePath');
const PAGE = `${siteUrl}ej-verkstallda-beslut/`;
const NBSP = '\u00a0';
const q = (n: number, year = 2025) => `kv.${NBSP}${n}${NBSP}${year}`;
/** A published count as a table cell shows it: thousands with a no-break space, a hidden one as the marker in words. */
const asShown = (n: number | null) => (n === null ? `×${NBSP}Skyddad av sekretess` : String(n).replace(/\B(?=(\d{3})+$)/g, NBSP));

const FIGURES = ['beslut-totalt', 'beslut-verksamhet', 'beslut-insats-sol', 'beslut-insats-lss', 'beslut-kon', 'beslut-lage-sol', 'beslut-lage-lss'];

let data: NodeRunner;

beforeAll(async () => {
  // The published files the site serves, read back in Node: what the page must show.
  data = await NodeRunner.open(path.join(siteDir, 'data'));
});

afterAll(() => data?.close());

/** A law's published total for a unit and period, read straight from the published table. */
async function publishedTotal(unit: string, lag: 'SoL' | 'LSS', period: string, kon = 'totalt'): Promise<number | null> {
  const rows = await data.run<{ antal: number | null }>(
    `SELECT antal FROM ej_verkstallda_beslut WHERE enhetskod = ? AND lag = ? AND verksamhet = ? AND insats = 'totalt'
     AND kon = ? AND status = 'totalt' AND period = ?`,
    [unit, lag, lag === 'SoL' ? 'totalt' : '', kon, period],
  );
  expect(rows).toHaveLength(1);
  return rows[0].antal;
}

/** The rows of a figure's data table, as shown. */
function tableRows(page: Page, figure: string): Promise<string[][]> {
  return page.$$eval(`figure[data-chart="${figure}"] table tbody tr`, (trs) =>
    trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim())),
  );
}

/** The cells of a row of the comparison table, by law and row header. */
function comparisonRow(page: Page, law: string, label: string): Promise<string[]> {
  return page.$$eval(
    `[data-comparison="${law}"] tbody tr`,
    (trs, wanted) => {
      const tr = trs.find((r) => r.querySelector('th')?.textContent === wanted);
      return tr ? [...tr.querySelectorAll('td')].map((td) => td.getAttribute('data-antal') ?? td.getAttribute('data-markering') ?? '') : [];
    },
    label,
  );
}

/** Every cell a user reads as a number in the page's tables (data tables and comparison tables). */
function tableNumbers(page: Page): Promise<string[]> {
  return page.$$eval('main table td', (tds) =>
    tds.map((td) => (td.textContent ?? '').replace(/\u00a0/g, ' ').replace(/\*.*$/, '').trim()).filter((t) => /^\d[\d ]*$/.test(t)),
  );
}

async function hiddenCellsHaveNoDigits(page: Page): Promise<void> {
  const hidden = await page.$$eval('main td[data-markering="sekretess"]', (tds) => tds.map((td) => td.textContent ?? ''));
  expect(hidden.length).toBeGreaterThan(0);
  for (const text of hidden) expect(text).not.toMatch(/\d/);
}

async function waitForEngine(page: Page): Promise<void> {
  await page.waitForSelector('[data-dashboard][data-engine="ready"]', { timeout: 45_000 });
}

describe('utan JavaScript: the prerendered default view', () => {
  let browser: SiteBrowser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchSiteBrowser({ siteUrl, javaScriptEnabled: false });
    page = await browser.newPage();
    expect((await page.goto(PAGE, { waitUntil: 'networkidle' }))?.status()).toBe(200);
  });

  afterAll(() => closeClean(browser));

  test('shows every chart as SVG with its title, source, summary and table', async () => {
    expect((await page.locator('h1').innerText()).trim()).toBe('Ej verkställda beslut');
    expect(await page.locator('header nav a[aria-current="page"]').innerText()).toBe('Ej verkställda beslut');
    for (const id of FIGURES) {
      const figure = page.locator(`figure[data-chart="${id}"]`);
      expect(await figure.getAttribute('data-rendered'), id).toBe('build');
      expect(await figure.locator('svg.ss-chart:visible').count(), id).toBe(1);
      expect(await figure.locator('.chart-figure__source').innerText(), id).toMatch(/Källa|Källor/);
      expect((await figure.locator('[data-summary]').innerText()).length, id).toBeGreaterThan(20);
      expect(await figure.locator('table caption').count(), id).toBe(1);
    }
    // The filters need JavaScript: hidden, and the page says so.
    expect(await page.locator('form[data-filters]').isHidden()).toBe(true);
  });

  test('shows the default unit\'s published totals (a hidden one as the marker), and says they are invented', async () => {
    const state = JSON.parse((await page.getAttribute('[data-dashboard]', 'data-state')) ?? '{}') as Record<string, string>;
    const last = state.till;
    const rows = await tableRows(page, 'beslut-totalt');
    const [period, sol, lss] = rows[rows.length - 1];
    const [year, quarter] = last.split('-Q');
    expect(period).toBe(q(Number(quarter), Number(year)));
    expect(sol).toBe(asShown(await publishedTotal(state.enhet, 'SoL', last)));
    expect(lss).toBe(asShown(await publishedTotal(state.enhet, 'LSS', last)));
    expect(await page.locator('[data-region="notice"]').innerText()).toContain('påhittade');
  });

  test('has the comparison table with a caption, and no hidden value as a number', async () => {
    expect(await page.locator('[data-comparison="SoL"] caption').innerText()).toMatch(/jämförelse mellan tre kvartal$/);
    expect(await page.locator('[data-comparison="SoL"] thead th').count()).toBe(4);
    await hiddenCellsHaveNoDigits(page);
    expect((await tableNumbers(page)).filter((t) => /^[123]$/.test(t))).toEqual([]);
  });
});

describe('med JavaScript: choices answered by duckdb-wasm', () => {
  const browser = sharedBrowser({ siteUrl, csp: STRICT_CSP });

  test('Luleå chosen in the URL: the reports\' figures, re-rendered in the browser', async () => {
    const page = await browser.newPage();
    await page.goto(`${PAGE}?enhet=2580`);
    await waitForEngine(page);
    expect(await page.getAttribute('figure[data-chart="beslut-totalt"]', 'data-rendered')).toBe('browser');
    expect(await tableRows(page, 'beslut-totalt')).toEqual([
      [q(2), '83', '51'],
      [q(3), '109', '48'],
      [q(4), '111', '36'],
    ]);
    expect(await publishedTotal('2580', 'SoL', '2025-Q4')).toBe(111);
    expect(await page.locator('figure[data-chart="beslut-totalt"] .chart-figure__subtitle').innerText()).toContain('Luleå');
    expect(await comparisonRow(page, 'SoL', 'Totalt samtliga verksamheter')).toEqual(['83', '109', '111']);
    expect(await comparisonRow(page, 'LSS', '9.2 Biträde av personlig assistans')).toEqual(['sekretess', 'sekretess', 'sekretess']);
    expect(await page.locator('select[name="enhet"]').inputValue()).toBe('2580');
    expect(await page.locator('[data-region="notice"]').innerText()).toBe('');
    // The comparison table's download: the same rows, canonical periods, hidden values as words.
    const csvOf = async (law: string) => {
      const href = (await page.getAttribute(`[data-comparison="${law}"] a[data-download="csv"]`, 'href')) ?? '';
      return decodeURIComponent(href.slice(href.indexOf(',') + 1)).split('\r\n');
    };
    const sol = await csvOf('SoL');
    expect(sol[0]).toBe('\ufeffVerksamhet;Insats enligt SoL;2025-Q2;2025-Q3;2025-Q4');
    // Särskilt boende (ÄO) of kv. 4 2025 is hidden (with a status count below the threshold beside it).
    expect(sol).toContain('ÄO;Särskilt boende;48;69;Skyddad av sekretess');
    expect(sol).toContain('totalt;Totalt samtliga verksamheter;83;109;111');
    expect(await csvOf('LSS')).toContain(';9.2 Biträde av personlig assistans;Skyddad av sekretess;Skyddad av sekretess;Skyddad av sekretess');
    // Luleå's report has 1, 2 and 3 in many cells: none of them may show.
    await hiddenCellsHaveNoDigits(page);
    expect((await tableNumbers(page)).filter((t) => /^[123]$/.test(t))).toEqual([]);
    await page.close();
  });

  test('a filter change re-renders from the data and is kept in the URL, which gives the view back', async () => {
    const page = await browser.newPage();
    await page.goto(`${PAGE}?enhet=2580`);
    await waitForEngine(page);
    await openFilters(page);
    await page.selectOption('select[name="kon"]', 'kvinnor');
    await page.click('form[data-filters] button[type="submit"]');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('kon') === 'kvinnor');
    await waitForEngine(page);
    await page.waitForFunction(() => document.querySelectorAll('figure[data-chart="beslut-totalt"] tbody tr').length === 1);
    const women = [[q(4), String(await publishedTotal('2580', 'SoL', '2025-Q4', 'kvinnor')), String(await publishedTotal('2580', 'LSS', '2025-Q4', 'kvinnor'))]];
    expect(women).toEqual([[q(4), '63', '11']]);
    expect(await tableRows(page, 'beslut-totalt')).toEqual(women);
    expect(await page.locator('figure[data-chart="beslut-totalt"] .chart-figure__subtitle').innerText()).toContain('kvinnor');
    const url = new URL(page.url());
    expect(url.pathname).toBe(`${basePath}ej-verkstallda-beslut/`);
    expect(url.searchParams.get('enhet')).toBe('2580');

    // The same URL in a fresh page gives the same view.
    const again = await browser.newPage();
    await again.goto(url.href);
    await waitForEngine(again);
    expect(await again.locator('select[name="kon"]').inputValue()).toBe('kvinnor');
    expect(await tableRows(again, 'beslut-totalt')).toEqual(women);
    await again.close();

    // Another unit from the list: Solna's zero report.
    await openFilters(page);
    await page.selectOption('select[name="enhet"]', '0184');
    await page.selectOption('select[name="kon"]', 'totalt').catch(() => undefined);
    await page.click('form[data-filters] button[type="submit"]');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('enhet') === '0184');
    await waitForEngine(page);
    await page.waitForFunction(() => document.querySelector('figure[data-chart="beslut-totalt"] tbody tr th')?.textContent?.includes('2022'));
    expect(await tableRows(page, 'beslut-totalt')).toEqual([[q(3, 2022), '0']]);
    await page.close();
  });

  test('a unit that does not exist is named in the status line and the default is shown', async () => {
    const page = await browser.newPage();
    await page.goto(`${PAGE}?enhet=1234`);
    await waitForEngine(page);
    expect(await page.locator('[data-engine-messages]').innerText()).toContain('Enheten ”1234” finns inte i uppgifterna');
    await page.close();
  });
});
