// Accessibility of every page the build produced (so a page added later is tested with no change here):
// axe-core finds no violation (WCAG 2.1 A and AA rules and axe's best practices) at 1 280 and 320 px,
// with and without JavaScript; the keyboard reaches the skip link first and every control after it, with
// a visible focus; at 320 CSS px (400 % zoom of a 1 280 px window) nothing needs horizontal scrolling
// of the page.

import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { FOOTER_LINKS, NAV } from '../../src/views/nav.ts';
import type { SiteBrowser } from './browser.ts';
import { JS_MODES, openPage, representativePages, sitePages } from './site-tools.ts';
import { sharedBrowser } from './close-clean.ts';

const siteUrl = inject('siteUrl');
const siteDir = inject('siteDir');
const PAGES = sitePages(siteDir);
/** The pages axe, the keyboard walk and the 320 px check visit (a unit's earlier-quarter reports: oldest and newest). */
const CHECKED = representativePages(PAGES);
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const name = (p: string) => p || '(startsidan)';

const WIDTHS = [
  { width: 1280, height: 900 },
  { width: 320, height: 720 },
];

async function open(browser: SiteBrowser, pagePath: string, js: boolean): Promise<Page> {
  const { page, status } = await openPage(browser, siteUrl + pagePath, js);
  expect(status, name(pagePath)).toBe(200);
  return page;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })) }));
  });
  return violations.flatMap((v) =>
    v.nodes.slice(0, 5).map((n) => `${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')}: ${n.html.slice(0, 160)}${n.failureSummary ? ` | ${n.failureSummary.replace(/\s+/g, ' ').slice(0, 200)}` : ''}`),
  );
}

test('the build holds every page of the menu and the footer, and the accessibility statement is in the footer', () => {
  for (const item of [...NAV, ...FOOTER_LINKS]) expect(PAGES, item.label).toContain(item.path);
  expect(FOOTER_LINKS.map((l) => l.path)).toContain('tillganglighet/');
});

describe('Tillgänglighetsredogörelsen', () => {
  const browser = sharedBrowser({ siteUrl, javaScriptEnabled: false }, { clean: false });

  test('is linked from every page\'s footer and holds what Digg asks for', async () => {
    const page = await browser.newPage();
    try {
      for (const pagePath of PAGES) {
        await page.goto(siteUrl + pagePath);
        const link = page.locator('footer a', { hasText: 'Tillgänglighetsredogörelse' });
        expect(await link.getAttribute('href'), name(pagePath)).toBe(`${new URL(siteUrl).pathname}tillganglighet/`);
      }
      await page.goto(`${siteUrl}tillganglighet/`);
      expect((await page.locator('h1').innerText()).replace(/\u00ad/g, '')).toBe('Tillgänglighetsredogörelse');
      expect(await page.title()).toBe('Tillgänglighetsredogörelse – Socialstatistik');
      const headings = await page.locator('main h2, main h3').allInnerTexts();
      expect(headings).toEqual([
        'Om tjänsten',
        'Om du inte kan använda delar av webbplatsen',
        'Tillsyn',
        'Teknisk information om webbplatsens tillgänglighet',
        'Innehåll som inte är tillgängligt',
        'Hur vi testat webbplatsen',
      ]);
      expect(await page.locator('[data-status]').innerText()).toMatch(/^Den här webbplatsen är delvis förenlig med lagen \(2018:1937\)/);
      expect(await page.locator('.shortcomings li').count()).toBeGreaterThan(2);
      const digg = page.getByRole('link', { name: 'Anmäl bristande tillgänglighet till Digg' });
      expect(await digg.getAttribute('href')).toBe('https://www.digg.se/tdosanmalan');
      // Built without CONTACT_EMAIL and ORGANISATION_NAME: the page says how to set them.
      expect(await page.locator('[data-setting="CONTACT_EMAIL"]').innerText()).toContain('miljövariabeln CONTACT_EMAIL');
      expect(await page.locator('[data-setting="ORGANISATION_NAME"]').innerText()).toContain('miljövariabeln ORGANISATION_NAME');
      expect(await page.locator('main time').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(browser.foreignRequests).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe.each(JS_MODES)('axe-core $label', ({ js }) => {
  describe.each(WIDTHS)('$width px', (viewport) => {
    const browser = sharedBrowser({ siteUrl, javaScriptEnabled: true, viewport }, { clean: false });

    test.each(CHECKED)('%s has no violations', async (pagePath) => {
      const page = await open(browser, pagePath, js);
      try {
        expect(await axeViolations(page)).toEqual([]);
      } finally {
        await page.close();
      }
    });
  });
});

/** Elements a keyboard user must be able to reach, marked with data-a11y-control = their index. */
async function markControls(page: Page): Promise<{ index: number; description: string; group: string | null }[]> {
  return page.evaluate(() => {
    const selector = [
      'a[href]', 'button', 'input:not([type="hidden"])', 'select', 'textarea', 'summary', 'iframe',
      '[tabindex]:not([tabindex="-1"])', '[contenteditable=""]', '[contenteditable="true"]', 'audio[controls]', 'video[controls]',
    ].join(', ');
    const visible = (el: Element) => {
      if (el.closest('[inert], [hidden], [aria-hidden="true"]')) return false;
      // The content of a closed <details> is not shown (its <summary> is).
      const details = el.closest('details:not([open])');
      if (details && el.closest('summary')?.parentElement !== details) return false;
      if (!el.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true } as CheckVisibilityOptions)) return false;
      const style = getComputedStyle(el);
      return el.getClientRects().length > 0 && style.visibility !== 'hidden' && style.display !== 'none';
    };
    return [...document.querySelectorAll(selector)]
      .filter((el) => !(el as HTMLButtonElement).disabled && visible(el))
      .map((el, index) => {
        el.setAttribute('data-a11y-control', String(index));
        const input = el as HTMLInputElement;
        const text = (el.getAttribute('aria-label') || el.textContent || input.name || '').trim().replace(/\s+/g, ' ').slice(0, 60);
        return {
          index,
          description: `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}> ${text}`,
          // A radio group is one tab stop: the arrow keys move within it.
          group: el instanceof HTMLInputElement && el.type === 'radio' && el.name ? `radio:${el.name}` : null,
        };
      });
  });
}

interface FocusInfo {
  control: string | null;
  tag: string;
  visibleIndicator: boolean;
  onScreen: boolean;
  className: string;
}

/** What has focus now: its control index, whether a focus indicator is drawn and whether it is on screen. */
function focusInfo(page: Page): Promise<FocusInfo | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1 && style.outlineColor !== 'rgba(0, 0, 0, 0)';
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    const rect = el.getBoundingClientRect();
    const onScreen = rect.width >= 1 && rect.height >= 1 && rect.right > 0 && rect.bottom > 0 && rect.left < window.innerWidth + 1;
    return {
      control: el.getAttribute('data-a11y-control'),
      tag: el.tagName.toLowerCase(),
      visibleIndicator: outline || shadow,
      onScreen,
      className: typeof el.className === 'string' ? el.className : '',
    };
  });
}

describe.each(JS_MODES)('tangentbordet $label', ({ js }) => {
  const browser = sharedBrowser({ siteUrl, javaScriptEnabled: true }, { clean: false });

  test.each(CHECKED)('%s: skip link first, then every control, each with a visible focus', async (pagePath) => {
    const page = await open(browser, pagePath, js);
    try {
      // The scroll to each focused control is instant, as a reader who asks for less motion has it
      // (site.css): the control's place is then where a smooth scroll ends, not somewhere along it.
      await page.emulateMedia({ reducedMotion: 'reduce' });
      const controls = await markControls(page);
      expect(controls.length).toBeGreaterThan(2);

      // The skip link is the first stop, is shown when focused and leads into <main>.
      await page.keyboard.press('Tab');
      const first = await focusInfo(page);
      expect(first?.className, name(pagePath)).toContain('skip-link');
      expect(first?.onScreen).toBe(true);
      expect(first?.visibleIndicator).toBe(true);

      // Tab through the whole page: every stop shows its focus and is on screen; every control is reached.
      const reached = new Set<string>();
      const problems: string[] = [];
      for (let i = 0; i < controls.length + 10; i++) {
        const info = await focusInfo(page);
        if (info === null) break; // past the last control, focus leaves the document
        if (i > 0 && info.className.includes('skip-link')) break; // wrapped around
        const what = info.control === null ? `<${info.tag}> (${info.className})` : controls[Number(info.control)].description;
        if (!info.visibleIndicator) problems.push(`no visible focus: ${what}`);
        if (!info.onScreen) problems.push(`focused but not on screen: ${what}`);
        if (info.control !== null) reached.add(info.control);
        await page.keyboard.press('Tab');
      }
      const groupsReached = new Set(controls.filter((c) => c.group && reached.has(String(c.index))).map((c) => c.group));
      const missed = controls
        .filter((c) => !reached.has(String(c.index)) && !(c.group && groupsReached.has(c.group)))
        .map((c) => `not reachable by Tab: ${c.description}`);
      expect([...problems, ...missed], name(pagePath)).toEqual([]);

    } finally {
      await page.close();
    }
    // Enter on the skip link moves focus to the main content.
    const again = await open(browser, pagePath, js);
    try {
      await again.keyboard.press('Tab');
      await again.keyboard.press('Enter');
      expect(await again.evaluate(() => document.activeElement?.id), name(pagePath)).toBe('innehall');
    } finally {
      await again.close();
    }
  });
});

describe.each(JS_MODES)('förstoring till 400 % (320 CSS-pixlar) $label', ({ js }) => {
  const browser = sharedBrowser({ siteUrl, javaScriptEnabled: true, viewport: { width: 320, height: 720 } }, { clean: false });

  test.each(CHECKED)('%s needs no horizontal scrolling; only data tables and charts scroll, inside their own region', async (pagePath) => {
    const page = await open(browser, pagePath, js);
    try {
      const result = await page.evaluate(() => {
        const root = document.documentElement;
        const overflowX = [getComputedStyle(root).overflowX, getComputedStyle(document.body).overflowX];
        const scrollsItself = (el: Element | null): boolean => {
          for (let e = el; e && e !== document.body; e = e.parentElement) {
            const o = getComputedStyle(e).overflowX;
            if (o === 'auto' || o === 'scroll') return true;
          }
          return false;
        };
        const outside: string[] = [];
        for (const el of document.body.querySelectorAll('*')) {
          const rect = el.getBoundingClientRect();
          if (rect.width <= 1 || rect.height <= 1) continue; // visually hidden text
          if (rect.right <= window.innerWidth + 1 && rect.left >= -1) continue;
          if (el.closest('.skip-link')) continue; // off screen until focused, then on screen (tested above)
          if (scrollsItself(el.parentElement)) continue;
          outside.push(`<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> ${Math.round(rect.left)}–${Math.round(rect.right)} px`);
        }
        return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, overflowX, outside: outside.slice(0, 10) };
      });
      expect(result.overflowX.filter((o) => ['hidden', 'clip'].includes(o)), 'the page must not hide what overflows').toEqual([]);
      expect(result.outside, name(pagePath)).toEqual([]);
      expect(result.scrollWidth, name(pagePath)).toBeLessThanOrEqual(result.clientWidth);
    } finally {
      await page.close();
    }
  });
});
