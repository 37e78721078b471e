// Kept apart from browser.ts, which the benchmark imports outside Vitest.
import { expect } from 'vitest';
import type { SiteBrowser } from './browser.ts';

/**
 * Closes a browser shared by a test file, after checking what every test in it relied on: nothing was
 * requested from another host and no page logged an error. Closes it even when a check fails.
 */
export async function closeClean(browser: SiteBrowser): Promise<void> {
  try {
    expect(browser.foreignRequests).toEqual([]);
    expect(browser.errors).toEqual([]);
  } finally {
    await browser.close();
  }
}
