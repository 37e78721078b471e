// Build time only (imported by the pages' frontmatter, which runs in Node): the Node runner over the
// published data and the PageEnv every dashboard page's `load` takes. Never import this in the browser.

import { getNodeRunner, readManifest } from '../queries/node-runner.ts';
import { memoRunner, type Runner } from '../queries/runner.ts';
import { datasetsWithRows, pageHasData } from './nav.ts';
import type { DashboardPage, PageEnv, PageView } from './view.ts';

/**
 * The pages' runner, one for the whole build: it answers a statement run before from memory, as the
 * browser's does, so the unit catalog and the sources, asked for by each of the ~1 500 report pages and
 * Word files of a national site, are read once (the published files do not change during a build).
 */
let shared: Runner | null = null;

export async function buildEnv(): Promise<{ runner: Runner; env: PageEnv }> {
  const node = await getNodeRunner();
  shared ??= memoRunner(node);
  const manifest = readManifest();
  return { runner: shared, env: { datasets: node.datasets, generated: manifest.generated } };
}

/**
 * A dashboard page's default view, as the build prerenders it, with the environment it was made in, and
 * whether the site publishes anything the page shows (every dataset is optional; see src/views/nav.ts).
 */
export async function prerender(page: DashboardPage, params = new URLSearchParams()): Promise<{ view: PageView; env: PageEnv; published: boolean }> {
  const { runner, env } = await buildEnv();
  const published = pageHasData(page.id ? `${page.id}/` : '', datasetsWithRows(readManifest()));
  return { view: await page.load(runner, params, env), env, published };
}

/** The page's address for the print footer: absolute when the site's URL is configured, else its path. */
export function pageUrl(url: URL, site: URL | undefined): string {
  return site ? new URL(url.pathname, site).href : url.pathname;
}
