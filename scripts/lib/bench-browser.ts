// The benchmark's measurements in headless Chromium (Debian's, through playwright-core, with the flags
// of the browser tests). Every run gets a fresh browser context: an empty HTTP cache, as a first visit.
// Requests are only watched, never intercepted (interception would slow every request down); other
// hosts are made unreachable by the resolver instead, and any attempt is recorded.
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page, type Request } from 'playwright-core';
import { CHROMIUM, FLAGS, SAVE_DATA_SCRIPT } from '../../test/browser/browser.ts';
import type { PageEnv } from '../../src/views/view.ts';
import type { BenchApi, QueryTiming, ViewTiming } from './bench-client.ts';
import type { CapturedQuery } from './bench-queries.ts';

/** What a chart is: the SVG the chart code renders (`svg.ss-chart`), or any SVG in a chart figure. */
export const CHART_SELECTOR = 'svg.ss-chart, figure[data-chart] svg';

export interface ResourceTiming {
  url: string;
  type: string;
  /** Bytes on the wire: response headers and (encoded) body. */
  bytes: number;
  /** Wall-clock milliseconds (epoch) when the request started and when its response ended. */
  start: number;
  end: number;
}

export interface BenchBrowser {
  browser: Browser;
  /** Requests to any other host than the site's (blocked by the resolver). */
  foreignRequests: string[];
  /** Console errors and uncaught page errors, with the page. */
  errors: string[];
  /** With `saveData`, the user has asked to save data (navigator.connection.saveData). */
  newContext(options?: { javaScriptEnabled?: boolean; saveData?: boolean }): Promise<{ context: BrowserContext; resources: ResourceTiming[]; settled(): Promise<void> }>;
  close(): Promise<void>;
}

export async function launchBenchBrowser(siteUrl: string): Promise<BenchBrowser> {
  const origin = new URL(siteUrl);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Every host name but the site's resolves to nothing, so nothing can leave the machine.
    args: [...FLAGS, `--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE ${origin.hostname}`],
  });
  const foreignRequests: string[] = [];
  const errors: string[] = [];
  return {
    browser,
    foreignRequests,
    errors,
    async newContext({ javaScriptEnabled = true, saveData = false } = {}) {
      const context = await browser.newContext({
        javaScriptEnabled,
        viewport: { width: 1280, height: 900 },
        locale: 'sv-SE',
        timezoneId: 'Europe/Stockholm',
        serviceWorkers: 'block',
      });
      if (javaScriptEnabled) await context.addInitScript({ content: OBSERVER_SCRIPT });
      if (saveData) await context.addInitScript({ content: SAVE_DATA_SCRIPT });
      const resources: ResourceTiming[] = [];
      const pending: Promise<void>[] = [];
      context.on('request', (r) => {
        if (!isOwn(r.url(), origin.origin)) foreignRequests.push(r.url());
      });
      const record = (r: Request) => {
        pending.push((async () => {
          const t = r.timing();
          const sizes = await r.sizes().catch(() => null);
          const body = sizes?.responseBodySize ?? 0;
          const headers = sizes?.responseHeadersSize ?? 0;
          const ok = t.startTime > 0;
          resources.push({
            url: r.url(),
            type: resourceKind(r),
            bytes: Math.max(0, body) + Math.max(0, headers),
            start: ok ? t.startTime : Date.now(),
            end: ok && t.responseEnd >= 0 ? t.startTime + t.responseEnd : Date.now(),
          });
        })());
      };
      context.on('requestfinished', record);
      context.on('page', (page) => {
        page.on('console', (m) => { if (m.type() === 'error') errors.push(`${page.url()}: console: ${m.text()}`); });
        page.on('pageerror', (e) => errors.push(`${page.url()}: page error: ${e.message}`));
      });
      return { context, resources, settled: async () => { await Promise.all(pending); } };
    },
    close: () => browser.close(),
  };
}

function isOwn(url: string, origin: string): boolean {
  return url.startsWith(`${origin}/`) || url === origin || /^(data|blob|about):/.test(url);
}

/** html, css, js, wasm, data (.duckdb, manifest), image, other: by what the file is, not who asked. */
function resourceKind(r: Request): string {
  const path = new URL(r.url()).pathname;
  if (/\.wasm$/.test(path)) return 'wasm';
  if (/\.(m?js)$/.test(path)) return 'js';
  if (/\.css$/.test(path)) return 'css';
  if (/\/data\/[^/]+\.(duckdb|json)$/.test(path)) return 'data';
  if (/\.(svg|png|jpe?g|webp|ico)$/.test(path)) return 'image';
  if (r.resourceType() === 'document' || path.endsWith('/') || path.endsWith('.html')) return 'html';
  return 'other';
}

/**
 * Runs in every page before its own scripts. Records, in page time (ms since navigation start), the
 * first animation frame in which a chart is in the page and visible: that frame paints it; and, in
 * wall-clock ms, the first frame in which such a chart is also complete (the HTML parser past its end).
 * Also records (wall-clock ms) every figure that changes to data-rendered="browser", and the engine status texts.
 */
const OBSERVER_SCRIPT = `(() => {
  const state = { firstChart: null, firstComplete: null, rendered: [], status: [], cls: 0, blockingMs: 0 };
  Object.defineProperty(window, '__bench', { value: state });
  // Cumulative layout shift as Lighthouse counts it: every shift not caused by the user's input.
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) state.cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
    // Total blocking time as Lighthouse counts it: each long task's part beyond 50 ms.
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) state.blockingMs += Math.max(0, e.duration - 50);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const SELECTOR = ${JSON.stringify(CHART_SELECTOR)};
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) return false;
    return typeof el.checkVisibility === 'function' ? el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) : true;
  };
  // Complete: the HTML parser is past the chart's end (some element follows it or one of its ancestors).
  const complete = (el) => {
    for (let n = el; n && n !== document.body; n = n.parentElement) if (n.nextElementSibling) return true;
    return false;
  };
  const frame = () => {
    for (const el of document.querySelectorAll(SELECTOR)) {
      if (!visible(el)) continue;
      if (state.firstChart === null) state.firstChart = performance.now();
      if (complete(el)) { state.firstComplete = performance.timeOrigin + performance.now(); return; }
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  const seen = new WeakSet();
  new MutationObserver((records) => {
    const at = performance.timeOrigin + performance.now();
    for (const r of records) {
      const el = r.type === 'attributes' ? r.target : r.target.parentElement;
      if (!el || !el.closest) continue;
      if (r.type === 'attributes' && r.attributeName === 'data-rendered' && el.getAttribute('data-rendered') === 'browser' && !seen.has(el)) {
        seen.add(el);
        state.rendered.push({ at, chart: el.getAttribute('data-chart') || '' });
      }
      const status = el.closest('[data-engine-status]');
      if (status) state.status.push({ at, text: (status.textContent || '').trim().slice(0, 160) });
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-rendered'], childList: true, characterData: true });
})();`;

interface PageState {
  firstChart: number | null;
  /** Wall-clock ms when a visible chart was first complete (the parser past its end). */
  firstComplete: number | null;
  rendered: { at: number; chart: string }[];
  status: { at: number; text: string }[];
  /** Cumulative layout shift so far (shifts without recent input). */
  cls: number;
  /** The main thread's long tasks beyond 50 ms each, summed. */
  blockingMs: number;
}

export interface LoadRun {
  /** Milliseconds from navigation start until the first chart was visible (JS on); null if none was. */
  firstChartMs: number | null;
  firstContentfulPaintMs: number | null;
  domContentLoadedMs: number;
  loadMs: number;
  /** Bytes transferred until the first chart was visible, and in all once the network was idle. */
  bytesToFirstChart: number | null;
  bytesAtIdle: number;
  /** JS and wasm bytes whose download had finished when the first chart was visible. */
  jsBytesBeforeFirstChart: number | null;
  /**
   * Engine (wasm) and data files downloaded by the plain page load, with no filter touched: the engine
   * starts once the page is idle after its first chart, unless the user saves data (then none).
   */
  engineOrDataFiles: string[];
  /** Of those, the ones requested before the load event (the first view must not wait for any). */
  engineOrDataBeforeLoad: string[];
  /** Every resource of the load, for the report. */
  resources: ResourceTiming[];
  hasChartFigure: boolean;
  hasFilters: boolean;
  /** Cumulative layout shift from navigation until a second after the network was idle. */
  cls: number;
  /** Total blocking time over the same span, at this machine's speed (no CPU slowdown). */
  blockingMs: number;
}

async function pageState(page: Page): Promise<PageState> {
  return page.evaluate(() => (window as unknown as { __bench: PageState }).__bench);
}

/** One fresh-context load of `url` with JavaScript on (with `saveData`, as a user who saves data). */
export async function measureLoad(bb: BenchBrowser, url: string, { saveData = false } = {}): Promise<LoadRun> {
  const { context, resources, settled } = await bb.newContext({ saveData });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
    // Give the frame loop a moment if the chart arrived in the last frame before idle.
    await page.waitForFunction(() => (window as unknown as { __bench: PageState }).__bench.firstChart !== null, null, { timeout: 1000 }).catch(() => undefined);
    // A late shift (a redraw once the page is idle) counts too.
    await page.waitForTimeout(1000);
    const state = await pageState(page);
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return { origin: performance.timeOrigin, dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd, fcp: fcp ? fcp.startTime : null };
    });
    const hasChartFigure = (await page.locator('figure[data-chart]').count()) > 0 || (await page.locator(CHART_SELECTOR).count()) > 0;
    const hasFilters = (await page.locator('form[data-filters]').count()) > 0;
    await settled();
    const own = resources.filter((r) => r.url.startsWith(new URL(url).origin));
    const chartAt = state.firstChart === null ? null : nav.origin + state.firstChart;
    const before = (kind?: string) => (chartAt === null ? null : sum(own.filter((r) => r.end <= chartAt && (!kind || r.type === kind))));
    return {
      firstChartMs: state.firstChart,
      firstContentfulPaintMs: nav.fcp,
      domContentLoadedMs: nav.dcl,
      loadMs: nav.load,
      bytesToFirstChart: before(),
      bytesAtIdle: sum(own),
      jsBytesBeforeFirstChart: before('js'),
      engineOrDataFiles: own.filter((r) => r.type === 'wasm' || r.type === 'data').map((r) => fileName(r.url)),
      engineOrDataBeforeLoad: own.filter((r) => (r.type === 'wasm' || r.type === 'data') && r.start < nav.origin + nav.load).map((r) => fileName(r.url)),
      resources: own,
      hasChartFigure,
      hasFilters,
      cls: state.cls,
      blockingMs: state.blockingMs,
    };
  } finally {
    await context.close();
  }
}

/** How many A4 pages the page prints on (Chromium's PDF, the page's own print stylesheet and script). */
export async function measurePrintPages(bb: BenchBrowser, url: string): Promise<number> {
  const { context } = await bb.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const pdf = await page.pdf({ format: 'A4' });
    return pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
  } finally {
    await context.close();
  }
}

/** The line the first-view measurement loads a page over: a slow office or VPN line (2 Mbit/s, 20 ms). */
export const SLOW_LINE = { kbps: 2000, latencyMs: 20 };

export interface FirstViewRun {
  /** Bytes (response bodies, as sent: the server does not compress) received when the first chart was visible and complete. */
  bytesToFirstChart: number | null;
  /** Of those, JavaScript and wasm (the first view needs none). */
  scriptBytesBefore: number | null;
  /** Milliseconds from the first byte requested until then. */
  firstChartMs: number | null;
  /** Bytes of the page's whole load. */
  totalBytes: number;
}

/**
 * One fresh-context load over SLOW_LINE (the DevTools protocol's network emulation): how many bytes the
 * browser has received when the first chart is drawn in full. A browser draws HTML as it arrives, so this
 * is what a topic page's first chart costs, whatever follows it (the rest of the page, the scripts).
 */
export async function measureFirstView(bb: BenchBrowser, url: string): Promise<FirstViewRun> {
  const { context } = await bb.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const bytesPerSecond = (SLOW_LINE.kbps * 1000) / 8;
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: SLOW_LINE.latencyMs, downloadThroughput: bytesPerSecond, uploadThroughput: bytesPerSecond });
    const urls = new Map<string, string>();
    let wallOffset = 0;
    const chunks: { at: number; bytes: number; url: string }[] = [];
    cdp.on('Network.requestWillBeSent', (e: { requestId: string; request: { url: string }; wallTime: number; timestamp: number }) => {
      urls.set(e.requestId, e.request.url);
      wallOffset = e.wallTime - e.timestamp;
    });
    cdp.on('Network.dataReceived', (e: { requestId: string; timestamp: number; dataLength: number }) => {
      chunks.push({ at: (e.timestamp + wallOffset) * 1000, bytes: e.dataLength, url: urls.get(e.requestId) ?? '' });
    });
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await page.waitForFunction(() => (window as unknown as { __bench: PageState }).__bench.firstComplete !== null, null, { timeout: 5000 }).catch(() => undefined);
    const state = await pageState(page);
    const done = state.firstComplete;
    const before = done === null ? null : chunks.filter((c) => c.at <= done);
    const start = chunks.length ? Math.min(...chunks.map((c) => c.at)) : 0;
    return {
      bytesToFirstChart: before ? before.reduce((a, c) => a + c.bytes, 0) : null,
      scriptBytesBefore: before ? before.filter((c) => /\.(m?js|wasm)(\?|$)/.test(new URL(c.url).pathname)).reduce((a, c) => a + c.bytes, 0) : null,
      firstChartMs: done === null ? null : done - start,
      totalBytes: chunks.reduce((a, c) => a + c.bytes, 0),
    };
  } finally {
    await context.close();
  }
}

export interface NoJsRun {
  /** A chart is visible with JavaScript turned off. */
  chartVisible: boolean;
  bytes: number;
  resources: ResourceTiming[];
}

/** One fresh-context load with JavaScript off: what the first view needs without any script. */
export async function measureNoJs(bb: BenchBrowser, url: string): Promise<NoJsRun> {
  const { context, resources, settled } = await bb.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
    const chartVisible = await page.locator(CHART_SELECTOR).first().isVisible().catch(() => false);
    await settled();
    const own = resources.filter((r) => r.url.startsWith(new URL(url).origin));
    return { chartVisible, bytes: sum(own), resources: own };
  } finally {
    await context.close();
  }
}

export interface FilterRun {
  /** The unit chosen. */
  unit: string;
  /** Milliseconds from the filter change until the first figure was re-rendered by the browser; null on failure. */
  firstRerenderMs: number | null;
  /** ... until every figure of the page was (null if some never were). */
  allRerenderedMs: number | null;
  figures: number;
  rerendered: number;
  /** Phases, in milliseconds from the filter change: engine files downloaded, data files downloaded. */
  engineDownloadedMs: number | null;
  dataDownloadedMs: number | null;
  /** Bytes transferred after the change, by kind, and the data files fetched. */
  bytesByKind: Record<string, number>;
  dataFiles: string[];
  /** Data files fetched before any filter change (there should be none). */
  dataFilesBeforeChange: string[];
  engineStatus: string;
  /** What [data-engine-status] said after the change, each phase once (progress counts dropped), ms from the change. */
  statusTimeline: { ms: number; text: string }[];
  error: string | null;
}

const RERENDER_TIMEOUT = 20_000;

export interface FilterOptions {
  /** The unit control is focused this long before the change, as a user's click into it and search for a unit. */
  choosingMs?: number;
  /** As a user who saves data (navigator.connection.saveData): the engine does not start on its own. */
  saveData?: boolean;
  /** The change comes this long after the load event, without waiting for the network to be idle. */
  afterLoadMs?: number;
}

/**
 * One fresh-context run of the first filter change: load the page, wait until idle (or `afterLoadMs`
 * after the load event), choose another unit in the filter form (`form[data-filters]`, control named
 * `enhet`) and apply it, then wait until the figures (`figure[data-chart]`) say data-rendered="browser".
 * `preferred` lists unit codes to choose from, the first one that the control offers and that is not
 * already chosen. With `saveData` and no `choosingMs` the change comes with no warning to an engine not
 * started (the worst case: the engine starts at the change).
 */
export async function measureFilterChange(bb: BenchBrowser, url: string, preferred: string[], options: FilterOptions = {}): Promise<FilterRun> {
  const { choosingMs = 0, saveData = false, afterLoadMs } = options;
  const { context, resources, settled } = await bb.newContext({ saveData });
  const empty: FilterRun = {
    unit: '', firstRerenderMs: null, allRerenderedMs: null, figures: 0, rerendered: 0, engineDownloadedMs: null,
    dataDownloadedMs: null, bytesByKind: {}, dataFiles: [], dataFilesBeforeChange: [], engineStatus: '', statusTimeline: [], error: null,
  };
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    if (afterLoadMs === undefined) await page.waitForLoadState('networkidle');
    else {
      await page.waitForFunction(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.loadEventEnd, null, { timeout: 10_000 });
      const wait = await page.evaluate((ms) => {
        const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return n.loadEventEnd + ms - performance.now();
      }, afterLoadMs);
      if (wait > 0) await page.waitForTimeout(wait);
    }
    await settled();
    const dataFilesBeforeChange = resources.filter((r) => r.type === 'data').map((r) => fileName(r.url));
    const countBefore = resources.length;
    const figures = await page.locator('figure[data-chart]').count();
    const control = page.locator('form[data-filters] [name="enhet"]').first();
    if ((await control.count()) === 0) return { ...empty, figures, dataFilesBeforeChange, error: 'no form[data-filters] control named enhet' };
    const unit = await chooseUnit(control, preferred);
    if (!unit) return { ...empty, figures, dataFilesBeforeChange, error: 'the unit control offers no other unit' };
    if (choosingMs > 0) {
      await control.focus();
      await page.waitForTimeout(choosingMs);
    }
    // The change and the submit happen in the page, so the start time is the page's own clock.
    const changedAt = await control.evaluate((el, value) => {
      const t = performance.timeOrigin + performance.now();
      const input = el as HTMLInputElement | HTMLSelectElement;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
      const form = input.form;
      if (form) {
        if (typeof form.requestSubmit === 'function') form.requestSubmit();
        else form.submit();
      }
      return t;
    }, unit);
    let error: string | null = null;
    // A form without a script handler navigates (GET with ?enhet=…); the new page applies the URL.
    const rerendered = (n: number) => {
      const s = (window as unknown as { __bench?: PageState }).__bench;
      const done = document.querySelectorAll('figure[data-chart][data-rendered="browser"]').length;
      return !!s && s.rendered.length > 0 && done >= n;
    };
    try {
      await page.waitForFunction(rerendered, 1, { timeout: RERENDER_TIMEOUT, polling: 20 });
      // The other figures of the page may follow (or not change at all): wait a little for them.
      await page.waitForFunction(rerendered, figures, { timeout: 10_000, polling: 50 }).catch(() => undefined);
    } catch {
      error = `no figure became data-rendered="browser" within ${RERENDER_TIMEOUT / 1000} s`;
    }
    await page.waitForLoadState('networkidle').catch(() => undefined);
    const state = await pageState(page).catch(() => null);
    const engineStatus = await page.locator('[data-engine-status]').first().innerText().catch(() => '');
    const rerenderedCount = await page.locator('figure[data-chart][data-rendered="browser"]').count();
    await settled();
    const after = resources.slice(countBefore);
    const lastEnd = (kind: string) => {
      const ends = after.filter((r) => r.type === kind).map((r) => r.end);
      return ends.length ? Math.max(...ends) - changedAt : null;
    };
    const bytesByKind: Record<string, number> = {};
    for (const r of after) bytesByKind[r.type] = (bytesByKind[r.type] ?? 0) + r.bytes;
    const times = state?.rendered.map((r) => r.at - changedAt).sort((a, b) => a - b) ?? [];
    return {
      unit,
      firstRerenderMs: times.length ? times[0] : null,
      allRerenderedMs: figures > 0 && times.length >= figures ? times[figures - 1] : null,
      figures,
      rerendered: rerenderedCount,
      engineDownloadedMs: lastEnd('wasm'),
      dataDownloadedMs: lastEnd('data'),
      bytesByKind,
      dataFiles: [...new Set(after.filter((r) => r.type === 'data').map((r) => fileName(r.url)))],
      dataFilesBeforeChange,
      engineStatus: engineStatus.trim().slice(0, 200),
      statusTimeline: phases(state?.status ?? [], changedAt),
      error,
    };
  } finally {
    await context.close();
  }
}

/** Status texts after `since`, one entry per phase: a text that differs from the last only in its numbers is the same phase. */
function phases(status: { at: number; text: string }[], since: number): { ms: number; text: string }[] {
  const out: { ms: number; text: string }[] = [];
  let last = '';
  for (const s of status) {
    if (s.at < since) continue;
    const phase = s.text.replace(/[\d\s.,]+(kB|MB|B)?/g, ' ').trim();
    if (phase === last) continue;
    last = phase;
    out.push({ ms: Math.round(s.at - since), text: s.text });
  }
  return out;
}

async function chooseUnit(control: ReturnType<Page['locator']>, preferred: string[]): Promise<string | null> {
  const { current, offered } = await control.evaluate((el) => {
    if (el instanceof HTMLSelectElement) return { current: el.value, offered: [...el.options].map((o) => o.value).filter(Boolean) };
    const input = el as HTMLInputElement;
    const list = input.list ? [...input.list.querySelectorAll('option')].map((o) => o.value).filter(Boolean) : [];
    return { current: input.value, offered: list };
  });
  const others = offered.filter((v) => v !== current);
  if (others.length === 0) return preferred.find((u) => u !== current) ?? null;
  return preferred.find((u) => others.includes(u)) ?? others[Math.floor(others.length / 2)];
}

const fileName = (url: string) => new URL(url).pathname.split('/').pop() ?? url;

export interface QueryRun {
  /** Milliseconds to start the engine and attach every published dataset. */
  engineStartMs: number;
  /** The statements the dashboard pages ran for the units, and pages whose load failed. */
  captured: CapturedQuery[];
  captureErrors: string[];
  timings: QueryTiming[];
  views: ViewTiming[];
  /** Main-thread JS heap of the page, and the engine worker's JS heap, after the queries (bytes). */
  pageHeapUsed: number;
  workerHeapUsed: number;
  /** DuckDB's own memory inside the worker (bytes). */
  engineMemory: number;
}

/**
 * The query timings: on a site page, the benchmark's client (the site's runner and the pages' own load
 * functions) is loaded; it records what each page runs for each unit and times every statement `runs`
 * times, then each page's whole load `viewRuns` times.
 */
export async function measureQueries(bb: BenchBrowser, pageUrl: string, clientUrl: string, env: PageEnv, units: string[], runs: number, viewRuns: number): Promise<QueryRun> {
  const { context } = await bb.newContext();
  try {
    const page = await context.newPage();
    await page.goto(pageUrl, { waitUntil: 'load' });
    await page.addScriptTag({ url: clientUrl, type: 'module' });
    await page.waitForFunction(() => 'socialstatistikBench' in globalThis);
    type W = { socialstatistikBench: BenchApi };
    const engineStartMs = await page.evaluate((d) => (globalThis as unknown as W).socialstatistikBench.start(d), [...env.datasets]);
    const { queries: captured, errors: captureErrors } = await page.evaluate(([e, u]) => (globalThis as unknown as W).socialstatistikBench.capture(e, u), [env, units] as const);
    const timings = await page.evaluate(([q, n]) => (globalThis as unknown as W).socialstatistikBench.measureQueries(q, n), [captured, runs] as const);
    const views = await page.evaluate(([e, u, n]) => (globalThis as unknown as W).socialstatistikBench.measureViews(e, u, n), [env, units, viewRuns] as const);
    const engineMemory = await page.evaluate(() => (globalThis as unknown as W).socialstatistikBench.engineMemory());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const metrics = (await cdp.send('Performance.getMetrics')).metrics;
    const pageHeapUsed = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    const workerHeapUsed = await workersHeapUsed(cdp);
    return { engineStartMs, captured, captureErrors, timings, views, pageHeapUsed, workerHeapUsed, engineMemory };
  } finally {
    await context.close();
  }
}

/** The JS heap of the page's dedicated workers (duckdb-wasm's), through the DevTools protocol. */
async function workersHeapUsed(cdp: CDPSession): Promise<number> {
  const sessions: string[] = [];
  const results = new Map<string, number>();
  type Attached = { sessionId: string; targetInfo: { type: string } };
  type Message = { sessionId: string; message: string };
  cdp.on('Target.attachedToTarget', (e: Attached) => { if (e.targetInfo.type === 'worker') sessions.push(e.sessionId); });
  cdp.on('Target.receivedMessageFromTarget', (e: Message) => {
    const m = JSON.parse(e.message) as { id?: number; result?: { usedSize?: number } };
    if (m.id === 1 && m.result?.usedSize !== undefined) results.set(e.sessionId, m.result.usedSize);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  await delay(300);
  for (const sessionId of sessions) {
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.getHeapUsage' }) });
  }
  for (let i = 0; i < 40 && results.size < sessions.length; i++) await delay(50);
  return [...results.values()].reduce((a, b) => a + b, 0);
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sum = (rs: ResourceTiming[]) => rs.reduce((a, r) => a + r.bytes, 0);

export interface TableBuilderRun {
  /** From opening a link to its table drawn after "Visa tabell", the engine's start included (reported, not a target). */
  firstMs: number | null;
  /** "Visa tabell" pressed to the pivoted table drawn (query, pivot, markup, layout), once the engine is ready. */
  times: number[];
  rows: number;
  columns: number;
  /** Per run: query, pivot, markup, DOM (ms), as the page reports them. */
  phases: string[];
  error: string | null;
}

/**
 * The table builder (/tabell/) at national scale: opened with a link whose choice is `fragment` (e.g. 290
 * municipalities × 40 quarters) and "Visa tabell" pressed (the engine starts), then pressed `runs` times, each timed in the page from the
 * press until the table is drawn and laid out (two animation frames after the markup is in).
 */
export async function measureTableBuilder(bb: BenchBrowser, pageUrl: string, fragment: string, runs: number): Promise<TableBuilderRun> {
  const { context } = await bb.newContext();
  const out: TableBuilderRun = { firstMs: null, times: [], rows: 0, columns: 0, phases: [], error: null };
  try {
    const page = await context.newPage();
    const t0 = Date.now();
    await page.goto(`${pageUrl}#${fragment}`, { waitUntil: 'load' });
    // The link's choice is put in the form; its table is drawn when "Visa tabell" is pressed.
    await page.waitForFunction(() => document.getElementById('table-builder')?.dataset.state === 'chosen', null, { timeout: 60_000 });
    await page.locator('#builder-show').click();
    await page.waitForFunction(() => ['done', 'empty', 'error'].includes(document.getElementById('table-builder')?.dataset.state ?? ''), null, { timeout: 180_000 });
    out.firstMs = Date.now() - t0;
    const state = await page.getAttribute('#table-builder', 'data-state');
    if (state !== 'done') throw new Error(`table builder: ${state}: ${await page.locator('#builder-status').innerText()}`);
    for (let i = 0; i < runs; i++) {
      out.times.push(
        await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const root = document.getElementById('table-builder') as HTMLElement;
              let started = 0;
              let ran = false;
              const observer = new MutationObserver(() => {
                if (root.dataset.state === 'running') ran = true;
                if (ran && root.dataset.state === 'done') {
                  observer.disconnect();
                  requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - started)));
                }
              });
              observer.observe(root, { attributes: true, attributeFilter: ['data-state'] });
              started = performance.now();
              (document.getElementById('builder-show') as HTMLButtonElement).click();
            }),
        ),
      );
      out.phases.push((await page.getAttribute('#table-builder', 'data-phases')) ?? '');
    }
    out.rows = await page.locator('#pivot-table tbody tr').count();
    out.columns = await page.locator('#pivot-table thead tr:last-child th[scope="col"].num').count();
  } catch (e) {
    out.error = e instanceof Error ? e.message : String(e);
  } finally {
    await context.close();
  }
  return out;
}
