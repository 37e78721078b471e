// Kept apart from browser.ts, which the benchmark imports outside Vitest.
import { afterAll, beforeAll, expect } from 'vitest';
import { launchSiteBrowser, type SiteBrowser } from './browser.ts';

/**
 * Closes a browser shared by a test file, after checking what every test in it relied on: nothing was
 * requested from another host and no page logged an error. Closes it even when a check fails.
 */
export async function closeClean(browser: SiteBrowser): Promise<void> {
  await closeChecked(browser, { errors: true });
}

/** Closes a browser after checking that nothing was requested from another host (and, with `errors`, that no page logged an error). */
export async function closeChecked(browser: SiteBrowser, { errors }: { errors: boolean }): Promise<void> {
  try {
    expect(browser.foreignRequests).toEqual([]);
    if (errors) expect(browser.errors).toEqual([]);
  } finally {
    await browser.close();
  }
}

/**
 * A browser for the tests of a describe block: launched before them, closed after them (after the clean
 * checks, unless `clean` is false). The object stands for the launched browser from the first test on.
 */
export function sharedBrowser(options: Parameters<typeof launchSiteBrowser>[0], { clean = true } = {}): SiteBrowser {
  let inner: SiteBrowser | null = null;
  beforeAll(async () => {
    inner = await launchSiteBrowser(options);
  });
  afterAll(async () => {
    if (inner) await (clean ? closeClean(inner) : inner.close());
  });
  return new Proxy({} as SiteBrowser, {
    get(_, key) {
      if (!inner) throw new Error('the shared browser is used before it is launched');
      const value = Reflect.get(inner, key);
      return typeof value === 'function' ? value.bind(inner) : value;
    },
  });
}
