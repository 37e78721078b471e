// The dashboard pages (Översikt, Placeringar, Nätverkshem) in headless Chromium, built under the sub-path
// /intranat/socialstatistik/: the prerendered charts and their numbers against the published data (queried
// here in Node with plain SQL), a filter change answered by duckdb-wasm and re-rendered in place, the URL
// state round trip, suppressed values never shown as numbers, downloads, print, and failure handling.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { JSDOM } from 'jsdom';
import ExcelJS from 'exceljs';
// @ts-expect-error: the toolkit ships no types
import JSONstat from 'jsonstat-toolkit';
import { NodeRunner } from '../../src/queries/node-runner.ts';
import type { UnitCatalogRow } from '../../src/queries/unit-catalogs.ts';
import { pickDefaultUnit } from '../../src/views/choices.ts';
import { launchSiteBrowser, openFilters, STRICT_CSP, type SiteBrowser } from './browser.ts';
import { sharedBrowser } from './close-clean.ts';
import { dashboard as words } from '../../src/i18n/dashboard.ts';
import { sv } from '../../src/i18n/sv.ts';

const siteUrl = inject('siteUrl');
const siteDir = inject('siteDir');

let db: NodeRunner;
/** One number (or marker) from the published data. */
async function one<T = number | null>(sql: string, params: unknown[] = []): Promise<T> {
  const rows = await db.run<Record<string, T>>(sql, params);
  if (rows.length !== 1) throw new Error(`expected one row from ${sql}, got ${rows.length}`);
  return Object.values(rows[0])[0];
}
/** A count formatted as the site shows it (no-break space between thousands). */
const shown = (n: number) => n.toLocaleString('sv-SE').replace(/\s/g, '\u00a0');

/**
 * The unit the Placeringar page shows without a choice: the site's rule over its published unit list (most
 * periods, then most published numbers). Which demo unit that is follows from the suppression pattern.
 */
let placementsDefault: UnitCatalogRow;
/** Another invented unit with quarters, for choosing a unit other than the default. */
let otherUnit: UnitCatalogRow;

beforeAll(async () => {
  db = await NodeRunner.open(path.join(siteDir, 'data'));
  const units = await db.run<UnitCatalogRow>('SELECT * FROM placeringar_enheter');
  placementsDefault = pickDefaultUnit(units)!;
  otherUnit = units.find((u) => u.pahittad && u.perioder > 1 && u.enhetskod !== placementsDefault.enhetskod)!;
});
afterAll(() => db?.close());

const PLACEMENT_TOTAL = `SELECT antal FROM placeringar WHERE enhetskod = ? AND period = ? AND placeringsform = 'totalt'
  AND kon = ? AND aldersgrupp = '0-20' AND avser = 'vid_periodens_slut'`;

async function rendered(page: Page, selector = 'figure[data-chart]'): Promise<string[]> {
  return page.$$eval(selector, (els) => els.map((e) => e.getAttribute('data-rendered') ?? ''));
}

async function waitForBrowserRender(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const figs = [...document.querySelectorAll('figure[data-chart]')];
      const status = document.querySelector('[data-engine-status]')?.getAttribute('data-state');
      return status === 'error' || (status === 'ready' && figs.length > 0 && figs.every((f) => f.getAttribute('data-rendered') === 'browser'));
    },
    null,
    { timeout: 60_000 },
  );
  expect(await page.getAttribute('[data-engine-status]', 'data-state')).toBe('ready');
}

/** Every text the engine status line shows from now on, in order. */
async function recordStatuses(page: Page): Promise<string[]> {
  const statuses: string[] = [];
  await page.exposeFunction('recordStatus', (s: string) => statuses.push(s));
  await page.evaluate(() => {
    const el = document.querySelector('[data-engine-status]')!;
    new MutationObserver(() => (window as unknown as { recordStatus(s: string): void }).recordStatus(el.textContent ?? '')).observe(el, {
      subtree: true, childList: true, characterData: true,
    });
  });
  return statuses;
}

async function summaries(page: Page): Promise<string[]> {
  return page.$$eval('figure[data-chart] [data-summary]', (els) => els.map((e) => e.textContent ?? ''));
}

/** Every data-table cell on the page (numbers and markers), as shown. */
async function cells(page: Page): Promise<{ text: string; markering: string | null }[]> {
  return page.$$eval('figure[data-chart] table td', (tds) => tds.map((td) => ({ text: td.textContent ?? '', markering: td.getAttribute('data-markering') })));
}

const PAGES = [
  { path: '', h1: 'Socialstatistik', figures: ['oversikt-placeringar', 'oversikt-natverkshem', 'oversikt-beslut'] },
  { path: 'placeringar/', h1: 'Placeringar', figures: ['placeringar-trend', 'placeringar-fordelning', 'placeringar-kon', 'placeringar-alder'] },
  { path: 'natverkshem/', h1: 'Nätverkshem', figures: ['natverkshem-andel', 'natverkshem-antal', 'natverkshem-jamforelse'] },
];

describe('the dashboard pages without JavaScript', () => {
  let browser: SiteBrowser;
  beforeAll(async () => {
    browser = await launchSiteBrowser({ siteUrl, javaScriptEnabled: false });
  });
  afterAll(async () => {
    expect(browser.foreignRequests).toEqual([]);
    await browser.close();
  });

  test.each(PAGES)('$h1: the first chart comes before the filter form, the unit list and the figures\' data in the HTML', ({ path: p }) => {
    // A browser draws what has arrived: on a slow line the first chart shows before the rest of the page.
    const html = readFileSync(path.join(siteDir, p, 'index.html'), 'utf8');
    const firstChartEnd = html.indexOf('</svg>', html.indexOf('class="plot-'));
    expect(firstChartEnd).toBeGreaterThan(0);
    const units = html.indexOf('<template data-filter-options="enhet">');
    expect(units).toBeGreaterThan(firstChartEnd);
    expect(html.indexOf('data-figure=')).toBeGreaterThan(firstChartEnd);
    // So is the filter form, which needs a script to be of use: the closed line before the chart is enough.
    expect(html.indexOf('<details class="filters-box')).toBeLessThan(firstChartEnd);
    expect(html.indexOf('data-filters method="get"')).toBeGreaterThan(firstChartEnd);
    // Its unit select carries only the chosen unit.
    const start = html.indexOf('name="enhet"');
    const select = html.slice(start, html.indexOf('</select>', start));
    expect(select.match(/<option/g)?.length).toBe(1);
  });

  test.each(PAGES)('$h1 shows its charts, summaries and tables as built', async ({ path: p, h1, figures }) => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(siteUrl + p, { waitUntil: 'networkidle' });
    expect((await page.locator('h1').innerText()).trim()).toBe(h1);
    expect(await page.$$eval('figure[data-chart]', (els) => els.map((e) => e.getAttribute('data-chart')))).toEqual(figures);
    expect(new Set(await rendered(page))).toEqual(new Set(['build']));
    // A chart with the data behind it drawn as SVG, a summary and a table; the filters need JavaScript.
    expect(await page.locator('figure[data-chart] svg.ss-chart').count()).toBeGreaterThanOrEqual(figures.length - 1);
    // One line says what is shown; opened, it says that choosing needs JavaScript.
    expect(await page.locator('[data-filters-box] > summary').innerText()).toMatch(/^Visar: .+ · (Byt enhet|Ändra urval)$/);
    await openFilters(page);
    expect(await page.locator('form[data-filters]').isVisible()).toBe(false);
    expect(await page.locator('.filters-noscript').isVisible()).toBe(true);
    expect(requests.some((u) => u.endsWith('.wasm') || u.endsWith('.duckdb'))).toBe(false);
    // Each figure's downloads are the CSV link only, on one line: no empty room kept for buttons that need a script.
    const rows = await page.$$eval('figure[data-chart] .chart-figure__downloads', (ps) =>
      ps.map((p) => ({ height: p.getBoundingClientRect().height, takesRoom: [...p.querySelectorAll('button')].filter((b) => b.getBoundingClientRect().height > 0).length })),
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.takesRoom).toBe(0);
      expect(r.height).toBeLessThan(60);
    }
    // Nothing inline that a strict Content-Security-Policy would refuse.
    const html = readFileSync(path.join(siteDir, p, 'index.html'), 'utf8');
    expect(html).not.toMatch(/\sstyle=|<style[\s>]|<script(?![^>]*\bsrc=)[^>]*>[^<]/);
    await page.close();
  });

  test('Placeringar: the summary, table and composition give the published numbers of the default (demo) unit', async () => {
    const page = await browser.newPage();
    await page.goto(`${siteUrl}placeringar/`);
    const unit = placementsDefault.enhetskod;
    expect(placementsDefault.pahittad).toBe(true);
    expect(await page.locator('figure[data-chart="placeringar-trend"] .chart-figure__subtitle').innerText()).toContain(placementsDefault.enhetsnamn);
    const latest = await one<string>(`SELECT max(period) FROM placeringar WHERE enhetskod = ?`, [unit]);
    const total = (await one(PLACEMENT_TOTAL, [unit, latest, 'totalt'])) as number;
    const before = (await one(PLACEMENT_TOTAL, [unit, '2025-Q3', 'totalt'])) as number;
    expect(latest).toBe('2025-Q4');
    const [trendSummary, compositionSummary] = await summaries(page);
    const change = total - before;
    expect(trendSummary).toContain(`Under kv.\u00a04\u00a02025 var antalet placerade barn och unga (totalt) ${shown(total)}, en ${change >= 0 ? 'ökning' : 'minskning'} med ${shown(Math.abs(change))} jämfört med kv.\u00a03\u00a02025`);
    const familjehem = (await one(`SELECT antal FROM placeringar WHERE enhetskod = ? AND period = '2025-Q4' AND placeringsform = 'familjehem' AND kon = 'totalt' AND aldersgrupp = '0-20' AND avser = 'vid_periodens_slut'`, [unit])) as number;
    expect(compositionSummary).toContain(`familjehem (${shown(familjehem)})`);
    // The table row of the latest period: the published total first.
    const lastRow = await page.$$eval('figure[data-chart="placeringar-trend"] tbody tr:last-child > *', (c) => c.map((x) => x.textContent));
    expect(lastRow.slice(0, 2)).toEqual(['kv.\u00a04\u00a02025', shown(total)]);
    // The page says plainly that the demo unit's figures are invented.
    expect(await page.locator('[data-region="notice"] .note--invented').innerText()).toContain('påhittade');
    expect(await page.locator('figure[data-chart="placeringar-trend"] .chart-figure__source').innerText()).toMatch(/^Påhittade siffror\./);
    await page.close();
  });

  test('Nätverkshem: the computed share, the national reference and the target come from the data', async () => {
    const page = await browser.newPage();
    await page.goto(`${siteUrl}natverkshem/`);
    const share = (await one(`SELECT andel FROM natverkshemsandel_beraknad WHERE enhetskod = '9999' AND period = '2025-Q4'`)) as number;
    const national = (await one(`SELECT andel FROM natverkshemsandel WHERE enhetskod = '00' AND typ = 'utfall' ORDER BY period DESC LIMIT 1`)) as number;
    const target = (await one(`SELECT andel FROM natverkshemsandel WHERE enhetskod = '9999' AND typ = 'mal' ORDER BY period DESC LIMIT 1`)) as number;
    const summary = (await summaries(page))[0];
    const pct = (x: number) => `${x.toFixed(1).replace('.', ',')}\u00a0%`;
    expect(summary).toContain(`Under kv.\u00a04\u00a02025 var andelen placerade i nätverkshem ${pct(share)}`);
    expect(summary).toContain(`Riket 2022: ${pct(national)}.`);
    expect(summary).toContain(`Mål 2025: ${pct(target)}.`);
    // The counts behind the share are in its table.
    const counts = await db.run<{ natverkshem: number; familjehem_alla: number }>(
      `SELECT natverkshem, familjehem_alla FROM natverkshemsandel_beraknad WHERE enhetskod = '9999' AND period = '2025-Q4'`,
    );
    const lastRow = await page.$$eval('figure[data-chart="natverkshem-andel"] tbody tr:last-child > *', (c) => c.map((x) => x.textContent));
    expect(lastRow).toEqual(['kv.\u00a04\u00a02025', pct(share), shown(counts[0].natverkshem), shown(counts[0].familjehem_alla)]);
    await page.close();
  });

  test('Översikt: the key figures give the latest quarter and its changes in words', async () => {
    const page = await browser.newPage();
    await page.goto(siteUrl);
    const total = (await one(PLACEMENT_TOTAL, ['9999', '2025-Q4', 'totalt'])) as number;
    const yearBefore = (await one(PLACEMENT_TOTAL, ['9999', '2024-Q4', 'totalt'])) as number;
    const card = page.locator('.key-figure[data-key="placeringar"]');
    expect(await card.locator('data').getAttribute('value')).toBe(String(total));
    const diff = total - yearBefore;
    expect(await card.locator('.key-figure__changes').innerText()).toContain(
      `${diff > 0 ? 'ökning' : diff < 0 ? 'minskning' : 'oförändrat'}${diff ? ` med ${shown(Math.abs(diff))}` : ''} från kv.\u00a04\u00a02024`,
    );
    // The decisions of each law: a published total as a number with its changes in words, a hidden one as
    // the marker in words and no number (the demo unit's SoL total of kv. 4 2025 is hidden to protect others).
    const decisions = (lag: string, period: string) =>
      one<number | null>(`SELECT antal FROM ej_verkstallda_beslut WHERE enhetskod = '9999' AND period = ? AND lag = ? AND insats = 'totalt'
        AND kon = 'totalt' AND status = 'totalt' AND verksamhet = ?`, [period, lag, lag === 'SoL' ? 'totalt' : '']);
    for (const lag of ['SoL', 'LSS']) {
      const law = page.locator(`.key-figure[data-key="beslut-${lag.toLowerCase()}"]`);
      const n = await decisions(lag, '2025-Q4');
      if (n === null) {
        expect(await law.locator('data').count(), lag).toBe(0);
        expect(await law.locator('.key-figure__value [data-markering="sekretess"]').innerText(), lag).toBe('Skyddad av sekretess');
        expect(await law.locator('.key-figure__changes').innerText(), lag).not.toMatch(/\d+ från/);
        continue;
      }
      expect(await law.locator('data').getAttribute('value'), lag).toBe(String(n));
      const quarterBefore = await decisions(lag, '2025-Q3');
      if (quarterBefore !== null) {
        const d = n - quarterBefore;
        expect(await law.locator('.key-figure__changes').innerText(), lag).toContain(
          `${d > 0 ? 'ökning' : d < 0 ? 'minskning' : 'oförändrat'}${d ? ` med ${shown(Math.abs(d))}` : ''} från kv.\u00a03\u00a02025`,
        );
      }
    }
    expect(await page.locator('figure[data-chart="oversikt-placeringar"] .chart-figure__link a').getAttribute('href')).toBe(`${new URL(siteUrl).pathname}placeringar/`);
    expect(await page.locator('a', { hasText: 'Mer om data och källor' }).count()).toBe(1);
    await page.close();
  });
});

describe('the dashboard pages with JavaScript', () => {
  const browser = sharedBrowser({ siteUrl, csp: STRICT_CSP });

  test('once the page is idle the engine starts with the page\'s data, and the view stays as built', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.context().on('request', (r) => requests.push(r.url()));
    await page.goto(`${siteUrl}placeringar/`, { waitUntil: 'load' });
    const engineOrData = () => requests.filter((u) => /\.wasm$|\.duckdb$/.test(u)).map((u) => u.split('/').pop()!.replace(/\.[\w-]+\.wasm$/, '.wasm'));
    await expect.poll(engineOrData, { timeout: 15_000 }).toEqual(expect.arrayContaining(['duckdb-eh.wasm', 'placeringar.duckdb']));
    await page.waitForLoadState('networkidle');
    // Nothing said and nothing redrawn: the engine waits for a choice.
    expect(new Set(await rendered(page))).toEqual(new Set(['build']));
    expect(await page.getAttribute('[data-engine-status]', 'data-state')).not.toBe('loading');
    expect(new URL(page.url()).search).toBe('');
    await page.close();
  });

  test('a filter change 3 s after load shows the new figures at once, without the engine\'s starting state', async () => {
    const page = await browser.newPage();
    await page.goto(`${siteUrl}placeringar/`, { waitUntil: 'load' });
    const statuses = await recordStatuses(page);
    await page.waitForFunction(() => performance.now() > (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd + 3000, null, {
      timeout: 20_000, polling: 100,
    });
    await openFilters(page);
    await page.selectOption('select[name="enhet"]', '9999-02');
    const clicked = Date.now();
    await page.getByRole('button', { name: 'Visa' }).click();
    await waitForBrowserRender(page);
    console.log(`duckdb-wasm: "Visa" 3 s after load to every figure re-rendered: ${Date.now() - clicked} ms`);
    // The engine had started and the data had come: the change never says it starts the engine or fetches
    // it or the data (on a quiet machine it says only that it computes; a busy one may still be opening the data).
    const { start, engine, data } = sv.engine.phase;
    const starting = [start, engine, data].map((t) => t.replace(/ …$/, ''));
    expect(statuses.filter((s) => starting.some((t) => s.startsWith(t)))).toEqual([]);
    expect(statuses).toContain(words.engine.working);
    const total = (await one(PLACEMENT_TOTAL, ['9999-02', '2025-Q4', 'totalt'])) as number;
    expect((await summaries(page))[0]).toContain(`Under kv.\u00a04\u00a02025 var antalet placerade barn och unga (totalt) ${shown(total)},`);
    const name = await one<string>(`SELECT enhetsnamn FROM enheter WHERE enhetskod = '9999-02'`);
    expect(await page.locator('[data-engine-status]').innerText()).toContain(`Klart. Visar ${name}`);
    await page.close();
  });

  test('the unit list offers every unit with figures, in groups, with the shown one chosen', async () => {
    const page = await browser.newPage();
    await page.goto(`${siteUrl}placeringar/`, { waitUntil: 'networkidle' });
    const units = await db.run<{ enhetskod: string }>('SELECT enhetskod FROM placeringar_enheter');
    const offered = await page.$$eval('select[name="enhet"] option', (os) => os.map((o) => (o as HTMLOptionElement).value));
    expect([...offered].sort()).toEqual(units.map((u) => u.enhetskod).sort());
    expect(await page.locator('select[name="enhet"] optgroup').count()).toBeGreaterThan(1);
    const state = JSON.parse((await page.getAttribute('[data-dashboard]', 'data-state'))!) as { enhet: string };
    expect(await page.inputValue('select[name="enhet"]')).toBe(state.enhet);
    expect(await page.locator('template[data-filter-options]').count()).toBe(0);
    await page.close();
  });


  test('the fields follow the unit at once, stay in place disabled with the reason, and keep a choice made meanwhile', async () => {
    const page = await browser.newPage();
    await page.goto(`${siteUrl}placeringar/`, { waitUntil: 'networkidle' });
    await openFilters(page);
    // A sex chosen right after a new unit, before its view has arrived, is kept.
    await page.selectOption('select[name="enhet"]', '9999-01');
    await page.selectOption('select[name="kon"]', 'flickor');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('enhet') === '9999-01', null, { timeout: 60_000 });
    await waitForBrowserRender(page);
    expect(await page.inputValue('select[name="kon"]')).toBe('flickor');
    await page.getByRole('button', { name: 'Visa' }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('kon') === 'flickor', null, { timeout: 30_000 });
    // A unit with one year only: no "Visa" needed; the fields without a choice stay, disabled, with why.
    await page.selectOption('select[name="enhet"]', '0180-01');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('enhet') === '0180-01', null, { timeout: 60_000 });
    await waitForBrowserRender(page);
    for (const name of ['fran', 'till', 'kon']) {
      const field = page.locator(`[data-field="${name}"]`);
      expect(await field.isVisible(), name).toBe(true);
      expect(await field.locator('select').isDisabled(), name).toBe(true);
      expect(await field.locator('[data-field-why]').innerText(), name).toBe('Går inte att välja: enheten har bara ett värde här.');
    }
    expect(await page.locator('[data-filters-shown]').innerText()).toContain('Rinkeby-Kista');
    // One period is drawn as bars, not as a line of one dot.
    const kind = await page.$eval('figure[data-chart="placeringar-trend"]', (f) => JSON.parse((f as HTMLElement).dataset.figure ?? '{}').recipe?.kind);
    expect(kind).toBe('bars');
    // Back to a unit with quarters (the default one): the fields are offered again at once.
    await page.selectOption('select[name="enhet"]', placementsDefault.enhetskod);
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('enhet'), null, { timeout: 60_000 });
    await waitForBrowserRender(page);
    for (const name of ['fran', 'till', 'kon']) {
      expect(await page.locator(`select[name="${name}"]`).isEnabled(), name).toBe(true);
      expect(await page.locator(`[data-field="${name}"] [data-field-why]`).innerText(), name).toBe('');
    }
    await page.close();
  });

  test('the URL state round trip: a shared address shows the same view', async () => {
    const started = Date.now();
    const lap = (what: string) => console.log(`round trip: ${what} after ${Date.now() - started} ms`);
    const page = await browser.newPage();
    await page.goto(`${siteUrl}placeringar/`, { waitUntil: 'networkidle' });
    await openFilters(page);
    await page.selectOption('select[name="enhet"]', '9999-03');
    await page.getByRole('button', { name: 'Visa' }).click();
    await waitForBrowserRender(page);
    await page.selectOption('select[name="fran"]', '2020-Q1');
    await page.selectOption('select[name="alder"]', '13-17');
    await page.getByRole('button', { name: 'Visa' }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('alder') === '13-17', null, { timeout: 30_000 });
    await waitForBrowserRender(page);
    await page.check('figure[data-chart="placeringar-trend"] input[value="area"]');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('visning') === 'ytor');
    const address = page.url();
    lap('first view');
    expect(new URL(address).search).toBe('?enhet=9999-03&fran=2020-Q1&alder=13-17&visning=ytor');
    const view = { summaries: await summaries(page), cells: await cells(page), svg: await page.locator('figure[data-chart="placeringar-trend"] svg').getAttribute('aria-label') };

    const second = await browser.newPage();
    await second.goto(address);
    await waitForBrowserRender(second);
    lap('second view');
    expect(second.url()).toBe(address);
    expect({ summaries: await summaries(second), cells: await cells(second), svg: await second.locator('figure[data-chart="placeringar-trend"] svg').getAttribute('aria-label') }).toEqual(view);
    expect(await second.inputValue('select[name="enhet"]')).toBe('9999-03');
    expect(await second.inputValue('select[name="fran"]')).toBe('2020-Q1');
    expect(await second.inputValue('select[name="alder"]')).toBe('13-17');
    expect(await second.isChecked('figure[data-chart="placeringar-trend"] input[value="area"]')).toBe(true);
    // Stacked areas: the description says so, and the total is not stacked on its parts.
    expect(await second.locator('figure[data-chart="placeringar-trend"] svg').getAttribute('aria-description')).toMatch(/^Ytdiagram med staplade ytor/);
    await second.close();
    await page.close();
  });

  test('suppressed values never show as numbers: the cell says why', async () => {
    const page = await browser.newPage();
    await page.goto(`${siteUrl}placeringar/?enhet=9999-01`);
    await waitForBrowserRender(page);
    const hidden = (await one(`SELECT count(*) FROM placeringar WHERE enhetskod = '9999-01' AND markering = 'sekretess'
      AND kon = 'totalt' AND aldersgrupp = '0-20' AND avser = 'vid_periodens_slut'`)) as number;
    expect(hidden).toBeGreaterThan(0);
    const trendCells = await page.$$eval('figure[data-chart="placeringar-trend"] td[data-markering="sekretess"]', (tds) => tds.map((td) => td.textContent));
    expect(trendCells.length).toBe(hidden);
    expect(new Set(trendCells)).toEqual(new Set(['×\u00a0Skyddad av sekretess']));
    const all = await cells(page);
    expect(all.length).toBeGreaterThan(100);
    expect(all.filter((c) => /^[123]$/.test(c.text.trim()))).toEqual([]);
    for (const c of all.filter((x) => x.markering)) expect(c.text).not.toMatch(/\d/);
    // The total that includes hidden parts says so.
    expect(await page.locator('figure[data-chart="placeringar-trend"] .chart-figure__note').allInnerTexts()).toContainEqual(
      expect.stringMatching(/^Totalen omfattar också placeringar vars antal är skyddade av sekretess/),
    );
    // The chart marks the gaps with a glyph and a legend, never a zero.
    expect(await page.locator('figure[data-chart="placeringar-trend"] svg .ss-missing').count()).toBeGreaterThan(0);
    expect(await page.locator('figure[data-chart="placeringar-trend"] svg').textContent()).toContain('Skyddad av sekretess');
    await page.close();
  });

  test('Nätverkshem: another unit, and the units without a share listed with why', async () => {
    const page = await browser.newPage();
    await page.goto(`${siteUrl}natverkshem/`, { waitUntil: 'networkidle' });
    await openFilters(page);
    await page.selectOption('select[name="enhet"]', '1401');
    await page.getByRole('button', { name: 'Visa' }).click();
    await waitForBrowserRender(page);
    const expected = await db.run<{ enhetsnamn: string; markering: string }>(
      `SELECT enhetsnamn, markering FROM natverkshemsandel WHERE period = '2022' AND typ = 'utfall' AND andel IS NULL ORDER BY enhetsnamn`,
    );
    const listed = await page.$$eval('[data-region="missing"] li', (lis) => lis.map((li) => [li.textContent, li.getAttribute('data-markering')]));
    const words: Record<string, string> = { sekretess: 'skyddad av sekretess', saknas: 'uppgift saknas' };
    expect(listed).toEqual(expected.map((r) => [`${r.enhetsnamn}: ${words[r.markering]}`, r.markering]));
    expect(await page.locator('figure[data-chart="natverkshem-jamforelse"] h2').innerText()).toBe('Jämförelse mellan enheter 2022');
    const comparison = await page.$$eval('figure[data-chart="natverkshem-jamforelse"] td', (tds) => tds.map((td) => td.textContent));
    expect(comparison.filter((t) => /\d/.test(t ?? ''))).toEqual([]);
    await page.close();
  });

  test('Översikt: another unit shows its own key figures and says what it lacks', async () => {
    const page = await browser.newPage();
    await page.goto(siteUrl, { waitUntil: 'networkidle' });
    await openFilters(page);
    await page.selectOption('select[name="enhet"]', '2580');
    await page.getByRole('button', { name: 'Visa' }).click();
    await waitForBrowserRender(page);
    const total = (lag: string) =>
      one(`SELECT antal FROM ej_verkstallda_beslut WHERE enhetskod = '2580' AND period = '2025-Q4' AND lag = ? AND insats = 'totalt'
        AND kon = 'totalt' AND status = 'totalt' AND verksamhet = ?`, [lag, lag === 'SoL' ? 'totalt' : '']);
    expect(await page.locator('.key-figure[data-key="beslut-sol"] data').getAttribute('value')).toBe(String(await total('SoL')));
    expect(await page.locator('.key-figure[data-key="beslut-lss"] data').getAttribute('value')).toBe(String(await total('LSS')));
    expect(await page.locator('#nyckeltal-rubrik').innerText()).toBe('Senaste siffrorna för Luleå');
    expect(await page.locator('figure[data-chart="oversikt-placeringar"] .chart-figure__empty').innerText()).toBe('Det finns inga uppgifter om placeringar för enheten.');
    expect(await page.locator('[data-region="notice"]').innerText()).toBe('');
    expect(await page.locator('figure[data-chart="oversikt-beslut"] .chart-figure__link a').getAttribute('href')).toBe(
      `${new URL(siteUrl).pathname}ej-verkstallda-beslut/?enhet=2580`,
    );
    await page.close();
  });

  test('an unknown unit in the URL is said in words and the default is shown', async () => {
    const page = await browser.newPage();
    await page.goto(`${siteUrl}placeringar/?enhet=finns-inte&fran=1999-Q1`);
    await waitForBrowserRender(page);
    const status = await page.locator('[data-engine-status]').innerText();
    expect(status).toContain(`Enheten ”finns-inte” finns inte i uppgifterna; sidan visar ${placementsDefault.enhetsnamn}.`);
    expect(status).toContain('Perioden ”1999-Q1” finns inte för enheten; hela perioden visas.');
    expect(new URL(page.url()).search).toBe('');
    await page.close();
  });

  test('downloads: the chart as SVG and PNG with its title, the data as CSV with the table’s rows', async () => {
    const page = await browser.newPage();
    await page.goto(`${siteUrl}natverkshem/`, { waitUntil: 'networkidle' });
    const figure = page.locator('figure[data-chart="natverkshem-andel"]');
    const save = async (selector: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), figure.locator(selector).click()]);
      const file = await download.path();
      return { name: download.suggestedFilename(), bytes: readFileSync(file) };
    };
    const svg = await save('button[data-download="svg"]');
    expect(svg.name).toBe('natverkshem-andel-9999-2016-q1-2025-q4.svg');
    const svgText = svg.bytes.toString('utf8');
    expect(svgText.startsWith('<?xml')).toBe(true);
    expect(svgText).toContain('Andel placerade i nätverkshem');
    expect(svgText).toContain('Påhittade siffror.');
    // Well-formed XML, as an SVG editor reads it: an XML parser (jsdom's, strict) finds no error (an HTML
    // entity such as &nbsp; in a period label made editors refuse the file).
    expect(svgText).not.toContain('&nbsp;');
    const xml = new new JSDOM('').window.DOMParser().parseFromString(svgText, 'image/svg+xml');
    expect(xml.getElementsByTagName('parsererror')).toHaveLength(0);
    expect([xml.documentElement.localName, xml.documentElement.namespaceURI]).toEqual(['svg', 'http://www.w3.org/2000/svg']);

    const png = await save('button[data-download="png"]');
    expect(png.name).toBe('natverkshem-andel-9999-2016-q1-2025-q4.png');
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    const width = png.bytes.readUInt32BE(16);
    const height = png.bytes.readUInt32BE(20);
    expect(width).toBe(760 * 2);
    expect(height).toBeGreaterThan(340 * 2);
    expect(png.bytes.length).toBeGreaterThan(20_000);

    const csv = await save('a[data-download="csv"]');
    const lines = csv.bytes.toString('utf8').replace(/^\ufeff/, '').trim().split('\r\n');
    const rows = await figure.locator('tbody tr').count();
    expect(lines.length).toBe(rows + 1);
    expect(lines[0]).toBe('Period;Beräknad andel;Nätverkshem (antal);Alla typer av familjehem (antal)');
    const share = (await one(`SELECT andel FROM natverkshemsandel_beraknad WHERE enhetskod = '9999' AND period = '2025-Q4'`)) as number;
    expect(lines[lines.length - 1].startsWith(`2025-Q4;${String(share).replace('.', ',')};`)).toBe(true);
    await page.close();
  });

  test('downloads: the numbers as CSV (data), XLSX and JSON-stat, read back: codes as text, markers apart, the source and suppression said', async () => {
    const page = await browser.newPage();
    await page.goto(`${siteUrl}natverkshem/`, { waitUntil: 'networkidle' });
    const save = async (figureId: string, kind: string) => {
      const figure = page.locator(`figure[data-chart="${figureId}"]`);
      const [download] = await Promise.all([page.waitForEvent('download'), figure.locator(`button[data-download="${kind}"]`).click()]);
      return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
    };
    const share = (await one(`SELECT andel FROM natverkshemsandel_beraknad WHERE enhetskod = '9999' AND period = '2025-Q4'`)) as number;
    // The share figure's own table: period, computed share, the two counts.
    const data = await save('natverkshem-andel', 'csv-data');
    expect(data.name).toBe('natverkshem-andel-9999-2016-q1-2025-q4-data.csv');
    const lines = data.bytes.toString('utf8').trim().split('\r\n');
    expect(data.bytes[0]).not.toBe(0xef);
    expect(lines[0]).toMatch(/^Period,Beräknad andel,(Beräknad andel markering,)?Nätverkshem \(antal\)/);
    expect(lines.at(-1)!.startsWith(`2025-Q4,${share},`)).toBe(true);

    const xlsx = await save('natverkshem-andel', 'xlsx');
    expect(xlsx.name).toBe('natverkshem-andel-9999-2016-q1-2025-q4.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const [sheet, about] = book.worksheets;
    expect(sheet.getRow(1).getCell(1).value).toBe('Period');
    const last = sheet.getRow(sheet.rowCount);
    expect(last.getCell(1).value).toBe('2025-Q4');
    expect(last.getCell(2).value).toBe(share);
    const aboutText: string[] = [];
    about.eachRow((r) => aboutText.push(`${r.getCell(1).value}: ${r.getCell(2).value}`));
    expect(aboutText.some((t) => t.startsWith('Titel: Andel placerade i nätverkshem'))).toBe(true);
    expect(aboutText.some((t) => t.startsWith('Källa: ') && t.includes('Påhittade siffror'))).toBe(true);
    expect(aboutText.some((t) => /^Data publicerade: \d+ \p{L}+ \d{4}$/u.test(t))).toBe(true);
    expect(aboutText.some((t) => t.startsWith('Sekretess: Antal från 1 till '))).toBe(true);

    // A chart's own grid (the counts figure), as JSON-stat 2.0 read back with jsonstat-toolkit.
    const json = await save('natverkshem-antal', 'jsonstat');
    expect(json.name).toMatch(/\.json$/);
    const raw = JSON.parse(json.bytes.toString('utf8'));
    expect([raw.version, raw.class]).toEqual(['2.0', 'dataset']);
    const ds = JSONstat(raw);
    expect(ds.id).toEqual(['period', 'serie']);
    expect(ds.Dimension('serie').Category('natverkshem').label).toBe('Placerade i nätverkshem');
    const count = await one(`SELECT natverkshem FROM natverkshemsandel_beraknad WHERE enhetskod = '9999' AND period = '2025-Q4'`);
    expect(ds.Data({ period: '2025-Q4', serie: 'natverkshem' }).value).toBe(count);
    expect(ds.extension.suppression).toMatch(/^Antal från 1 till /);
    await page.close();
  });

  test('charts take keyboard focus and show the exact value in a tooltip', async () => {
    const page = await browser.newPage();
    await page.goto(`${siteUrl}placeringar/`, { waitUntil: 'networkidle' });
    const svg = page.locator('figure[data-chart="placeringar-trend"] svg.ss-chart:visible');
    await svg.focus();
    // Home: the first quarter, its tooltip listing every series, the total first.
    await page.keyboard.press('Home');
    const first = (await one(PLACEMENT_TOTAL, [placementsDefault.enhetskod, '2016-Q1', 'totalt'])) as number;
    const tipLines = () => page.locator('figure[data-chart="placeringar-trend"] svg.ss-chart:visible .ss-tip tspan').allTextContents();
    const lines = await tipLines();
    expect(lines[0]).toBe('kv.\u00a01\u00a02016');
    expect(lines[1]).toMatch(new RegExp(`: ${shown(first)}$`));
    // Every series drawn (each has a direct label) named once: with its value, or on one line with the others
    // hidden for the same reason; a hidden value said in words, never a number.
    const series = await page.locator('figure[data-chart="placeringar-trend"] svg.ss-chart:visible g.ss-key').count();
    const named = lines.slice(1).flatMap((l) => l.slice(0, l.lastIndexOf(': ')).split(', '));
    expect(new Set(named).size).toBe(series);
    expect(named).toHaveLength(series);
    for (const line of lines.filter((l) => /sekretess/.test(l))) expect(line.slice(line.lastIndexOf(': '))).not.toMatch(/\d/);
    // The tooltip is drawn for the eye (aria-hidden); the quarter is said in the page's one polite live region,
    // and the chart points to its summary in words.
    await expect.poll(() => page.locator('[data-chart-announcer]').textContent()).toMatch(new RegExp(`^kv.\u00a01\u00a02016\\. [^.]+: ${first}(\\. |$)`));
    // → and End move by quarter: the next quarter, then the last.
    await page.keyboard.press('ArrowRight');
    expect((await tipLines())[0]).toBe('kv.\u00a02\u00a02016');
    await page.keyboard.press('End');
    const till: string = JSON.parse((await page.locator('[data-dashboard]').getAttribute('data-state'))!).till;
    expect((await tipLines())[0]).toBe(`kv.\u00a0${till.slice(-1)}\u00a0${till.slice(0, 4)}`);
    expect(await page.locator('[aria-live="polite"][data-chart-announcer]').count()).toBe(1);
    const describedBy = await svg.getAttribute('aria-describedby');
    expect(await page.locator(`#${describedBy}`).getAttribute('data-summary')).toBe('');
    await page.close();
  });
});

describe('a user who saves data (navigator.connection.saveData)', () => {
  const browser = sharedBrowser({ siteUrl, csp: STRICT_CSP, saveData: true });

  test('without choices in the URL the static view stays and no engine is downloaded', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    browser.context.on('request', (r) => requests.push(r.url()));
    for (const p of PAGES) {
      await page.goto(siteUrl + p.path, { waitUntil: 'networkidle' });
      await openFilters(page);
      expect(await page.locator('form[data-filters]').isVisible()).toBe(true);
      expect(await page.locator('form[data-filters] select[name="enhet"]').count()).toBe(1);
      expect(new Set(await rendered(page))).toEqual(new Set(['build']));
    }
    expect(requests.filter((u) => /\.wasm$|\.duckdb$|duckdb-browser/.test(u))).toEqual([]);
    await page.close();
  });

  test('the engine and the data start downloading when a filter is first touched, before any choice', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${siteUrl}placeringar/`, { waitUntil: 'networkidle' });
    const engineOrData = () => requests.filter((u) => /\.wasm$|\.duckdb$/.test(u)).map((u) => u.split('/').pop()!.replace(/\.[\w-]+\.wasm$/, '.wasm'));
    expect(engineOrData()).toEqual([]);
    await openFilters(page);
    await page.locator('form[data-filters] select[name="enhet"]').focus();
    await expect.poll(engineOrData, { timeout: 10_000 }).toEqual(expect.arrayContaining(['duckdb-eh.wasm', 'placeringar.duckdb']));
    // Only started: the view stays as built until a choice is applied.
    expect(new Set(await rendered(page))).toEqual(new Set(['build']));
    expect(new URL(page.url()).search).toBe('');
    await page.close();
  });

  test('a filter change loads duckdb-wasm once with progress, re-renders every figure and keeps the choice in the URL', async () => {
    const page = await browser.newPage();
    const wasm: string[] = [];
    page.context().on('request', (r) => {
      if (r.url().endsWith('.wasm') && r.method() === 'GET') wasm.push(r.url());
    });
    await page.goto(`${siteUrl}placeringar/`, { waitUntil: 'networkidle' });
    const before = await summaries(page);
    const statuses = await recordStatuses(page);
    await openFilters(page);
    await page.selectOption('select[name="enhet"]', '9999-01');
    const clicked = Date.now();
    await page.getByRole('button', { name: 'Visa' }).click();
    await waitForBrowserRender(page);
    console.log(`duckdb-wasm: "Visa" to every figure re-rendered, engine and data included: ${Date.now() - clicked} ms`);
    expect(new Set(await rendered(page))).toEqual(new Set(['browser']));
    expect(new URL(page.url()).search).toBe('?enhet=9999-01');
    expect(statuses.some((s) => s.startsWith('Hämtar'))).toBe(true);
    expect(await page.locator('[data-engine-status]').innerText()).toContain('Klart. Visar Exempelstad Norr (påhittade siffror)');

    const total = (await one(PLACEMENT_TOTAL, ['9999-01', '2025-Q4', 'totalt'])) as number;
    const after = await summaries(page);
    expect(after).not.toEqual(before);
    expect(after[0]).toContain(`Under kv.\u00a04\u00a02025 var antalet placerade barn och unga (totalt) ${shown(total)},`);
    expect(await page.locator('figure[data-chart="placeringar-trend"] h2').innerText()).toBe('Placerade barn och unga efter placeringsform');
    expect(await page.locator('figure[data-chart="placeringar-trend"] .chart-figure__subtitle').innerText()).toContain('Exempelstad Norr (påhittade siffror)');

    // A second change uses the engine already loaded.
    const wasmAfterFirst = wasm.length;
    await page.selectOption('select[name="kon"]', 'flickor');
    const again = Date.now();
    await page.getByRole('button', { name: 'Visa' }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('kon') === 'flickor', null, { timeout: 30_000 });
    await waitForBrowserRender(page);
    console.log(`duckdb-wasm: a second change, engine loaded: ${Date.now() - again} ms`);
    const girls = (await one(PLACEMENT_TOTAL, ['9999-01', '2025-Q4', 'flickor'])) as number;
    expect((await summaries(page))[0]).toContain(`(totalt) ${shown(girls)},`);
    expect(wasmAfterFirst).toBe(1);
    expect(wasm.length).toBe(1);

    // Back in history: the previous view again.
    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('kon'), null, { timeout: 30_000 });
    await page.waitForFunction((t) => document.querySelector('[data-summary]')?.textContent?.includes(t), `(totalt) ${shown(total)},`, { timeout: 30_000 });
    expect(await page.inputValue('select[name="kon"]')).toBe('totalt');
    await page.close();
  });
});

describe('when the engine cannot start', () => {
  test('the page says so in Swedish and keeps the static view', async () => {
    const browser = await launchSiteBrowser({ siteUrl });
    try {
      await browser.context.route('**/*.wasm', (r) => r.fulfill({ status: 404, body: 'Not Found' }));
      const page = await browser.newPage();
      await page.goto(`${siteUrl}placeringar/`, { waitUntil: 'networkidle' });
      const before = await summaries(page);
      await openFilters(page);
      await page.selectOption('select[name="enhet"]', otherUnit.enhetskod);
      await page.getByRole('button', { name: 'Visa' }).click();
      await page.waitForSelector('[data-engine-status][data-state="error"]', { timeout: 30_000 });
      expect(await page.locator('[data-engine-status]').innerText()).toBe(
        `Urvalet kunde inte visas: Databasmotorn kunde inte startas i webbläsaren. Sidan visar fortfarande ${placementsDefault.enhetsnamn}, kv.\u00a01\u00a02016–kv.\u00a04\u00a02025.`,
      );
      expect(await summaries(page)).toEqual(before);
      expect(new Set(await rendered(page))).toEqual(new Set(['build']));
      expect(await page.getByRole('button', { name: 'Visa' }).isEnabled()).toBe(true);
      expect(new URL(page.url()).search).toBe('');
    } finally {
      await browser.close();
    }
  });
});

describe('print and small screens', () => {
  test('print shows charts and summaries on at most two pages, no controls, and the address and date at the foot', async () => {
    const browser = await launchSiteBrowser({ siteUrl });
    try {
      const page = await browser.newPage();
      await page.goto(`${siteUrl}placeringar/`, { waitUntil: 'networkidle' });
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('form[data-filters]').isVisible()).toBe(false);
      expect(await page.locator('header nav').isVisible()).toBe(false);
      expect(await page.locator('button[data-download]').first().isVisible()).toBe(false);
      expect(await page.locator('figure[data-chart="placeringar-trend"] svg.ss-chart:visible').isVisible()).toBe(true);
      expect(await page.locator('figure[data-chart="placeringar-trend"] [data-summary]').isVisible()).toBe(true);
      // The charts' data tables are left out (the summaries give the numbers in words), so the page
      // prints on two A4 pages at most.
      expect(await page.locator('figure[data-chart="placeringar-trend"] tbody tr').first().isVisible()).toBe(false);
      // The foot of every printed page: set while printing only, with the address of the view shown.
      const footer = () => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--ss-print-footer'));
      expect(await footer()).toBe('');
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      expect(await footer()).toMatch(
        new RegExp(`^"Utskrift från ${siteUrl.replace(/[.?]/g, '\\$&')}placeringar/\\. Data publicerade \\d+ \\p{L}+ \\d{4}\\. Utskriven \\d+ \\p{L}+ \\d{4}\\."$`, 'u'),
      );
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBeLessThanOrEqual(2);
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      expect(await footer()).toBe('');
      expect(await page.evaluate(() => document.documentElement.hasAttribute('style'))).toBe(false);
    } finally {
      await browser.close();
    }
  });

  test.each(['', 'natverkshem/', 'ej-verkstallda-beslut/', 'jamforelser/', 'jamforelser/natverkshem/', 'jamforelser/ej-verkstallda-beslut/'])(
    'the topic page %s prints on at most two A4 pages, each chart once or named in a note',
    async (p) => {
      const browser = await launchSiteBrowser({ siteUrl });
      try {
        const page = await browser.newPage();
        await page.goto(siteUrl + p, { waitUntil: 'networkidle' });
        await page.emulateMedia({ media: 'print' });
        await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
        // Every chart is printed, once (the wide or the narrow drawing, never both or neither), except
        // one whose numbers a printed table carries: that one is left out whole, and a visible line in
        // its section says where its numbers are.
        const figures = await page.$$eval('figure[data-chart]:has([data-plot])', (els) =>
          els.map((el) => ({
            shown: el.getClientRects().length > 0 ? [...el.querySelectorAll('[data-plot] svg.ss-chart')].filter((svg) => svg.getClientRects().length > 0).length : 0,
            visible: el.getClientRects().length > 0,
            note: [...(el.closest('section')?.querySelectorAll('.print-note') ?? [])].filter((n) => n.getClientRects().length > 0).map((n) => n.textContent ?? '').join(''),
          })),
        );
        expect(figures.filter((f) => f.visible).length).toBeGreaterThan(0);
        expect(figures.filter((f) => f.visible && f.shown !== 1)).toEqual([]);
        const left = figures.filter((f) => !f.visible);
        expect(left.filter((f) => !/skrivs inte ut; siffrorna finns i .*tabell/.test(f.note))).toEqual([]);
        if (left.length) {
          // The tables the note points to are printed, their numbers whole.
          expect(await page.locator('[data-region="comparison"] table.comparison-table').first().isVisible()).toBe(true);
        }
        const pdf = await page.pdf({ format: 'A4' });
        expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBeLessThanOrEqual(2);
        // On the screen every chart is shown and the print-only lines are not.
        await page.emulateMedia({ media: 'screen' });
        expect(await page.locator('figure[data-chart]:has([data-plot]):not(:visible)').count()).toBe(0);
        expect(await page.locator('.print-note:visible, .comparison-table__legend:visible').count()).toBe(0);
      } finally {
        await browser.close();
      }
    },
  );

  // A county's 49 municipalities: the bundled data's groups are smaller, so the default group's rows are
  // repeated in the page up to 49 (the print styles answer the rows the page holds, whatever the data).
  test.each(['jamforelser/', 'jamforelser/natverkshem/', 'jamforelser/ej-verkstallda-beslut/'])(
    'the comparison %s of 49 units prints every unit on one line, on at most two A4 pages',
    async (p) => {
      const browser = await launchSiteBrowser({ siteUrl });
      try {
        const page = await browser.newPage();
        await page.goto(siteUrl + p, { waitUntil: 'networkidle' });
        const printed = async () => {
          await page.emulateMedia({ media: 'print' });
          await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
          const rows = await page.$$eval('[data-region="table"] table tbody tr', (trs) =>
            trs.map((tr) => {
              const name = tr.querySelector('th')!;
              const lineHeight = parseFloat(getComputedStyle(name).lineHeight) || parseFloat(getComputedStyle(name).fontSize) * 1.3;
              return { shown: tr.getClientRects().length > 0, oneLine: name.getBoundingClientRect().height < lineHeight * 1.5, text: tr.textContent ?? '' };
            }),
          );
          const pdf = await page.pdf({ format: 'A4' });
          const figures = await page.$$eval('figure[data-chart]:has([data-plot])', (els) =>
            els.map((el) => ({
              visible: el.getClientRects().length > 0,
              note: [...(el.closest('section') ?? el.parentElement!).querySelectorAll(':scope > .print-note, :scope .print-note')]
                .filter((n) => n.getClientRects().length > 0)
                .map((n) => n.textContent ?? '')
                .join(''),
            })),
          );
          const table = await page.locator('[data-region="table"] table').isVisible();
          // Its narrowest layout fits the sheet's 182 mm (A4 less the margins), or the browser would
          // shrink the whole page's text to fit.
          const narrowest = await page.$eval('[data-region="table"] table', (t) => {
            const box = t.parentElement!;
            const before = [box.style.width, t.style.width];
            box.style.width = '1px';
            t.style.width = 'auto';
            const w = t.getBoundingClientRect().width;
            [box.style.width, t.style.width] = before;
            return w;
          });
          await page.emulateMedia({ media: 'screen' });
          return { rows, figures, table, narrowest, pages: pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0 };
        };
        // The default group prints its charts.
        const few = await printed();
        expect(few.rows.length).toBeLessThan(16);
        expect(few.figures.every((f) => f.visible)).toBe(true);
        expect(few.figures.map((f) => f.note).join('')).toBe('');
        await page.$eval('[data-region="table"] table tbody', (el) => {
          const tbody = el as HTMLTableSectionElement;
          const rows = [...tbody.rows];
          for (let i = 0; tbody.rows.length < 49; i++) tbody.append(rows[i % rows.length].cloneNode(true));
        });
        const many = await printed();
        expect(many.rows).toHaveLength(49);
        // Every unit's row is on paper, on one line each.
        expect(many.rows.filter((r) => !r.shown || !r.oneLine)).toEqual([]);
        // The charts are left out, and a line says the table has their numbers.
        expect(many.figures.length).toBeGreaterThan(0);
        for (const f of many.figures) {
          expect(f.visible).toBe(false);
          expect(f.note).toMatch(/skrivs inte ut; siffrorna finns i .*tabell/);
        }
        expect(many.table).toBe(true);
        expect(many.narrowest).toBeLessThanOrEqual((182 / 25.4) * 96);
        expect(many.pages).toBeLessThanOrEqual(2);
        // On the screen nothing changes: the charts are there, the line is not.
        expect(await page.locator('figure[data-chart]:has([data-plot]):not(:visible)').count()).toBe(0);
        expect(await page.locator('.print-note:visible').count()).toBe(0);
      } finally {
        await browser.close();
      }
    },
  );

  test.each([true, false])('at 320 px wide nothing but the charts scrolls sideways (JavaScript %s)', async (js) => {
    const browser = await launchSiteBrowser({ siteUrl, javaScriptEnabled: js, viewport: { width: 320, height: 800 } });
    try {
      const page = await browser.newPage();
      for (const p of PAGES) {
        await page.goto(siteUrl + p.path, { waitUntil: 'networkidle' });
        expect(await page.evaluate(() => document.documentElement.scrollWidth), p.path).toBeLessThanOrEqual(320);
      }
      if (js) {
        // Redrawn at the screen's width: the chart fits.
        const fits = await page.$$eval('figure[data-chart] svg.ss-chart', (svgs) => svgs.every((s) => s.getBoundingClientRect().width <= 300));
        expect(fits).toBe(true);
      }
    } finally {
      await browser.close();
    }
  });
});
