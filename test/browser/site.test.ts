// The site's frame in a real browser: the start and data pages render with and without JavaScript, under a
// sub-path, with no request to any other host and no console error; the browser's own DuckDB reads the
// published files and counts the same rows as the build did.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { sv } from '../../src/i18n/sv.ts';
import type { PublishedManifest } from '../../src/queries/published.ts';
import { launchSiteBrowser, STRICT_CSP, type SiteBrowser } from './browser.ts';
import { closeChecked, closeClean, sharedBrowser } from './close-clean.ts';
import { JS_MODES } from './site-tools.ts';

const siteUrl = inject('siteUrl');
const siteDir = inject('siteDir');
const basePath = inject('basePath');
const manifest = JSON.parse(readFileSync(path.join(siteDir, 'data', 'manifest.json'), 'utf8')) as PublishedManifest;
const expectedRows = Object.fromEntries(manifest.datasets.map((d) => [d.name, d.rows]));

const PAGES = [
  { path: '', name: 'startsidan', h1: 'Socialstatistik' },
  { path: 'kallor/', name: 'datasidan', h1: 'Data och källor' },
];

describe.each(JS_MODES)('sidorna $label', ({ js }) => {
  const browser = sharedBrowser({ siteUrl, javaScriptEnabled: js });

  test.each(PAGES)('$name renders its frame and heading', async ({ path: pagePath, h1 }) => {
    const page = await browser.newPage();
    const response = await page.goto(siteUrl + pagePath, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    expect((await page.locator('h1').innerText()).trim()).toBe(h1);
    expect(await page.locator('main#innehall').count()).toBe(1);
    expect(await page.locator('header nav a').count()).toBeGreaterThan(0);
    expect(await page.locator('footer time').count()).toBe(1);
    // The skip link is the first thing a keyboard reaches and leads to <main>.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    // Every same-site link and asset stays under the base path.
    const urls = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('a[href], link[href], script[src], img[src]')].map(
        (el) => (el as HTMLAnchorElement).href || (el as HTMLScriptElement).src,
      ),
    );
    const origin = new URL(siteUrl).origin;
    for (const url of urls.filter((u) => u.startsWith(origin))) expect(new URL(url).pathname.startsWith(basePath)).toBe(true);
    await page.close();
  });

  test('the start page lists every published dataset with the manifest\'s row count', async () => {
    const page = await browser.newPage();
    await page.goto(siteUrl);
    const shown = await page.$$eval('.dataset-list [data-dataset]', (items) =>
      items.map((li) => [li.getAttribute('data-dataset'), Number(li.querySelector('[data-rows]')?.getAttribute('data-rows'))]),
    );
    expect(Object.fromEntries(shown)).toEqual(expectedRows);
    await page.close();
  });

  test('the data page shows the summary and the sources', async () => {
    const page = await browser.newPage();
    await page.goto(`${siteUrl}kallor/`);
    const shown = await page.$$eval('.dataset-table tbody tr', (rows) =>
      rows.map((tr) => [tr.getAttribute('data-dataset'), Number(tr.querySelector('[data-rows]')?.getAttribute('data-rows'))]),
    );
    expect(Object.fromEntries(shown)).toEqual(expectedRows);
    if (expectedRows.kallor) expect(await page.locator('.sources-table tbody tr').count()).toBe(expectedRows.kallor);
    // The in-browser check is offered only when it can run.
    expect(await page.locator('#browser-check').isVisible()).toBe(js);
    expect(await page.locator('[data-needs-js]').isVisible()).toBe(!js);
    await page.close();
  });

  test('every menu link leads to a page', async () => {
    const page = await browser.newPage();
    await page.goto(siteUrl);
    const links = await page.$$eval('header nav a', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const link of links) {
      const response = await page.goto(link);
      expect(response?.status(), link).toBe(200);
    }
    await page.close();
  });
});

describe('DuckDB i webbläsaren', () => {
  const browser = sharedBrowser({ siteUrl }, { clean: false });

  test('"Läs in data i webbläsaren" counts the same rows as the build, from the site\'s own files', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    // The worker's own requests (the wasm file) are seen by the context, not the page.
    browser.context.on('request', (r) => requested.push(r.url()));
    await page.goto(`${siteUrl}kallor/`);
    const started = Date.now();
    await page.getByRole('button', { name: 'Läs in data i webbläsaren' }).click();
    await page.waitForSelector('#browser-check[data-state]', { timeout: 60_000 });
    const elapsed = Date.now() - started;
    expect(await page.getAttribute('#browser-check', 'data-state')).toBe('done');
    const counted = await page.$$eval('#browser-check tbody tr', (rows) =>
      rows.map((tr) => [tr.getAttribute('data-dataset'), Number(tr.querySelector('[data-rows]')?.getAttribute('data-rows'))]),
    );
    expect(Object.fromEntries(counted)).toEqual(expectedRows);
    expect(await page.locator('#browser-check .mismatch').count()).toBe(0);

    // Engine and data came from this site, under the base path.
    const base = new URL(siteUrl);
    const own = requested.filter((u) => u.startsWith(base.origin));
    expect(own.some((u) => /\/_astro\/duckdb-(eh|mvp)\.[^/]*\.wasm$/.test(u))).toBe(true);
    expect(own.some((u) => /\/_astro\/duckdb-browser-(eh|mvp)\.worker\.[^/]*\.js$/.test(u))).toBe(true);
    for (const d of manifest.datasets) expect(own).toContain(`${siteUrl}data/${d.file}`);
    expect(browser.foreignRequests).toEqual([]);
    expect(browser.errors).toEqual([]);
    console.log(`duckdb-wasm: click to row counts in ${elapsed} ms`);
    await page.close();
  });

  test('the engine cannot load extensions or read from another host', async () => {
    const page = await browser.newPage();
    await page.goto(`${siteUrl}kallor/`);
    await page.getByRole('button', { name: 'Läs in data i webbläsaren' }).click();
    await page.waitForSelector('#browser-check[data-state="done"]', { timeout: 60_000 });
    const attempt = (sql: string) =>
      page.evaluate(async (q) => {
        const runner = (window as unknown as { socialstatistik: { runner: { run(sql: string): Promise<unknown[]> } } })
          .socialstatistik.runner;
        try {
          await runner.run(q);
          return 'ok';
        } catch (error) {
          return `error: ${(error as Error).message}`;
        }
      }, sql);
    expect(await attempt(`SELECT * FROM read_parquet('x.parquet')`)).toMatch(/^error:/);
    expect(await attempt(`SELECT * FROM read_json('manifest.json')`)).toMatch(/^error:/);
    expect(await attempt('LOAD httpfs')).toMatch(/^error:/);
    expect(await attempt(`SELECT * FROM 'https://example.com/data.csv'`)).toMatch(/^error:/);
    // The published tables are read-only; the analyst's own tables go to memory.
    expect(await attempt('DELETE FROM placeringar')).toMatch(/^error:/);
    expect(await attempt('CREATE TABLE egen AS SELECT 1 AS x')).toBe('ok');
    const bound = await page.evaluate(async () => {
      const runner = (window as unknown as {
        socialstatistik: { runner: { run(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]> } };
      }).socialstatistik.runner;
      return runner.run('SELECT count(*) AS n, ? AS s FROM egen WHERE x = ?', ["'; DROP TABLE egen; --", 1]);
    });
    expect(bound).toEqual([{ n: 1, s: "'; DROP TABLE egen; --" }]);
    expect(browser.foreignRequests).toEqual([]);
    expect(browser.errors).toEqual([]);
    await page.close();
  });
});

describe('when the engine cannot start, the page says why in Swedish', () => {
  const cases = [
    { name: 'the wasm file is missing', route: '**/*.wasm', message: sv.engine.startFailed },
    { name: 'a data file is missing', route: '**/data/placeringar.duckdb', message: sv.engine.fetchFailed('placeringar.duckdb') },
    { name: "the policy lacks 'wasm-unsafe-eval'", csp: STRICT_CSP.replace(" 'wasm-unsafe-eval'", ''), message: sv.engine.wasmBlocked },
  ];
  test.each(cases)('$name', async ({ route, csp, message }) => {
    const browser = await launchSiteBrowser({ siteUrl, csp });
    try {
      if (route) await browser.context.route(route, (r) => r.fulfill({ status: 404, body: 'Not Found' }));
      const page = await browser.newPage();
      await page.goto(`${siteUrl}kallor/`);
      await page.getByRole('button', { name: 'Läs in data i webbläsaren' }).click();
      await page.waitForSelector('#browser-check[data-state]', { timeout: 20_000 });
      expect(await page.getAttribute('#browser-check', 'data-state')).toBe('error');
      expect(await page.locator('#browser-check .status').innerText()).toBe(message);
      // The button stays usable for another try.
      expect(await page.locator('#browser-check button').isEnabled()).toBe(true);
    } finally {
      await closeChecked(browser, { errors: false });
    }
  });
});

describe('under a strict Content-Security-Policy', () => {
  test('the pages and the browser engine work with no inline code and no eval', async () => {
    const browser = await launchSiteBrowser({ siteUrl, csp: STRICT_CSP });
    const violations: string[] = [];
    try {
      for (const pagePath of PAGES.map((p) => p.path)) {
        const page = await browser.newPage();
        page.on('console', (m) => {
          if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) violations.push(m.text());
        });
        await page.goto(siteUrl + pagePath, { waitUntil: 'networkidle' });
        // The stylesheet applied (an inline-style ban would not stop it, a wrong policy would).
        expect(await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')!).backgroundColor)).not.toBe(
          'rgba(0, 0, 0, 0)',
        );
        if (pagePath === 'kallor/') {
          await page.getByRole('button', { name: 'Läs in data i webbläsaren' }).click();
          await page.waitForSelector('#browser-check[data-state]', { timeout: 60_000 });
          expect(await page.getAttribute('#browser-check', 'data-state')).toBe('done');
        }
        await page.close();
      }
      expect(violations).toEqual([]);
    } finally {
      await closeClean(browser);
    }
  });
});

describe('the static server', () => {
  test('serves wasm as application/wasm, folders by index.html, and 404 outside the site', async () => {
    const wasm = readdirSync(path.join(siteDir, '_astro')).find((f) => f.endsWith('.wasm'));
    expect(wasm).toBeTruthy();
    const wasmResponse = await fetch(`${siteUrl}_astro/${wasm}`, { method: 'HEAD' });
    expect(wasmResponse.status).toBe(200);
    expect(wasmResponse.headers.get('content-type')).toBe('application/wasm');
    const home = await fetch(siteUrl);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toMatch(/^text\/html/);
    const folder = await fetch(`${siteUrl}kallor`, { redirect: 'manual' });
    expect(folder.status).toBe(301);
    expect(folder.headers.get('location')).toBe(`${basePath}kallor/`);
    const manifestResponse = await fetch(`${siteUrl}data/manifest.json`);
    expect(manifestResponse.headers.get('content-type')).toMatch(/^application\/json/);
    const origin = new URL(siteUrl).origin;
    expect((await fetch(`${origin}/kallor/`)).status).toBe(404);
    expect((await fetch(`${siteUrl}%2e%2e/%2e%2e/package.json`)).status).toBe(404);
    expect((await fetch(`${siteUrl}finns-inte/`)).status).toBe(404);
  });
});

// Issue 15: "No layout shift: the JavaScript-enhanced form and redrawn charts take the space they will need
// from the first paint. CLS 0 on every page." Every page of the menu, at a phone's and a laptop's width,
// with JavaScript: the layout shifts the browser reports (without user input, as Lighthouse counts them)
// from the first paint until the page has been idle, its engine started and its charts redrawn.
describe('no page moves after it appears', () => {
  const MENU_PAGES = ['', 'placeringar/', 'natverkshem/', 'ej-verkstallda-beslut/', 'jamforelser/', 'tabell/', 'utforska/', 'om-statistiken/', 'kallor/', 'rapport/'];
  const SHIFTS = `(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push({ value: e.value, nodes: (e.sources || []).map((s) => s.node && s.node.nodeName + (s.node.id ? '#' + s.node.id : s.node.className ? '.' + String(s.node.className).split(' ')[0] : '')) });
    }).observe({ type: 'layout-shift', buffered: true });
  })();`;
  for (const viewport of [{ width: 412, height: 823 }, { width: 1280, height: 900 }]) {
    test(`at ${viewport.width} px: the layout shift of every menu page stays below 0,01`, async () => {
      const browser = await launchSiteBrowser({ siteUrl, viewport });
      try {
        await browser.context.addInitScript({ content: SHIFTS });
        const moved: string[] = [];
        for (const pagePath of MENU_PAGES) {
          const page = await browser.newPage();
          await page.goto(siteUrl + pagePath, { waitUntil: 'networkidle' });
          await page.waitForTimeout(1500);
          const shifts = await page.evaluate(() => (window as unknown as { __shifts: { value: number; nodes: string[] }[] }).__shifts);
          const cls = shifts.reduce((a, s) => a + s.value, 0);
          if (cls >= 0.01) moved.push(`${pagePath || '(start)'}: ${cls.toFixed(3)} (${shifts.flatMap((s) => s.nodes).join(', ')})`);
          await page.close();
        }
        expect(moved).toEqual([]);
      } finally {
        await closeClean(browser);
      }
    });
  }
});
