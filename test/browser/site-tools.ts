// Tools the publishing tests share: every page a build produced (so pages added later are tested with no
// change here), building the site from another data folder, serving it, and reading every published
// DuckDB file back.

import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { BrowserContext, Page } from 'playwright-core';
import type { SiteBrowser } from './browser.ts';
import { startServer, type RunningServer } from '../../scripts/serve.ts';
import { TEST_BASE_PATH } from './global-setup.ts';
import { childEnv } from '../helpers/child-env.ts';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Every file under `dir`, as absolute paths. */
export function walkFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

/**
 * Every page of a built site, as paths under the base path: '' for the start page, 'kallor/' for
 * kallor/index.html, '404.html' for a file page. Taken from the build itself, so no page is forgotten.
 */
export function sitePages(siteDir: string): string[] {
  return walkFiles(siteDir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => path.relative(siteDir, f).split(path.sep).join('/'))
    .map((rel) => (rel === 'index.html' ? '' : rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel))
    .sort();
}

/**
 * The pages a slow per-page check visits: every page, except that of a unit's report pages for earlier
 * quarters (rapport/<enhet>/<kvartal>/, the same template with another quarter's figures) only the
 * oldest and the newest are kept. The fast checks (no JavaScript, the dist scan) still read every page.
 */
export function representativePages(pages: string[]): string[] {
  const quarters = new Map<string, string[]>();
  for (const p of pages) {
    const m = /^rapport\/([^/]+)\/\d{4}-Q[1-4]\/$/.exec(p);
    if (m) quarters.set(m[1], [...(quarters.get(m[1]) ?? []), p]);
  }
  const kept = new Set([...quarters.values()].flatMap((list) => [list[0], list[list.length - 1]]));
  return pages.filter((p) => !/^rapport\/[^/]+\/\d{4}-Q[1-4]\/$/.test(p) || kept.has(p));
}

export interface BuildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/** The environment of a build started from a test: the test runner's own settings removed. */
export function buildEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return childEnv({ BASE_PATH: TEST_BASE_PATH, ...env });
}

/** Runs `npm run build` (scripts/build.ts) on `dataDir` into `distDir`, under the tests' base path. */
export function runBuild(dataDir: string, distDir: string, env: Record<string, string> = {}): Promise<BuildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'scripts', 'build.ts')], {
      cwd: PROJECT_ROOT,
      env: buildEnv({ DATA_DIR: dataDir, DIST_DIR: distDir, ...env }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, output }));
  });
}

/** Builds and fails loudly (with the build's own output) when the build fails. */
export async function buildSite(dataDir: string, distDir: string, env: Record<string, string> = {}): Promise<void> {
  const run = await runBuild(dataDir, distDir, env);
  if (run.code !== 0) throw new Error(`scripts/build.ts failed (${run.signal ?? `exit ${run.code}`}):\n${run.output}`);
}

/** Serves a built site under the tests' base path on a free port. */
export function serveSite(siteDir: string): Promise<RunningServer> {
  return startServer({ root: siteDir, base: TEST_BASE_PATH, port: 0 });
}

export interface PublishedRelation {
  /** `placeringar.placeringar`, `placeringar.natverkshemsandel_beraknad`: file and table or view. */
  name: string;
  kind: 'table' | 'view';
  columns: { name: string; type: string }[];
  rows: Record<string, unknown>[];
}

/** Every table and view of every .duckdb file in `dataDir`, with all its rows, opened read-only as the site opens them. */
export async function readPublished(dataDir: string): Promise<PublishedRelation[]> {
  const files = readdirSync(dataDir).filter((f) => f.endsWith('.duckdb')).sort();
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  const out: PublishedRelation[] = [];
  try {
    for (const file of files) {
      const stem = file.replace(/\.duckdb$/, '');
      const catalog = `pub_${stem}`;
      await con.run(`ATTACH '${path.join(dataDir, file).replaceAll("'", "''")}' AS "${catalog}" (READ_ONLY)`);
      await con.run(`USE "${catalog}"`);
      const relations = (
        await con.runAndReadAll(
          `SELECT table_name, table_type FROM information_schema.tables WHERE table_catalog = ? ORDER BY table_name`,
          [catalog],
        )
      ).getRowObjectsJS();
      for (const r of relations) {
        const table = String(r.table_name);
        const columns = (
          await con.runAndReadAll(
            `SELECT column_name, data_type FROM information_schema.columns WHERE table_catalog = ? AND table_name = ? ORDER BY ordinal_position`,
            [catalog, table],
          )
        )
          .getRowObjectsJS()
          .map((c) => ({ name: String(c.column_name), type: String(c.data_type) }));
        // Sorted: a view's rows come in whatever order DuckDB's threads finish them.
        const rows = (await con.runAndReadAll(`SELECT * FROM "${catalog}".main."${table.replaceAll('"', '""')}" ORDER BY ALL`)).getRowObjectsJS();
        out.push({ name: `${stem}.${table}`, kind: r.table_type === 'VIEW' ? 'view' : 'table', columns, rows });
      }
    }
  } finally {
    con.closeSync();
    instance.closeSync();
  }
  return out;
}

// Chromium drops a download without a word when more than about ten start within a second (seen as a
// 15 s wait for a page's tenth-odd CSV in dist-scan). The start times of the downloads this helper began,
// across pages (the limit may be the browser's, not the tab's): a click waits until the tenth-last is
// more than 1.1 s old.
const downloadStarts: number[] = [];
const DOWNLOAD_BURST = 10;
const DOWNLOAD_WINDOW_MS = 1_100;

async function downloadSlot(): Promise<void> {
  const tenthLast = downloadStarts.at(-DOWNLOAD_BURST);
  if (tenthLast !== undefined) {
    const wait = tenthLast + DOWNLOAD_WINDOW_MS - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait + 10));
  }
  downloadStarts.push(Date.now());
  if (downloadStarts.length > DOWNLOAD_BURST) downloadStarts.splice(0, downloadStarts.length - DOWNLOAD_BURST);
}

/**
 * Every CSV file the page offers: each link or button whose download is a .csv (a file in dist or one
 * made in the browser) is activated and its contents read. Returns file name → text. Clicks are spaced
 * so that no more than ten downloads start within 1.1 s (downloadSlot).
 */
export async function pageDownloads(page: Page): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  // A download link (made at build time or in the browser), a link to a CSV file, or a button that says
  // it downloads ("Ladda ner", "Hämta", "CSV").
  const indices = await page.$$eval('a, button', (els) =>
    els.flatMap((el, i) => {
      const a = el instanceof HTMLAnchorElement ? el : null;
      const offers = a ? a.hasAttribute('download') || /\.csv$/i.test(a.pathname) : /csv|ladda ner|hämta/i.test(el.textContent ?? '');
      return offers ? [i] : [];
    }),
  );
  for (const i of indices) {
    const control = page.locator('a, button').nth(i);
    if (!(await control.isVisible())) continue;
    const what = `${page.url()} ${await control.evaluate((e) => e.outerHTML.slice(0, 200))}`;
    await downloadSlot();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 15_000 }).catch((e: Error) => Promise.reject(new Error(`no download from ${what}: ${e.message}`))),
      control.click(),
    ]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    out[`${i}:${download.suggestedFilename()}`] = Buffer.concat(chunks).toString('utf8');
  }
  return out;
}

/** Records every response of the site with an error status (4xx, 5xx), as "status URL". */
export function failedResponses(context: BrowserContext): string[] {
  const failed: string[] = [];
  context.on('response', (r) => {
    if (r.status() < 400) return;
    let from = '';
    try {
      from = ` (page ${r.frame().page().url()})`;
    } catch {
      // A worker's request has no frame.
    }
    failed.push(`${r.status()} ${r.url()}${from}`);
  });
  return failed;
}

/**
 * Uses the page as a visitor would, to reach what loads or renders only on demand: opens every
 * <details>, picks another option in every <select>, clicks every button (a download, the browser engine,
 * a filter) and waits for the network to settle after each. A control that navigates is followed back.
 * Returns what was done, for messages.
 */
export async function exercisePage(page: Page): Promise<string[]> {
  const url = page.url();
  const done: string[] = [];
  const settle = () => page.waitForLoadState('networkidle', { timeout: 20_000 }).catch(() => undefined);
  const back = async () => {
    if (page.url().split('#')[0] !== url.split('#')[0]) {
      done.push(`navigated to ${page.url()}`);
      await page.goto(url, { waitUntil: 'networkidle' });
    }
  };
  const summaries = page.locator('details:not([open]) > summary');
  for (let i = await summaries.count(); i > 0; i--) {
    const s = summaries.first();
    if (!(await s.isVisible())) break;
    await s.click({ timeout: 3_000 }).catch(() => undefined);
    done.push('opened a <details>');
  }
  const selects = page.locator('select');
  for (let i = 0; i < (await selects.count()); i++) {
    const select = selects.nth(i);
    if (!(await select.isVisible()) || !(await select.isEnabled())) continue;
    const values = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    if (values.length < 2) continue;
    const current = await select.inputValue();
    await select.selectOption(values.find((v) => v !== current) ?? values[0], { timeout: 3_000 }).catch(() => undefined);
    done.push(`chose another option in <select> ${i}`);
    await settle();
    await back();
  }
  const buttons = page.locator('button');
  for (let i = 0; i < (await buttons.count()); i++) {
    const button = buttons.nth(i);
    if (!(await button.isVisible().catch(() => false)) || !(await button.isEnabled().catch(() => false))) continue;
    const text = ((await button.textContent().catch(() => '')) ?? '').trim().slice(0, 40);
    const handle = await button.elementHandle({ timeout: 3_000 }).catch(() => null);
    await button.click({ timeout: 3_000 }).catch(() => undefined);
    done.push(`clicked button "${text}"`);
    await settle();
    // A button that starts work (the browser engine) is disabled until it is done: wait for that. A button
    // that went to another page (the report's quarter) left its element in the old one: nothing to wait for.
    if (handle && page.url().split('#')[0] === url.split('#')[0]) {
      await page
        .waitForFunction((el) => !el.isConnected || !(el as HTMLButtonElement).disabled, handle, { timeout: 60_000 })
        .catch(() => undefined);
    }
    await handle?.dispose().catch(() => undefined);
    await back();
  }
  return done;
}

/**
 * Opens a page as a browser with JavaScript on or off shows it. With it off the page is loaded with
 * script execution disabled (so it looks exactly as it would, <noscript> included), then enabled again
 * only for the test's own code: the page's scripts never run.
 */
export async function openPage(browser: SiteBrowser, url: string, js: boolean): Promise<{ page: Page; status: number | undefined }> {
  const page = await browser.newPage();
  if (js) {
    const response = await page.goto(url, { waitUntil: 'networkidle' });
    return { page, status: response?.status() };
  }
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
  const response = await page.goto(url, { waitUntil: 'networkidle' });
  await cdp.send('Emulation.setScriptExecutionDisabled', { value: false });
  await cdp.detach();
  return { page, status: response?.status() };
}

/** Every page is tested as a reader sees it with JavaScript and without. */
export const JS_MODES = [
  { js: true, label: 'med JavaScript' },
  { js: false, label: 'utan JavaScript' },
] as const;
