// Nothing that the anonymisation hides may reach dist/: no count from 1 up to the threshold, no count
// hidden against subtraction, no personal identity number, in any file (HTML, JSON, JS, CSS, SVG, the
// DuckDB files read back) nor in what the pages show and offer for download in a browser.
//
// Small numbers like 1, 2 and 3 are everywhere in HTML and JS, so a text search cannot find them.
// Instead:
//  1. the published data are read back and compared with the input, cell by cell;
//  2. the site is built twice from data that differ only in the hidden cells (every count from 1 to the
//     threshold changed, and a control unit whose hidden counts all change): every file, every page as
//     a browser shows it and every CSV download must be the same, so nothing on the site can depend on
//     a hidden value, whichever page, table, tooltip or summary would show it (this needs a reproducible
//     build: output that changes between two builds of the same data, e.g. rows of a query whose ORDER BY
//     leaves ties, fails here too, and must be fixed for the proof to hold);
//  3. the control unit's hidden complements are unmistakable seven-digit numbers, searched as text in
//     every file, page and download of both builds;
//  4. every file is searched for a valid personal identity number, and a build from data holding one
//     fails without repeating it.

import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { readDataDir } from '../../scripts/lib/read-data-dir.ts';
import type { RunningServer } from '../../scripts/serve.ts';
import { containsPersonalNumber } from '../../src/data/personnummer.ts';
import { DATASETS, FIGURE_DATASETS } from '../../src/data/schema.ts';
import { formatDate } from '../../src/i18n/format.ts';
import { NodeRunner } from '../../src/queries/node-runner.ts';
import type { PublishedManifest } from '../../src/queries/published.ts';
import { UNIT_CATALOGS, unitsQuery, type CatalogTopic, type UnitCatalog } from '../../src/queries/unit-catalogs.ts';
import { launchSiteBrowser, type SiteBrowser } from './browser.ts';
import {
  changeSmallCounts,
  CONTROL_UNIT,
  controlUnit,
  publishedFigures,
  readDataFolder,
  writeDataFolder,
} from './fixture-data.ts';
import { buildSite, failedResponses, pageDownloads, PROJECT_ROOT, readPublished, runBuild, serveSite, sitePages, walkFiles } from './site-tools.ts';

const siteDir = inject('siteDir');
const CATALOG_TABLES = new Set(Object.values(UNIT_CATALOGS).map((c) => c.table));
const ROW_COUNT_COLUMNS = ['perioder', 'varden'];
const catalogTopic = (table: string) => (Object.keys(UNIT_CATALOGS) as CatalogTopic[]).find((t) => UNIT_CATALOGS[t].table === table)!;
const manifest = JSON.parse(readFileSync(path.join(siteDir, 'data', 'manifest.json'), 'utf8')) as PublishedManifest;
const threshold = manifest.threshold;
const DATA = path.join(PROJECT_ROOT, 'data');

/** Files whose bytes are not text: searched as Latin-1 (digits are ASCII in every encoding the site uses). */
const asText = (file: string) => readFileSync(file).toString(file.endsWith('.wasm') || file.endsWith('.duckdb') ? 'latin1' : 'utf8');

/** A count written in any way a page, a JSON file or a CSV might write it: 2000003, 2 000 003, 2 000 003, 2,000,003. */
function countPattern(n: number): RegExp {
  const groups = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u0000').split('\u0000');
  return new RegExp(`(?<!\\d)${groups.join('[ \\u00a0\\u202f\\u2009.,]?')}(?!\\d)`);
}

/** Every value of every relation as text (numbers as digits), for the same search. */
function relationText(relations: Awaited<ReturnType<typeof readPublished>>): string {
  return relations.map((r) => r.rows.map((row) => Object.values(row).map(String).join('\t')).join('\n')).join('\n');
}

describe('the search for a hidden count finds it however it is written', () => {
  test.each([
    ['2000003', true],
    ['antal 2 000 003 barn', true],
    ['2\u00a0000\u00a0003', true],
    ['2\u202f000\u202f003', true],
    ['2,000,003', true],
    ['"antal":2000003}', true],
    ['12000003', false],
    ['20000031', false],
    ['2 000 003,5 %', true],
    ['2 000 004', false],
  ])('%s', (text, found) => {
    expect(countPattern(2_000_003).test(text)).toBe(found);
  });
});

describe('the bundled build: the published data against the input', () => {
  let relations: Awaited<ReturnType<typeof readPublished>>;
  beforeAll(async () => {
    relations = await readPublished(path.join(siteDir, 'data'));
  });

  test('no count from 1 up to the threshold in any column of any published table or view', () => {
    expect(threshold).toBeGreaterThan(1);
    const bad: string[] = [];
    let checked = 0;
    for (const r of relations) {
      // A unit catalog's perioder and varden count published rows, not people (proved in the next test).
      const catalog = CATALOG_TABLES.has(r.name.split('.')[1]);
      const counts = r.columns.filter((c) => /INT/.test(c.type) && !(catalog && ROW_COUNT_COLUMNS.includes(c.name)));
      for (const row of r.rows) {
        for (const c of counts) {
          const v = row[c.name];
          if (v === null || v === undefined) continue;
          checked++;
          const n = Number(v);
          if (n >= 1 && n < threshold) bad.push(`${r.name}.${c.name} = ${n}: ${JSON.stringify(row, (_k, x) => (typeof x === 'bigint' ? Number(x) : x))}`);
        }
      }
    }
    expect(relations.map((r) => r.name)).toEqual(expect.arrayContaining(['placeringar.placeringar', 'ej_verkstallda_beslut.ej_verkstallda_beslut']));
    expect(checked).toBeGreaterThan(1000);
    expect(bad).toEqual([]);
  });

  test('each stored unit catalog is exactly its SQL over the other published tables: it reveals nothing they do not', async () => {
    const runner = await NodeRunner.open(path.join(siteDir, 'data'));
    try {
      const stored = relations.filter((r) => CATALOG_TABLES.has(r.name.split('.')[1]));
      expect(stored.map((r) => r.name).sort()).toEqual(['ej_verkstallda_beslut.ej_verkstallda_beslut_enheter', 'placeringar.natverkshem_enheter', 'placeringar.placeringar_enheter']);
      for (const catalog of Object.values(UNIT_CATALOGS) as UnitCatalog[]) {
        const query = catalog.source(runner.datasets)!;
        const computed = await runner.run(query.sql, query.params);
        const read = await runner.run(unitsQuery(catalogTopic(catalog.table), runner.datasets)!.sql);
        expect(read.length).toBeGreaterThan(1);
        expect(read).toEqual(computed);
      }
    } finally {
      runner.close();
    }
  });

  test('every input count below the threshold is published as NULL with the marker sekretess, every other count as it was or hidden', async () => {
    const input = await readDataDir(DATA);
    expect(input.errors).toEqual([]);
    let small = 0;
    let hiddenToo = 0;
    for (const name of FIGURE_DATASETS) {
      const spec = DATASETS[name];
      if (spec.valueColumn !== 'antal' || !input.tables[name]) continue;
      const rows = relations.find((r) => r.name === `${name}.${name}`)?.rows ?? [];
      const keyOf = (row: Record<string, unknown>) => spec.key.map((k) => String(row[k] ?? '')).join('\u0000');
      const out = new Map(rows.map((row) => [keyOf(row), row]));
      expect(out.size, name).toBe(input.tables[name].length);
      for (const row of input.tables[name]) {
        const got = out.get(keyOf(row));
        expect(got, `${row._file}:${row._line}`).toBeDefined();
        const n = row.antal;
        if (typeof n === 'number' && n >= 1 && n < threshold) {
          small++;
          expect({ at: `${row._file}:${row._line}`, antal: got?.antal, markering: got?.markering }).toEqual({
            at: `${row._file}:${row._line}`,
            antal: null,
            markering: 'sekretess',
          });
        } else if (typeof n === 'number' && got?.antal === null) {
          hiddenToo++;
          expect(got.markering, `${row._file}:${row._line}`).toBe('sekretess');
        } else {
          expect(got?.antal ?? null, `${row._file}:${row._line}`).toBe(n);
        }
      }
    }
    // The bundled data have small counts (the demo unit) and cells hidden against subtraction; the
    // manifest counts them all.
    expect(small).toBeGreaterThan(100);
    expect(hiddenToo).toBeGreaterThan(0);
    const suppressedInManifest = manifest.datasets.reduce((sum, d) => sum + (d.suppressed ?? 0), 0);
    const markedInput = FIGURE_DATASETS.flatMap((n) => input.tables[n] ?? []).filter((r) => r.markering === 'sekretess').length;
    expect(suppressedInManifest).toBe(small + hiddenToo + markedInput);
  });

  test('no personal identity number in any file of dist/ or any value of the published data', () => {
    const files = walkFiles(siteDir);
    expect(files.length).toBeGreaterThan(5);
    const found = files.filter((f) => containsPersonalNumber(asText(f))).map((f) => path.relative(siteDir, f));
    expect(found).toEqual([]);
    expect(containsPersonalNumber(relationText(relations))).toBe(false);
    // The search itself finds one (the Tax Agency's well-known test number) in the same kind of text.
    expect(containsPersonalNumber(`${asText(path.join(siteDir, 'index.html'))}<td>19121212-1212</td>`)).toBe(true);
  });

  test('no input file is copied into dist/: no CSV, and the wasm files are the engine\'s own', () => {
    const files = walkFiles(siteDir);
    expect(files.filter((f) => f.toLowerCase().endsWith('.csv'))).toEqual([]);
    const engine = path.join(PROJECT_ROOT, 'node_modules', '@duckdb', 'duckdb-wasm', 'dist');
    const own = new Set(readdirSync(engine).filter((f) => f.endsWith('.wasm')).map((f) => hash(path.join(engine, f))));
    const wasm = files.filter((f) => f.endsWith('.wasm'));
    expect(wasm.length).toBeGreaterThan(0);
    for (const f of wasm) expect(own.has(hash(f)), path.relative(siteDir, f)).toBe(true);
  });
});

/** The page's markup once it has not changed for a second (the browser engine renders after loading). */
async function settledHtml(page: import('playwright-core').Page): Promise<string> {
  let last = '';
  for (let i = 0; i < 60; i++) {
    const html = await page.evaluate(() => document.documentElement.outerHTML);
    if (html === last) return html;
    last = html;
    await page.waitForTimeout(1_000);
  }
  return last;
}

/** Where two texts first differ, with some context: "…a: <td>12</td> | b: <td>13</td>…". */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 80);
  return `a: …${a.slice(from, i + 80)}… | b: …${b.slice(from, i + 80)}…`;
}

function hash(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

describe('two builds that differ only in hidden counts are the same site', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'socialstatistik-dist-scan-'));
  const dirs = { a: path.join(work, 'a'), b: path.join(work, 'b') };
  const sites = { a: path.join(work, 'site-a'), b: path.join(work, 'site-b') };
  const control = { a: controlUnit(false), b: controlUnit(true) };
  const data = readDataFolder(DATA);
  const filesA = { ...data, ...control.a.files };
  const changed = changeSmallCounts({ ...data, ...control.b.files }, threshold);
  /** The complements: seven-digit hidden counts, searchable as text. */
  const sentinels = [...new Set([...control.a.hidden, ...control.b.hidden])].filter((n) => n >= 1000);
  const patterns = sentinels.map((n) => ({ n, re: countPattern(n) }));
  const servers: Partial<Record<'a' | 'b', RunningServer>> = {};
  /** What a browser shows and offers on every page of each build (JS on, after load). */
  const seen: Record<'a' | 'b', Record<string, { html: string; downloads: Record<string, string> }>> = { a: {}, b: {} };

  const leaks = (text: string) => patterns.filter((p) => p.re.test(text)).map((p) => p.n);

  beforeAll(async () => {
    writeDataFolder(dirs.a, filesA);
    writeDataFolder(dirs.b, changed.files);
    // Built back to back, so that nothing but the data differs.
    await buildSite(dirs.a, sites.a);
    await buildSite(dirs.b, sites.b);
    servers.a = await serveSite(sites.a);
    servers.b = await serveSite(sites.b);
    for (const which of ['a', 'b'] as const) {
      const browser: SiteBrowser = await launchSiteBrowser({ siteUrl: servers[which]!.url });
      const failed = failedResponses(browser.context);
      try {
        for (const pagePath of sitePages(sites[which])) {
          const page = await browser.newPage();
          await page.goto(servers[which]!.url + pagePath, { waitUntil: 'networkidle' });
          seen[which][pagePath] = { html: await settledHtml(page), downloads: await pageDownloads(page) };
          // The same page for the control unit, where a filter offers it (the filters keep their state in
          // the address, as a submitted form does).
          const params = await page.$$eval(
            'select[name]',
            (selects, code) => selects.filter((s) => [...(s as HTMLSelectElement).options].some((o) => o.value === code)).map((s) => (s as HTMLSelectElement).name),
            CONTROL_UNIT.enhetskod,
          );
          if (params.length) {
            const query = `?${params.map((k) => `${encodeURIComponent(k)}=${CONTROL_UNIT.enhetskod}`).join('&')}`;
            await page.goto(servers[which]!.url + pagePath + query, { waitUntil: 'networkidle' });
            // The browser engine answers after the network is quiet: wait until the unit's name is shown
            // outside the filters, and the page has stopped changing.
            await page.waitForFunction(
              (unit) => {
                const main = document.querySelector('main')?.cloneNode(true) as HTMLElement | undefined;
                main?.querySelectorAll('select, form').forEach((el) => el.remove());
                return main?.textContent?.includes(unit) ?? false;
              },
              CONTROL_UNIT.enhetsnamn,
              { timeout: 60_000 },
            );
            seen[which][pagePath + query] = { html: await settledHtml(page), downloads: await pageDownloads(page) };
          }
          await page.close();
        }
        expect(failed).toEqual([]);
        expect(browser.errors).toEqual([]);
        expect(browser.foreignRequests).toEqual([]);
      } finally {
        await browser.close();
      }
    }
  }, 600_000);

  afterAll(async () => {
    await servers.a?.close();
    await servers.b?.close();
    rmSync(work, { recursive: true, force: true });
  });

  test('the two data folders publish the same tables: only hidden values differ', () => {
    // Most small counts change; those the data's own totals pin down stay (a part cannot exceed its total).
    expect(changed.changed).toBeGreaterThan(1000);
    expect(changed.changed).toBeGreaterThan(changed.kept);
    expect(publishedFigures(changed.files, threshold)).toEqual(publishedFigures(filesA, threshold));
    expect(sentinels.length).toBeGreaterThanOrEqual(40);
  });

  test('every file is the same, apart from the build time', () => {
    const normalise = (dir: string) => {
      const generated = (JSON.parse(readFileSync(path.join(dir, 'data', 'manifest.json'), 'utf8')) as PublishedManifest).generated;
      return (text: string) => text.replaceAll(generated, '<generated>').replaceAll(formatDate(generated), '<generated date>');
    };
    const na = normalise(sites.a);
    const nb = normalise(sites.b);
    const list = (dir: string) => walkFiles(dir).map((f) => path.relative(dir, f)).sort();
    expect(list(sites.b)).toEqual(list(sites.a));
    const differ: string[] = [];
    for (const rel of list(sites.a)) {
      const fa = path.join(sites.a, rel);
      const fb = path.join(sites.b, rel);
      if (rel.endsWith('.duckdb')) continue; // compared by content below
      if (/\.(html|json|js|mjs|css|svg|csv|txt|xml)$/.test(rel)) {
        if (na(readFileSync(fa, 'utf8')) !== nb(readFileSync(fb, 'utf8'))) differ.push(rel);
      } else if (hash(fa) !== hash(fb)) {
        differ.push(rel);
      }
    }
    expect(differ).toEqual([]);
  });

  test('the DuckDB files hold the same tables and views', async () => {
    const [ra, rb] = await Promise.all([readPublished(path.join(sites.a, 'data')), readPublished(path.join(sites.b, 'data'))]);
    expect(ra.length).toBeGreaterThan(0);
    expect(rb).toEqual(ra);
  });

  test('every page, as the browser shows it with JavaScript, and every CSV it offers are the same', () => {
    const pages = Object.keys(seen.a);
    expect(pages).toContain('');
    // At least one page was also seen with the control unit chosen.
    expect(pages.some((p) => p.includes(`=${CONTROL_UNIT.enhetskod}`))).toBe(true);
    expect(Object.keys(seen.b)).toEqual(pages);
    const generated = (dir: string) => (JSON.parse(readFileSync(path.join(dir, 'data', 'manifest.json'), 'utf8')) as PublishedManifest).generated;
    const [ga, gb] = [generated(sites.a), generated(sites.b)];
    // The two builds differ in when they were made and where they are served (a page may show its own URL).
    // A progress bar shows how far the last download got, which depends on timing, not on the data.
    const n = (text: string, g: string, origin: string) =>
      text
        .replaceAll(g, '<generated>')
        .replaceAll(formatDate(g), '<generated date>')
        .replaceAll(origin, '<origin>')
        .replace(/<progress\b[^>]*>/g, '<progress>');
    const [oa, ob] = [new URL(servers.a!.url).origin, new URL(servers.b!.url).origin];
    const differences: string[] = [];
    for (const p of pages) {
      const [ha, hb] = [n(seen.a[p].html, ga, oa), n(seen.b[p].html, gb, ob)];
      if (ha !== hb) differences.push(`page ${p || '(start)'}: ${firstDifference(ha, hb)}`);
      const [da, db] = [seen.a[p].downloads, seen.b[p].downloads];
      for (const file of new Set([...Object.keys(da), ...Object.keys(db)])) {
        if (da[file] !== db[file]) differences.push(`page ${p || '(start)'}, download ${file}: ${firstDifference(da[file] ?? '', db[file] ?? '')}`);
      }
    }
    expect(differences).toEqual([]);
  });

  test('the control unit\'s hidden counts are nowhere: files, published data, pages, downloads', async () => {
    const found: string[] = [];
    for (const which of ['a', 'b'] as const) {
      for (const f of walkFiles(sites[which])) {
        for (const n of leaks(asText(f))) found.push(`${which}: ${path.relative(sites[which], f)}: ${n}`);
      }
      const published = relationText(await readPublished(path.join(sites[which], 'data')));
      for (const n of leaks(published)) found.push(`${which}: published data: ${n}`);
      for (const [p, s] of Object.entries(seen[which])) {
        for (const n of leaks(s.html)) found.push(`${which}: page ${p || '(start)'}: ${n}`);
        for (const [name, text] of Object.entries(s.downloads)) for (const n of leaks(text)) found.push(`${which}: ${p} download ${name}: ${n}`);
      }
    }
    expect(found).toEqual([]);
  });

  test('the control unit\'s totals are published, so the search above looks where the numbers are', async () => {
    const published = relationText(await readPublished(path.join(sites.a, 'data')));
    const missing = control.a.shown.filter((n) => !countPattern(n).test(published));
    expect(missing).toEqual([]);
  });
});

describe('a personal identity number in the data stops the build', () => {
  test('the build fails, names the cell with the digits masked, never repeats the number, and writes no dist/', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'socialstatistik-pnr-'));
    try {
      const data = path.join(work, 'data');
      cpSync(path.join(PROJECT_ROOT, 'test', 'fixtures', 'data-good'), data, { recursive: true });
      // 19121212-1212: the Tax Agency's well-known test number (valid check digit).
      writeFileSync(
        path.join(data, 'handelser.csv'),
        'datum;enhetskod;rubrik;beskrivning;kalla\n2025-07-01;;Ny socialtjänstlag;Ärende 19121212-1212 avslutat;test\n',
      );
      const dist = path.join(work, 'dist');
      const run = await runBuild(data, dist);
      expect(run.code).toBe(1);
      expect(run.output).toContain(
        'FEL: handelser.csv, rad 2, kolumn D (beskrivning): "Ärende ••••••••-•••• avslutat" ser ut som ett personnummer. Personuppgifter får aldrig finnas i indata; ta bort cellen.',
      );
      expect(run.output).toContain('ERROR: handelser.csv, line 2, column D (beskrivning): "Ärende ••••••••-•••• avslutat" looks like a Swedish personal identity number.');
      expect(run.output).not.toMatch(/1212/);
      expect(existsSync(dist)).toBe(false);
      expect(readdirSync(work)).toEqual(['data']);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 120_000);
});
