// Headless Chromium for the browser tests: Debian's chromium through playwright-core, with every request
// to a host other than the site under test aborted and recorded, so a test can assert none happened.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/**
 * The policy the site is built to work under (document it in the README's "Publicera"): everything from the
 * site itself, no inline script or style, and 'wasm-unsafe-eval' so duckdb-wasm may compile its module.
 */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

export const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Run in every page before its own scripts: the user has asked to save data, as a browser's or the
 * system's data saver says through navigator.connection.saveData (Chromium's NetworkInformation).
 */
export const SAVE_DATA_SCRIPT = `(() => {
  const connection = navigator.connection;
  if (connection) Object.defineProperty(Object.getPrototypeOf(connection), 'saveData', { get: () => true, configurable: true });
  else Object.defineProperty(Navigator.prototype, 'connection', { get: () => ({ saveData: true }), configurable: true });
})();`;

export interface SiteBrowser {
  context: BrowserContext;
  /** Every request the pages tried to make to another host (all were aborted). */
  foreignRequests: string[];
  /** Console errors and uncaught page errors, with the page URL. */
  errors: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** The site's origin or URL; requests to any other origin are aborted. */
  siteUrl: string;
  javaScriptEnabled?: boolean;
  viewport?: { width: number; height: number };
  /**
   * A Content-Security-Policy header to add to every response of the site (pages and worker scripts),
   * as an intranet server configured per the README would send it.
   */
  csp?: string;
  /** The user has asked to save data (navigator.connection.saveData): the dashboards start no engine on their own. */
  saveData?: boolean;
}

/** Launch Chromium with a fresh profile; close() removes the profile again. */
export async function launchSiteBrowser(options: LaunchOptions): Promise<SiteBrowser> {
  const origin = new URL(options.siteUrl).origin;
  const csp = options.csp;
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'socialstatistik-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    serviceWorkers: 'block',
  });
  if (options.saveData) await context.addInitScript({ content: SAVE_DATA_SCRIPT });
  const foreignRequests: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    const own = url.startsWith(`${origin}/`) || url === origin || /^(data|blob|about):/.test(url);
    if (own && !csp) return route.continue();
    if (own && csp) {
      const response = await route.fetch();
      return route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': csp } });
    }
    foreignRequests.push(url);
    return route.abort('blockedbyclient');
  });
  // Workers' requests (duckdb-wasm's worker fetching its wasm) are routed by the context as well.
  const watch = (page: Page) => {
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`${page.url()}: console: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`${page.url()}: page error: ${e.message}`));
  };
  context.on('page', watch);
  for (const page of context.pages()) watch(page);
  return {
    context,
    foreignRequests,
    errors,
    newPage: () => context.newPage(),
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Opens a dashboard page's filter line ("Visar: … · Byt enhet") as a visitor would, so its fields can be used. */
export async function openFilters(page: Page): Promise<void> {
  const summary = page.locator('details[data-filters-box]:not([open]) > summary');
  if (await summary.count()) await summary.click();
}
