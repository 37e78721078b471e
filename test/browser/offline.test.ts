// Every page the build produced works on a closed intranet: with every other host blocked it loads, with
// JavaScript on and off, and never tries to reach another host, also when a visitor uses its controls;
// and under the strict Content-Security-Policy of the README nothing is blocked (no inline script or
// style, no eval) and no violation is reported.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchSiteBrowser, STRICT_CSP, type SiteBrowser } from './browser.ts';
import { JS_MODES, exercisePage, failedResponses, representativePages, sitePages, walkFiles } from './site-tools.ts';

const siteUrl = inject('siteUrl');
const siteDir = inject('siteDir');
const PAGES = sitePages(siteDir);
/** The pages opened in the browser (a unit's earlier-quarter reports: oldest and newest); the file checks read every page. */
const OPENED = representativePages(PAGES);
const name = (p: string) => p || '(startsidan)';

describe('the built files name no other host for anything a page loads', () => {
  const files = walkFiles(siteDir);

  test('HTML: no script, stylesheet, image, frame or other resource from another host', () => {
    const html = files.filter((f) => f.endsWith('.html'));
    expect(html.length).toBe(PAGES.length);
    const found: string[] = [];
    const resource = /<(script|link|img|iframe|frame|source|video|audio|track|embed|object|image|use|input|form)\b[^>]*?\s(src|href|srcset|data|poster|action|xlink:href)\s*=\s*["']?\s*(?:https?:)?\/\/[^"'\s>]*/gi;
    for (const f of html) {
      for (const m of readFileSync(f, 'utf8').matchAll(resource)) found.push(`${path.relative(siteDir, f)}: ${m[0].slice(0, 160)}`);
    }
    expect(found).toEqual([]);
  });

  test('CSS: no url() or @import from another host', () => {
    const found: string[] = [];
    for (const f of files.filter((x) => x.endsWith('.css'))) {
      for (const m of readFileSync(f, 'utf8').matchAll(/(?:url\(\s*["']?|@import\s+["'])\s*(?:https?:)?\/\/[^"')\s]*/gi)) {
        found.push(`${path.relative(siteDir, f)}: ${m[0]}`);
      }
    }
    expect(found).toEqual([]);
  });

  test('HTML: no inline script, style or event handler, so a strict policy needs no exception', () => {
    const found: string[] = [];
    for (const f of files.filter((x) => x.endsWith('.html'))) {
      const text = readFileSync(f, 'utf8');
      const rel = path.relative(siteDir, f);
      for (const m of text.matchAll(/<script\b([^>]*)>/gi)) {
        const attrs = m[1];
        const data = /\btype\s*=\s*["']?application\/(?:ld\+)?json/i.test(attrs);
        if (!/\bsrc\s*=/.test(attrs) && !data) found.push(`${rel}: inline script ${m[0].slice(0, 80)}`);
      }
      for (const _ of text.matchAll(/<style\b[^>]*>/gi)) found.push(`${rel}: <style> element`);
      for (const m of text.matchAll(/<[a-z][^>]*?\s(style|on[a-z]+)\s*=\s*["'][^>]*>/gi)) found.push(`${rel}: ${m[1]}= ${m[0].slice(0, 120)}`);
      for (const m of text.matchAll(/\s(?:href|src|action)\s*=\s*["']?\s*javascript:/gi)) found.push(`${rel}: ${m[0]}`);
    }
    expect(found).toEqual([]);
  });
});

describe.each(JS_MODES)('every page with every other host blocked, $label', ({ js }) => {
  let browser: SiteBrowser;
  let failed: string[];
  beforeAll(async () => {
    browser = await launchSiteBrowser({ siteUrl, javaScriptEnabled: js });
    failed = failedResponses(browser.context);
  });
  afterAll(async () => {
    await browser.close();
  });

  test.each(OPENED)('%s loads, shows its content and asks no other host for anything', async (pagePath) => {
    for (const list of [browser.foreignRequests, browser.errors, failed]) list.length = 0;
    const page = await browser.newPage();
    try {
      const response = await page.goto(siteUrl + pagePath, { waitUntil: 'networkidle' });
      expect(response?.status()).toBe(200);
      expect(await page.locator('main h1').count(), name(pagePath)).toBe(1);
      expect((await page.locator('main').innerText()).trim().length).toBeGreaterThan(100);
      // The stylesheets are the site's own, and loaded.
      const sheets = await page.evaluate(() => [...document.styleSheets].map((s) => s.href ?? '(inline)'));
      expect(sheets.length).toBeGreaterThan(0);
      for (const href of sheets) expect(href.startsWith(siteUrl), href).toBe(true);
      const done = js ? await exercisePage(page) : [];
      expect({ page: name(pagePath), foreign: browser.foreignRequests, failed, errors: browser.errors }, done.join('; ')).toEqual({
        page: name(pagePath),
        foreign: [],
        failed: [],
        errors: [],
      });
    } finally {
      await page.close();
    }
  });
});

describe('every page under the strict Content-Security-Policy of the README', () => {
  let browser: SiteBrowser;
  let failed: string[];
  beforeAll(async () => {
    browser = await launchSiteBrowser({ siteUrl, csp: STRICT_CSP });
    failed = failedResponses(browser.context);
    // Runs before the page's own code and is not subject to its policy: collects every violation.
    await browser.context.addInitScript(() => {
      const seen: string[] = [];
      Object.defineProperty(window, '__cspViolations', { value: seen });
      document.addEventListener('securitypolicyviolation', (e) => {
        seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
      });
    });
  });
  afterAll(async () => {
    await browser.close();
  });

  test.each(OPENED)('%s: nothing blocked while it loads and while its controls are used', async (pagePath) => {
    for (const list of [browser.foreignRequests, browser.errors, failed]) list.length = 0;
    const page = await browser.newPage();
    const consoleCsp: string[] = [];
    page.on('console', (m) => {
      if (/Content[ -]Security[ -]Policy|Refused to/i.test(m.text())) consoleCsp.push(m.text());
    });
    try {
      const response = await page.goto(siteUrl + pagePath, { waitUntil: 'networkidle' });
      expect(response?.status()).toBe(200);
      // The policy really is in force on this response.
      expect(response?.headers()['content-security-policy']).toBe(STRICT_CSP);
      const done = await exercisePage(page);
      const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
      expect({ page: name(pagePath), violations, consoleCsp, errors: browser.errors, failed, foreign: browser.foreignRequests }, done.join('; ')).toEqual({
        page: name(pagePath),
        violations: [],
        consoleCsp: [],
        errors: [],
        failed: [],
        foreign: [],
      });
    } finally {
      await page.close();
    }
  });

  test('the policy is enforced: an inline script added to a page is blocked and reported', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(siteUrl, { waitUntil: 'networkidle' });
      const ran = await page.evaluate(async () => {
        const seen = (window as unknown as { __cspViolations: string[] }).__cspViolations;
        const before = seen.length;
        const s = document.createElement('script');
        s.textContent = 'window.__inlineRan = true';
        document.body.append(s);
        await new Promise((r) => setTimeout(r, 100));
        return {
          ran: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true,
          reported: seen.slice(before).map((v) => v.split(' ')[0]),
        };
      });
      expect(ran).toEqual({ ran: false, reported: ['script-src-elem'] });
    } finally {
      await page.close();
      browser.errors.length = 0; // the console error of the blocked test script above
    }
  });
});
