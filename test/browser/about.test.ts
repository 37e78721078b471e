// "Om statistiken" in a real browser, built under the sub-path: the definitions carry the data contract's
// labels, the suppression threshold and hidden counts are the manifest's, every published row of the
// bundled data is accounted to a source, the invented figures are named, and nothing leaves the site.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { DECISION_STATUS_LABELS, MEASURE_LABELS, PLACEMENT_FORM_LABELS } from '../../src/data/schema.ts';
import type { PublishedManifest } from '../../src/queries/published.ts';
import { launchSiteBrowser, STRICT_CSP, type SiteBrowser } from './browser.ts';
import { closeClean } from './close-clean.ts';
import { JS_MODES } from './site-tools.ts';

const siteUrl = inject('siteUrl');
const siteDir = inject('siteDir');
const basePath = inject('basePath');
const manifest = JSON.parse(readFileSync(path.join(siteDir, 'data', 'manifest.json'), 'utf8')) as PublishedManifest;
const URL_ABOUT = `${siteUrl}om-statistiken/`;

describe.each(JS_MODES)('Om statistiken $label', ({ js }) => {
  let browser: SiteBrowser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchSiteBrowser({ siteUrl, javaScriptEnabled: js, csp: STRICT_CSP });
    page = await browser.newPage();
    const response = await page.goto(URL_ABOUT, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
  });

  afterAll(() => closeClean(browser));

  test('is in the menu, marked as the current page, under the base path', async () => {
    expect((await page.locator('h1').innerText()).trim()).toBe('Om statistiken');
    const current = page.locator('header nav a[aria-current="page"]');
    expect(await current.innerText()).toBe('Om statistiken');
    expect(new URL(await current.evaluate((a) => (a as HTMLAnchorElement).href)).pathname).toBe(`${basePath}om-statistiken/`);
    // The table of contents leads to every section.
    const targets = await page.$$eval('.about-toc a', (as) => as.map((a) => a.getAttribute('href')));
    for (const t of targets) expect(await page.locator(`section > h2${t}`).count(), String(t)).toBe(1);
  });

  test('defines every placement form, both measures and every status with the contract\'s labels', async () => {
    const forms = await page.$$eval('[data-definitions="placeringsform"] dt', (dts) => dts.map((d) => d.textContent?.trim()));
    expect(forms).toEqual(Object.values(PLACEMENT_FORM_LABELS));
    const measures = await page.$$eval('[data-definitions="avser"] dt', (dts) => dts.map((d) => d.firstChild?.textContent?.trim()));
    expect(measures).toEqual(Object.values(MEASURE_LABELS));
    const statuses = await page.$$eval('[data-definitions="status"] li', (lis) => lis.map((l) => l.textContent?.trim()));
    expect(statuses).toEqual(Object.entries(DECISION_STATUS_LABELS).filter(([k]) => k !== 'totalt').map(([, v]) => v));
    const text = await page.locator('#ej-verkstallda').locator('..').innerText();
    expect(text).toContain('inte har verkställts inom tre månader från beslutsdagen');
    expect(text).toContain('16 kap. 6 f § socialtjänstlagen (SoL) och 28 f §');
  });

  test('states the threshold and the hidden counts of the published data', async () => {
    const threshold = page.locator('[data-threshold]');
    expect(Number(await threshold.getAttribute('data-threshold'))).toBe(manifest.threshold);
    expect(await threshold.innerText()).toContain(`Antal från 1 till ${manifest.threshold - 1} publiceras aldrig`);
    const shown = await page.$$eval('.hidden-counts tbody tr', (rows) =>
      rows.map((tr) => [tr.getAttribute('data-dataset'), Number(tr.querySelector('[data-suppressed]')?.getAttribute('data-suppressed'))]),
    );
    const expected = manifest.datasets
      .filter((d) => ['placeringar', 'ej_verkstallda_beslut', 'natverkshemsandel'].includes(d.name))
      .map((d) => [d.name, d.suppressed]);
    expect(shown).toEqual(expected);
  });

  test('accounts every published row of the bundled data to a source', async () => {
    const perDataset = await page.$$eval('table.citations', (tables) =>
      tables.map((t) => [
        t.getAttribute('data-dataset'),
        [...t.querySelectorAll('[data-rows]')].reduce((sum, td) => sum + Number(td.getAttribute('data-rows')), 0),
      ]),
    );
    expect(perDataset.length).toBeGreaterThan(0);
    for (const [name, rows] of perDataset) {
      expect(rows, String(name)).toBe(manifest.datasets.find((d) => d.name === name)?.rows);
    }
    // Luleå's reports are the sources of its decisions, for 2025-Q2 to Q4.
    const lulea = page.locator('table.citations[data-dataset="ej_verkstallda_beslut"] tr[data-source="sol-2025q4"]');
    expect(await lulea.innerText()).toMatch(/kv.\u00a02\u00a02025–kv.\u00a04\u00a02025\s+Luleå\s+Nej/);
  });

  test('names the invented figures and the units that carry them', async () => {
    const invented = await page.locator('[data-invented]').innerText();
    expect(invented).toContain('Enheter med påhittade siffror: Exempelstad (påhittade siffror)');
    const inventedRows = await page.$$eval('table.citations tr', (rows) =>
      rows.filter((tr) => tr.lastElementChild?.textContent === 'Ja').map((tr) => tr.getAttribute('data-source')),
    );
    expect(new Set(inventedRows)).toEqual(new Set(['demo']));
  });
});
