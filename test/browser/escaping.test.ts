// Text from the data is always shown as text. The site is built from the bundled data with hostile text
// appended to every text field (enhetsnamn, insats, rubrik, beskrivning, titel, utgivare, kalla, url):
// a script element, an attribute break-out and an image with an error handler. On every page, with and
// without JavaScript, after hovering the charts, moving through them with the keyboard and using every
// control, nothing of it has run, no element carries it as markup, and wherever the text is shown it is
// shown literally.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningServer } from '../../scripts/serve.ts';
import { launchSiteBrowser, type SiteBrowser } from './browser.ts';
import { readDataFolder, withHostileText, writeDataFolder, XSS_PAYLOAD } from './fixture-data.ts';
import { buildSite, exercisePage, failedResponses, openPage, PROJECT_ROOT, representativePages, serveSite, sitePages } from './site-tools.ts';

const work = mkdtempSync(path.join(tmpdir(), 'socialstatistik-escaping-'));
const dataDir = path.join(work, 'data');
const siteDir = path.join(work, 'site');
const original = readDataFolder(path.join(PROJECT_ROOT, 'data'));
const hostile = withHostileText(original);

/** The original values of one column over every file of a dataset (`kallor`: kallor.csv, kallor_demo.csv). */
function values(dataset: string, column: string): string[] {
  return Object.entries(original)
    .filter(([name]) => name === `${dataset}.csv` || name.startsWith(`${dataset}_`))
    .flatMap(([, f]) => {
      const i = f.header.indexOf(column);
      return i < 0 ? [] : f.rows.map((r) => (r[i] ?? '').trim().replace(/\s+/g, ' '));
    })
    .filter((v) => v !== '' && v.toLowerCase() !== 'totalt');
}

/** Fields every build shows somewhere: each must appear, with its hostile text, literally. */
const MUST_SHOW = [
  { field: 'kallor.titel', texts: values('kallor', 'titel') },
  { field: 'kallor.utgivare', texts: values('kallor', 'utgivare') },
  { field: 'enheter.enhetsnamn', texts: values('enheter', 'enhetsnamn') },
  { field: 'ej_verkstallda_beslut.insats', texts: values('ej_verkstallda_beslut', 'insats') },
];
/** Fields a page may or may not show: reported, and checked like the others where shown. */
const MAY_SHOW = [
  { field: 'handelser.rubrik', texts: values('handelser', 'rubrik') },
  { field: 'handelser.beskrivning', texts: values('handelser', 'beskrivning') },
  { field: 'kallor.kalla', texts: values('kallor', 'kalla') },
];

let server: RunningServer;
let pages: string[];
/** Field → pages where it was seen with its hostile text intact. */
const seen = new Map<string, Set<string>>();

beforeAll(async () => {
  writeDataFolder(dataDir, hostile);
  // The publisher's own text for the accessibility statement is escaped like the data.
  await buildSite(dataDir, siteDir, { ORGANISATION_NAME: `Exempels kommun ${XSS_PAYLOAD}`, CONTACT_EMAIL: 'tillganglighet@exempel.se' });
  server = await serveSite(siteDir);
  pages = sitePages(siteDir);
}, 300_000);

afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Records a setter on window.__xss (and any alert/confirm/prompt) before the page's own code runs. */
async function trap(browser: SiteBrowser): Promise<void> {
  await browser.context.addInitScript(() => {
    const hits: string[] = [];
    Object.defineProperty(window, '__xssHits', { value: hits });
    Object.defineProperty(window, '__xss', {
      configurable: false,
      get: () => undefined,
      set: (v) => hits.push(`window.__xss = ${String(v)}`),
    });
    for (const fn of ['alert', 'confirm', 'prompt'] as const) {
      Object.defineProperty(window, fn, { value: (...a: unknown[]) => hits.push(`${fn}(${a.join(', ')})`) });
    }
  });
}

/** Hovers every chart across its width, moves through each with the arrow keys, and hovers everything with a title. */
async function poke(page: Page): Promise<void> {
  const charts = page.locator('svg.ss-chart');
  for (let i = 0; i < (await charts.count()); i++) {
    const chart = charts.nth(i);
    if (!(await chart.isVisible())) continue;
    await chart.scrollIntoViewIfNeeded().catch(() => undefined);
    const box = await chart.boundingBox();
    if (!box) continue;
    for (let x = 0.05; x < 1; x += 0.1) {
      for (const y of [0.3, 0.7]) await page.mouse.move(box.x + box.width * x, box.y + box.height * y);
    }
    await chart.focus().catch(() => undefined);
    for (const key of ['ArrowRight', 'ArrowRight', 'ArrowDown', 'End', 'ArrowUp', 'Home']) await page.keyboard.press(key);
  }
  const titled = page.locator('[title]');
  for (let i = 0; i < Math.min(await titled.count(), 60); i++) {
    const el = titled.nth(i);
    if (await el.isVisible()) await el.hover({ timeout: 1_000 }).catch(() => undefined);
  }
}

interface Findings {
  hits: string[];
  markup: string[];
  broken: string[];
  text: string;
}

/** What ran, what became markup, and every place the hostile text is shown but not whole. */
function inspect(page: Page, payload: string): Promise<Findings> {
  return page.evaluate((p) => {
    const hits = [...((window as unknown as { __xssHits?: string[] }).__xssHits ?? [])];
    if ((window as unknown as { __xss?: unknown }).__xss !== undefined) hits.push('window.__xss is set');
    const markup: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) {
        if (/^on/i.test(attr)) markup.push(`<${el.tagName.toLowerCase()} ${attr}="${el.getAttribute(attr)}">`);
      }
    }
    for (const img of document.querySelectorAll('img')) if (img.getAttribute('src') === 'x') markup.push(`<img src="x"> from the data`);
    for (const s of document.querySelectorAll('script')) {
      const data = /json/i.test(s.type);
      if (!data && (s.textContent ?? '').includes('__xss')) markup.push(`<script> holding the data: ${s.outerHTML.slice(0, 120)}`);
    }
    for (const a of document.querySelectorAll('a[href]')) {
      if (/^\s*javascript:/i.test(a.getAttribute('href') ?? '')) markup.push(`javascript: link ${a.outerHTML.slice(0, 120)}`);
    }
    // All text of the page, SVG titles and select options included; scripts, styles and templates left out.
    const clone = document.body.cloneNode(true) as HTMLElement;
    for (const el of clone.querySelectorAll('script, style, template, noscript')) el.remove();
    const text = clone.textContent ?? '';
    const broken: string[] = [];
    const start = p.slice(0, 14);
    for (let i = text.indexOf(start); i >= 0; i = text.indexOf(start, i + 1)) {
      const here = text.slice(i, i + p.length);
      if (here === p) continue;
      // A label cut short to fit ("… <script>wind…") is whole as far as it goes.
      const cut = here.indexOf('…');
      if (cut > 0 && p.startsWith(here.slice(0, cut))) continue;
      broken.push(JSON.stringify(text.slice(Math.max(0, i - 30), i + p.length + 10)));
    }
    return { hits, markup, broken, text };
  }, payload);
}

describe.each([
  { js: true, label: 'med JavaScript' },
  { js: false, label: 'utan JavaScript' },
])('hostile text in every text field of the data, $label', ({ js }) => {
  let browser: SiteBrowser;
  let failed: string[];
  beforeAll(async () => {
    browser = await launchSiteBrowser({ siteUrl: server.url, javaScriptEnabled: true });
    failed = failedResponses(browser.context);
    await trap(browser);
  });
  afterAll(async () => {
    await browser.close();
  });

  test('the build holds the pages of the bundled data', () => {
    expect(pages).toContain('');
    expect(pages).toContain('kallor/');
  });

  test('every page: nothing runs, nothing becomes markup, the text is shown literally', async () => {
    const problems: string[] = [];
    // With JavaScript each page is poked and its controls used: a unit's earlier-quarter reports (one
    // template) are visited oldest and newest; without it every page is read.
    for (const pagePath of js ? representativePages(pages) : pages) {
      const { page, status } = await openPage(browser, server.url + pagePath, js);
      try {
        expect(status, pagePath).toBe(200);
        if (js) {
          await poke(page);
          // The controls re-render charts and tables in the browser, from the same data.
          await exercisePage(page);
          await poke(page);
        }
        const found = await inspect(page, XSS_PAYLOAD);
        const where = pagePath || '(startsidan)';
        for (const h of found.hits) problems.push(`${where}: ran: ${h}`);
        for (const m of found.markup) problems.push(`${where}: markup: ${m}`);
        for (const b of found.broken) problems.push(`${where}: not literal: ${b}`);
        for (const { field, texts } of [...MUST_SHOW, ...MAY_SHOW]) {
          if (texts.some((t) => found.text.includes(`${t} ${XSS_PAYLOAD}`))) {
            if (!seen.has(field)) seen.set(field, new Set());
            seen.get(field)!.add(`${js ? 'js' : 'nojs'}:${where}`);
          }
        }
      } finally {
        await page.close();
      }
    }
    expect(problems).toEqual([]);
    expect(browser.errors).toEqual([]);
    expect(failed).toEqual([]);
    expect(browser.foreignRequests).toEqual([]);
  }, 1_200_000);

  test.runIf(js)('the checks see a payload that does run (markup inserted unescaped)', async () => {
    const { page } = await openPage(browser, server.url, true);
    try {
      await page.evaluate((p) => document.querySelector('main')!.insertAdjacentHTML('beforeend', `<p>${p}</p>`), XSS_PAYLOAD);
      await page.locator('main img[src="x"]').waitFor({ state: 'attached' });
      await page.waitForFunction(() => (window as unknown as { __xssHits: string[] }).__xssHits.length > 0);
      const found = await inspect(page, XSS_PAYLOAD);
      expect(found.hits).toEqual(['window.__xss = 1']);
      expect(found.markup).toEqual([
        '<img onerror="window.__xss=1">',
        '<img src="x"> from the data',
        '<script> holding the data: <script>window.__xss=1</script>',
      ]);
    } finally {
      await page.close();
    }
  });

  test('the accessibility statement shows the publisher\'s name literally and links the contact address', async () => {
    const { page } = await openPage(browser, `${server.url}tillganglighet/`, js);
    try {
      expect(await page.locator('main .lead').innerText()).toContain(`Exempels kommun ${XSS_PAYLOAD} står bakom webbplatsen Socialstatistik.`);
      expect(await page.locator('[data-contact] a').getAttribute('href')).toBe('mailto:tillganglighet@exempel.se');
      expect(await page.locator('[data-setting]').count()).toBe(0);
      const found = await inspect(page, XSS_PAYLOAD);
      expect([...found.hits, ...found.markup, ...found.broken]).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('the fields every site shows were found, whole, on some page', () => {
    const shown = (field: string) => [...(seen.get(field) ?? [])].some((w) => w.startsWith(js ? 'js:' : 'nojs:'));
    expect(MUST_SHOW.filter((f) => !shown(f.field)).map((f) => f.field)).toEqual([]);
    console.log(
      `escaping (${js ? 'JS' : 'no JS'}): fields shown literally: ${[...MUST_SHOW, ...MAY_SHOW].filter((f) => shown(f.field)).map((f) => f.field).join(', ')}`,
    );
  });
});
