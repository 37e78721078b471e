// The committee's quarterly report in a real browser, built under the sub-path from the bundled data: the
// prerendered latest quarter of Luleå without JavaScript (the figures of source 002 as published, hidden
// cells with the marker, never the small exact ones), Solna's quarter with nothing to report, the A4 print
// (each law on at most two pages, no heading at the foot of a page, no navigation, the footer), an earlier
// quarter's own page without JavaScript and reached through the chooser's links, an old ?kvartal= address
// sent to that page, and the Word file read back and opened by LibreOffice.

import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { STRICT_CSP } from './browser.ts';
import { sharedBrowser } from './close-clean.ts';
import { openPage } from './site-tools.ts';
import { docxParagraphs, libreOfficePages, pdfPages } from '../helpers/docx-text.ts';

const siteUrl = inject('siteUrl');
const siteDir = inject('siteDir');
const LULEA = `${siteUrl}rapport/2580/`;
const SOLNA = `${siteUrl}rapport/0184/`;
const DEMO = `${siteUrl}rapport/9999/`;
const DOCX = 'statistikrapport-ej-verkstallda-beslut-2580-2025-Q4.docx';
const NBSP = /\u00a0/g;

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'socialstatistik-report-test-'));
});
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

const text = (page: Page, selector: string) => page.$eval(selector, (el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim());

/** A row of the detail table of a law, by row header: the cells' numbers or marker codes. */
function detailRow(page: Page, law: string, label: string): Promise<string[]> {
  return page.$$eval(
    `[data-law="${law}"] .report-table tbody tr`,
    (trs, wanted) => {
      const tr = trs.find((r) => r.querySelector('th')?.textContent === wanted);
      return tr ? [...tr.querySelectorAll('td')].map((td) => td.getAttribute('data-antal') ?? td.getAttribute('data-markering') ?? '') : [];
    },
    label,
  );
}

function comparisonRow(page: Page, law: string, label: string): Promise<string[]> {
  return page.$$eval(
    `[data-law="${law}"] [data-comparison] tbody tr`,
    (trs, wanted) => {
      const tr = trs.find((r) => r.querySelector('th')?.textContent === wanted);
      return tr ? [...tr.querySelectorAll('td')].map((td) => td.getAttribute('data-antal') ?? td.getAttribute('data-markering') ?? '') : [];
    },
    label,
  );
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
/** A law's heading (the SoL paragraph is 4 kap. 1 § before kvartal 3 2025, 11 kap. 1 § from it). */
const LAW_HEADING = { SoL: /Statistikrapport avseende ej verkställda gynnande beslut enligt [^§]*§ socialtjänstlagen/, LSS: /Statistikrapport avseende ej verkställda gynnande beslut enligt 9 § lagen om stöd/ };

/**
 * The page printed on A4 (Chromium's page.pdf, as "Skriv ut" makes it), read back with pdftotext page by
 * page: each law's pages (from its heading to the next law's), and the headings, captions and table heads
 * that end a page, if any (which the print CSS must never let happen).
 */
async function printedLaws(page: Page, file: string): Promise<{ pages: string[]; laws: Record<string, number[]>; endsWithHeading: string[]; footerAlone: number[] }> {
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  const pages = (await pdfPages(file, false)).map((p) => squash(p.replace(/\d+\u00a0?\/\u00a0?\d+\s*$/, '')));
  const headings = await page.$$eval('[data-report] :is(h2, h3, caption, thead tr, .report-list__intro)', (els) =>
    els.map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean),
  );
  const laws: Record<string, number[]> = {};
  let current = '';
  pages.forEach((text, i) => {
    for (const [law, heading] of Object.entries(LAW_HEADING)) if (heading.test(text)) current = law;
    if (current) (laws[current] ??= []).push(i + 1);
  });
  const endsWithHeading = pages.flatMap((text, i) => headings.filter((h) => text.endsWith(h)).map((h) => `page ${i + 1}: ${h}`));
  // Without JavaScript the footer ("Luleå · kvartal 4 2025 · …") ends each law: a page that starts with it holds nothing else.
  const footer = (await page.$eval('[data-report]', (el) => el.getAttribute('data-footer') ?? '')).split(' · ').slice(0, 2).join(' · ');
  const footerAlone = pages.flatMap((text, i) => (footer && text.startsWith(footer) ? [i + 1] : []));
  return { pages, laws, endsWithHeading, footerAlone };
}

describe('the report without JavaScript', () => {
  const browser = sharedBrowser({ siteUrl, csp: STRICT_CSP, javaScriptEnabled: false });

  test('Luleå kvartal 4 2025: SoL 111 with ÄO 80, OF and IFO hidden, and the comparison 83/109/111', async () => {
    const { page, status } = await openPage(browser, LULEA, false);
    expect(status).toBe(200);
    expect(await text(page, '[data-law="SoL"] h2')).toBe('Statistikrapport avseende ej verkställda gynnande beslut enligt 11 kap. 1 § socialtjänstlagen (SoL) kvartal 4 2025');
    expect(await text(page, '[data-law="SoL"] [data-summary]')).toBe('Socialnämnden rapporterar 111 gynnande beslut enligt 11 kap. 1 § socialtjänstlagen (SoL), som inte har verkställts inom föreskriven tid.');
    // Särskilt boende (ÄO) for women only: its men and its total are hidden with a status count below the threshold.
    expect(await detailRow(page, 'SoL', 'Särskilt boende (ÄO)')).toEqual(['43', 'sekretess', 'sekretess']);
    expect((await detailRow(page, 'SoL', 'Total ÄO'))[2]).toBe('80');
    // OF and IFO are hidden together: only their sum (111 − 80 = 31) can be read.
    expect(await detailRow(page, 'SoL', 'Total OF')).toEqual(['sekretess', 'sekretess', 'sekretess']);
    expect(await detailRow(page, 'SoL', 'Total IFO')).toEqual(['11', 'sekretess', 'sekretess']);
    expect(await detailRow(page, 'SoL', 'Totalt samtliga verksamheter')).toEqual(['63', '48', '111']);
    // Bostad as the detail table shows it (its total 12, women and men hidden); the comparison shows its three parts instead.
    expect(await detailRow(page, 'SoL', 'Bostad (IFO)')).toEqual(['sekretess', 'sekretess', '12']);
    expect(await comparisonRow(page, 'SoL', 'Bostad/Övergångslägenhet')).toEqual(['9', '11', '9']);
    expect(await comparisonRow(page, 'SoL', 'Bostad')).toEqual([]);
    expect(await comparisonRow(page, 'SoL', 'Totalt samtliga verksamheter')).toEqual(['83', '109', '111']);
    const dates = await page.$$eval('[data-law="SoL"] [data-comparison] thead time', (ts) => ts.map((t) => t.getAttribute('datetime')));
    expect(dates).toEqual(['2025-06-30', '2025-09-30', '2025-12-31']);
    // A hidden cell carries the marker and words, and the total above hidden parts says so.
    expect(await detailRow(page, 'SoL', 'Kontaktperson (ÄO)')).toEqual(['sekretess', 'sekretess', '6']);
    expect((await text(page, '[data-law="SoL"] tr[data-insats="Kontaktperson"][data-verksamhet="ÄO"] td[data-markering]')).replace(NBSP, ' ')).toBe('× Skyddad av sekretess');
    expect(await text(page, '[data-law="SoL"] tr[data-insats="Kontaktperson"][data-verksamhet="ÄO"] td[data-col="summa"]')).toBe('6* (summan omfattar antal som är skyddade av sekretess)');
    const notes = await page.$$eval('[data-law="SoL"] .report__note', (ps) => ps.map((p) => p.textContent ?? ''));
    expect(notes.some((n) => n.startsWith('× Skyddad av sekretess: antal från 1 upp till gränsen'))).toBe(true);
    expect(notes.some((n) => n.startsWith('* Summan omfattar antal som är skyddade av sekretess'))).toBe(true);
    await page.close();
  });

  test('the per-insats lists: Särskilt boende (ÄO) hidden, 21 verkställda, 30 saknar plats; no small count is shown', async () => {
    const { page } = await openPage(browser, LULEA, false);
    const list = (await text(page, '[data-law="SoL"] [data-insats-list="Särskilt boende (ÄO)"]')).replace(NBSP, ' ');
    // Its total is hidden (a complement, not a small count): the list says so without calling it few.
    expect(list).toContain('Särskilt boende (ÄO) har ej verkställda gynnande beslut inom perioden; antalet är skyddat av sekretess. Av dessa är vid rapporteringstillfället:');
    expect(list).not.toContain('fåtal');
    expect(list).toContain('21 beslut verkställda');
    expect(list).toContain('30 beslut ej verkställda då det saknas plats');
    expect(list).toContain('× beslut tackat ja, ännu ej verkställda (sekretess)');
    const lss = await text(page, '[data-law="LSS"]');
    expect(lss).toContain('Socialnämnden rapporterar 36 gynnande beslut enligt 9 § lagen om stöd och service till vissa funktionshindrade (LSS)');
    expect(await comparisonRow(page, 'LSS', 'Totalt LSS')).toEqual(['51', '48', '36']);
    expect(await detailRow(page, 'LSS', '9.2 Biträde av personlig assistans')).toEqual(['sekretess', 'saknas', 'sekretess']);
    const body = await page.textContent('main');
    expect(body).not.toContain('1 beslut nu verkställt');
    expect(body).not.toMatch(/(?<![\d ])[123] beslut/);
    await page.close();
  });

  test('Solna kvartal 3 2022 says that there is nothing to report', async () => {
    const { page } = await openPage(browser, SOLNA, false);
    expect(await text(page, '[data-law="SoL"] [data-summary]')).toBe(
      'Socialnämnden har inga ej verkställda gynnande beslut enligt SoL att rapportera för kvartal 3 2022, och inte heller några tidigare ej verkställda beslut att återrapportera.',
    );
    expect(await page.$$('[data-law="SoL"] .report-table')).toHaveLength(0);
    expect(await text(page, '[data-law="SoL"] h2')).toContain('enligt 4 kap. 1 § socialtjänstlagen (SoL) kvartal 3 2022');
    await page.close();
  });

  test('the report is reached from the index, Ej verkställda beslut and the start page', async () => {
    const { page } = await openPage(browser, `${siteUrl}rapport/`, false);
    expect(await page.$$eval('.report-index a', (as) => as.map((a) => a.getAttribute('href')))).toEqual(expect.arrayContaining([new URL(LULEA).pathname, new URL(SOLNA).pathname]));
    await page.goto(`${siteUrl}ej-verkstallda-beslut/`);
    expect(await page.$eval('[data-report-link] a', (a) => a.getAttribute('href'))).toMatch(/\/rapport\/\d+\/$/);
    await page.goto(siteUrl);
    expect(await page.$eval('[data-report-link] a', (a) => a.getAttribute('href'))).toBe(new URL(`${siteUrl}rapport/`).pathname);
    await page.close();
  });

  test('prints on A4: each law on one or two pages of its own, no heading at the foot of a page, no menu, the footer', async () => {
    const { page } = await openPage(browser, LULEA, false);
    const { pages, laws, endsWithHeading, footerAlone } = await printedLaws(page, path.join(work, 'print.pdf'));
    expect(footerAlone, 'pages with only the footer').toEqual([]);
    expect(laws.SoL, 'SoL pages').toEqual([1, 2]);
    expect(laws.LSS, 'LSS pages').toEqual([3, 4]);
    expect(endsWithHeading).toEqual([]);
    const all = pages.join('\n');
    expect(all).not.toContain('Huvudmeny');
    expect(all).not.toContain('Ladda ned som Word');
    expect(all).not.toContain('Rapporter för andra kvartal');
    for (const law of ['SoL', 'LSS']) {
      const last = pages[laws[law][laws[law].length - 1] - 1];
      expect(last).toMatch(/Luleå · kvartal 4 2025 · data publicerade \d+ \p{L}+ \d{4} · Käll(?:a|or): /u);
    }
    await page.close();
  });

  test.each([
    ['Luleå kvartal 3 2025', `${LULEA}2025-Q3/`],
    ['Luleå kvartal 2 2025', `${LULEA}2025-Q2/`],
    ['Solna kvartal 3 2022', SOLNA],
    ['Exempelstad kvartal 4 2025', DEMO],
  ])('%s prints each law on at most two pages of its own, no heading at the foot of a page', async (_, url) => {
    const { page } = await openPage(browser, url, false);
    const { laws, endsWithHeading, footerAlone } = await printedLaws(page, path.join(work, 'print-other.pdf'));
    expect(footerAlone, 'pages with only the footer').toEqual([]);
    expect(laws.SoL?.[0], 'SoL starts the print').toBe(1);
    expect(laws.SoL.length, 'SoL pages').toBeLessThanOrEqual(2);
    expect(laws.LSS?.[0], 'LSS starts a page of its own').toBe(laws.SoL.length + 1);
    expect(laws.LSS.length, 'LSS pages').toBeLessThanOrEqual(2);
    expect(endsWithHeading).toEqual([]);
    await page.close();
  });

  test('an earlier quarter has a page of its own: Luleå kvartal 3 2025, SoL 109 and LSS 48, with its Word file', async () => {
    const { page, status } = await openPage(browser, `${LULEA}2025-Q3/`, false);
    expect(status).toBe(200);
    expect(await text(page, '[data-report]')).not.toBe('');
    expect(await page.$eval('[data-report]', (el) => el.getAttribute('data-period'))).toBe('2025-Q3');
    expect(await text(page, '[data-law="SoL"] h2')).toBe('Statistikrapport avseende ej verkställda gynnande beslut enligt 11 kap. 1 § socialtjänstlagen (SoL) kvartal 3 2025');
    expect(await text(page, '[data-law="SoL"] [data-summary]')).toContain('rapporterar 109 gynnande beslut');
    expect(await text(page, '[data-law="LSS"] [data-summary]')).toContain('rapporterar 48 gynnande beslut');
    expect(await detailRow(page, 'SoL', 'Totalt samtliga verksamheter')).toEqual([expect.any(String), expect.any(String), '109']);
    const dates = await page.$$eval('[data-law="SoL"] [data-comparison] thead time', (ts) => ts.map((t) => t.getAttribute('datetime')));
    expect(dates).toEqual(['2025-03-31', '2025-06-30', '2025-09-30']);
    // Its Word file beside it, built with the site.
    const docx = await page.$eval('[data-report-docx-link]', (a) => a.getAttribute('href'));
    expect(docx).toBe(`${new URL(LULEA).pathname}2025-Q3/statistikrapport-ej-verkstallda-beslut-2580-2025-Q3.docx`);
    const paragraphs = await docxParagraphs(await readFile(path.join(siteDir, 'rapport', '2580', '2025-Q3', 'statistikrapport-ej-verkstallda-beslut-2580-2025-Q3.docx')));
    expect(paragraphs).toContain('Socialnämnden rapporterar 109 gynnande beslut enligt 11 kap. 1 § socialtjänstlagen (SoL), som inte har verkställts inom föreskriven tid.');
    expect(await page.$$('template[data-report-model]')).toHaveLength(0);
    await page.close();
  });

  test('the chooser is plain links: from the latest quarter to kvartal 3 and 2 2025 and back', async () => {
    const { page } = await openPage(browser, LULEA, false);
    const links = await page.$$eval('.report__quarters a', (as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    const base = new URL(LULEA).pathname;
    expect(links).toEqual([['kvartal 3 2025', `${base}2025-Q3/`], ['kvartal 2 2025', `${base}2025-Q2/`]]);
    expect(await text(page, '.report__quarters [aria-current="page"]')).toBe('kvartal 4 2025');
    await Promise.all([page.waitForURL(`${LULEA}2025-Q3/`), page.click('.report__quarters a[data-quarter="2025-Q3"]')]);
    expect(await text(page, '[data-law="LSS"] [data-summary]')).toContain('rapporterar 48 gynnande beslut');
    expect(await text(page, '.report__quarters [aria-current="page"]')).toBe('kvartal 3 2025');
    await Promise.all([page.waitForURL(`${LULEA}2025-Q2/`), page.click('.report__quarters a[data-quarter="2025-Q2"]')]);
    expect(await text(page, '[data-law="SoL"] [data-summary]')).toContain('rapporterar 83 gynnande beslut');
    expect(await text(page, '[data-law="LSS"] [data-summary]')).toContain('rapporterar 51 gynnande beslut');
    await Promise.all([page.waitForURL(LULEA), page.click('.report__quarters a[data-quarter="2025-Q4"]')]);
    expect(await text(page, '[data-law="SoL"] [data-summary]')).toContain('rapporterar 111 gynnande beslut');
    // "Rapporter för andra enheter" leads to the index from a quarter's page too.
    await page.goto(`${LULEA}2025-Q3/`);
    await Promise.all([page.waitForURL(`${siteUrl}rapport/`), page.click('.report__tools a[href$="/rapport/"]')]);
    await page.close();
  });

  test('every quarter of the bundled data has a page of its own: the demo unit\'s 40 quarters, no JavaScript note', async () => {
    const { page } = await openPage(browser, DEMO, false);
    const hrefs = await page.$$eval('.report__quarters a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs).toHaveLength(39);
    expect(hrefs.every((h) => /\/rapport\/9999\/\d{4}-Q[1-4]\/$/.test(h))).toBe(true);
    expect(await page.$$('.report__older')).toHaveLength(0);
    const { status } = await openPage(browser, `${DEMO}2016-Q1/`, false).then(async (r) => (await r.page.close(), r));
    expect(status).toBe(200);
    await page.close();
  });
});

describe('the report with JavaScript', () => {
  const browser = sharedBrowser({ siteUrl, csp: STRICT_CSP });

  test('an address ?kvartal=2025-Q3 goes to that quarter\'s own page, without starting the engine', async () => {
    const page = await browser.newPage();
    const wasm: string[] = [];
    page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url()); });
    await page.goto(`${LULEA}?kvartal=2025-Q3`);
    await page.waitForURL(`${LULEA}2025-Q3/`);
    await page.waitForSelector('[data-report][data-period="2025-Q3"]');
    expect(await text(page, '[data-law="SoL"] [data-summary]')).toContain('rapporterar 109 gynnande beslut');
    expect(await text(page, '[data-law="LSS"] [data-summary]')).toContain('rapporterar 48 gynnande beslut');
    // From a quarter's own page as well.
    await page.goto(`${LULEA}2025-Q3/?kvartal=2025-Q2`);
    await page.waitForURL(`${LULEA}2025-Q2/`);
    expect(await text(page, '[data-law="LSS"] [data-summary]')).toContain('rapporterar 51 gynnande beslut');
    expect(wasm).toEqual([]);
    await page.close();
  });

  test('prints with JavaScript: each law on at most two pages, the footer on every page', async () => {
    const page = await browser.newPage();
    await page.goto(LULEA, { waitUntil: 'networkidle' });
    const { pages, laws, endsWithHeading } = await printedLaws(page, path.join(work, 'print-js.pdf'));
    expect(laws.SoL.length, 'SoL pages').toBeLessThanOrEqual(2);
    expect(laws.LSS.length, 'LSS pages').toBeLessThanOrEqual(2);
    expect(laws.LSS[0]).toBe(laws.SoL.length + 1);
    expect(endsWithHeading).toEqual([]);
    for (const p of pages) expect(p).toContain('Luleå · kvartal 4 2025 · data publicerade');
    await page.close();
  });
});

describe('the Word file built with the site', () => {
  test('reads back with the same headings, figures and lists, and LibreOffice opens it', { timeout: 180_000 }, async () => {
    const bytes = await readFile(path.join(siteDir, 'rapport', '2580', '2025-Q4', DOCX));
    const paragraphs = await docxParagraphs(bytes);
    expect(paragraphs).toContain('Statistikrapport avseende ej verkställda gynnande beslut enligt 11 kap. 1 § socialtjänstlagen (SoL) kvartal 4 2025');
    expect(paragraphs).toContain('Socialnämnden rapporterar 111 gynnande beslut enligt 11 kap. 1 § socialtjänstlagen (SoL), som inte har verkställts inom föreskriven tid.');
    expect(paragraphs).toContain('21 beslut verkställda');
    expect(paragraphs.join('\n')).not.toContain('1 beslut nu verkställt');
    const pages = await libreOfficePages(bytes);
    const all = pages.join('\n').replace(/\s+/g, ' ');
    expect(all).toContain('Socialnämnden rapporterar 111 gynnande beslut');
    expect(all).toContain('Socialnämnden rapporterar 36 gynnande beslut');
    expect(all).toMatch(/Totalt samtliga verksamheter 63\* 48\* 111/);
    const lssStart = pages.findIndex((p) => p.replace(/\s+/g, ' ').includes('Statistikrapport avseende ej verkställda gynnande beslut enligt 9 §'));
    expect(lssStart, 'LSS starts on a page of its own').toBeGreaterThan(0);
    expect(pages.length - lssStart, 'LSS pages').toBeLessThanOrEqual(3);
    expect(lssStart, 'SoL pages').toBeLessThanOrEqual(3);
  });
});
