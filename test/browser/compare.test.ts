// The comparison pages (Jämförelser) in headless Chromium, built from the bundled data under the
// sub-path: without JavaScript Stockholm's 13 districts by placement form for 2020 (source 004) in a real
// table sorted by code with the city's total 2 044 at the foot and the `*` cells as markers; with
// JavaScript (and the strict CSP) the table sorts by any column, a group chosen in the URL is answered by
// duckdb-wasm (Göteborgsregionen's shares with Härryda and Partille sekretess, Öckerö bortfall, source
// 001), the choices land in the URL, and the CSV and print are there.

import { describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openFilters, STRICT_CSP } from './browser.ts';
import { sharedBrowser } from './close-clean.ts';

const siteUrl = inject('siteUrl');
const NBSP = '\u00a0';

/** The unit table's rows: code, name and the cells as shown (a marker as its data-markering). */
function tableRows(page: Page, part: 'tbody' | 'tfoot' = 'tbody'): Promise<string[][]> {
  return page.$$eval(`[data-unit-table] table ${part} tr`, (trs) =>
    trs.map((tr) => [...tr.children].map((c) => c.getAttribute('data-markering') ?? (c.textContent ?? '').trim())),
  );
}

async function waitForEngine(page: Page): Promise<void> {
  await page.waitForSelector('[data-dashboard][data-engine="ready"]', { timeout: 45_000 });
}

describe('utan JavaScript', () => {
  const browser = sharedBrowser({ siteUrl, javaScriptEnabled: false });

  test("Stockholm's 13 districts by placement form for 2020, by code, the city's 2 044 at the foot, the * cells as markers", async () => {
    const page = await browser.newPage();
    expect((await page.goto(`${siteUrl}jamforelser/`, { waitUntil: 'networkidle' }))?.status()).toBe(200);
    expect(await page.locator('header nav a[aria-current="page"]').innerText()).toBe('Jämförelser');
    const rows = await tableRows(page);
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: 13 }, (_, i) => `0180-${String(i + 1).padStart(2, '0')}`));
    expect(rows[3]).toEqual(['0180-04', 'Bromma', '47', '38', '16', 'sekretess', '4', '0', '105']);
    expect(await tableRows(page, 'tfoot')).toEqual([['0180', 'Stockholm totalt', '817', '622', '307', '97', '193', '8', `2${NBSP}044`]]);
    expect(rows.flat().filter((c) => c === 'sekretess')).toHaveLength(12);
    // A hidden cell never shows a digit.
    for (const text of await page.$$eval('[data-unit-table] td[data-markering]', (tds) => tds.map((td) => td.textContent ?? ''))) expect(text).not.toMatch(/\d/);
    // What the totals include, in the source's words, and the table as CSV without JavaScript.
    expect(await page.locator('[data-unit-table]').innerText()).toContain('varje barn räknat en gång');
    const csv = decodeURIComponent((await page.getAttribute('[data-unit-table] a[data-download="csv"]', 'href'))?.split(',')[1] ?? '');
    expect(csv).toContain('0180;Stockholm totalt;817;622;307;97;193;8;2044');
    // The chart is drawn at build time: the districts' totals as bars.
    expect(await page.locator('figure[data-chart="jamforelse-totalt"] svg.ss-chart:visible').count()).toBe(1);
    expect(await page.locator('table[data-sortable] th button').count()).toBe(0);
    await page.close();
  });

  test('the other topics are prerendered too', async () => {
    const page = await browser.newPage();
    for (const p of ['jamforelser/natverkshem/', 'jamforelser/ej-verkstallda-beslut/']) {
      expect((await page.goto(`${siteUrl}${p}`, { waitUntil: 'networkidle' }))?.status(), p).toBe(200);
      expect(await page.locator('figure[data-chart] svg.ss-chart').count(), p).toBeGreaterThan(0);
      expect(await page.locator('[data-unit-table] table').count(), p).toBe(1);
    }
    await page.close();
  });
});

describe('med JavaScript', () => {
  const browser = sharedBrowser({ siteUrl, javaScriptEnabled: true, csp: STRICT_CSP });

  test('sorts by any column, the total staying at the foot, and back', async () => {
    const page = await browser.newPage();
    await page.goto(`${siteUrl}jamforelser/`, { waitUntil: 'networkidle' });
    await page.click('table[data-sortable] thead th:last-child button');
    expect(await page.getAttribute('table[data-sortable] thead th:last-child', 'aria-sort')).toBe('descending');
    expect((await tableRows(page)).map((r) => r[1]).slice(0, 3)).toEqual(['Rinkeby-Kista', 'Enskede-Årsta-Vantör', 'Hässelby-Vällingby']);
    expect((await tableRows(page, 'tfoot'))[0][1]).toBe('Stockholm totalt');
    await page.click('table[data-sortable] thead th:nth-child(2) button');
    expect((await tableRows(page)).map((r) => r[1])[0]).toBe('Bromma');
    await page.close();
  });

  test("a group in the URL: Göteborgsregionen's units without a share, each with the reason", async () => {
    const page = await browser.newPage();
    await page.goto(`${siteUrl}jamforelser/natverkshem/?grupp=14`);
    await waitForEngine(page);
    const missing = await page.$$eval('[data-region="missing"] li', (lis) => lis.map((li) => [li.getAttribute('data-markering'), li.textContent]));
    expect(missing).toEqual([
      ['sekretess', 'Härryda: skyddad av sekretess'],
      ['sekretess', 'Partille: skyddad av sekretess'],
      ['bortfall', 'Öckerö: bortfall (enheten har inte redovisat någon uppgift)'],
    ]);
    expect(await page.locator('figure[data-chart="jamforelse-andel"]').getAttribute('data-rendered')).toBe('browser');
    // Highlighting a unit is a choice in the URL too (the filters open from their one line).
    await openFilters(page);
    await page.selectOption('select[name="enhet"]', '1402');
    await page.click('form[data-filters] button[type="submit"]');
    await page.waitForFunction(() => location.search.includes('enhet=1402'));
    expect(new URL(page.url()).search).toBe('?enhet=1402&grupp=14');
    expect(await page.locator('[data-unit-table] tr[aria-current="true"]').getAttribute('data-enhet')).toBe('1402');
    // The table drawn anew sorts as well.
    expect(await page.locator('table[data-sortable] th button').count()).toBeGreaterThan(0);
    await page.close();
  });
});
