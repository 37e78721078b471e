// The site's navigation, in one place: the header menu lists these in this order. Add a page here
// (one line) when its file in src/pages exists; paths are relative to the base path and end in '/'.

import type { DatasetName } from '../data/schema.ts';
import { sv } from '../i18n/sv.ts';

export interface NavItem {
  /** Path under the base path: '' for the start page, 'placeringar/' for src/pages/placeringar.astro. */
  path: string;
  label: string;
  /**
   * The datasets the page shows, any one of which is enough: a site built without all of them leaves the
   * page out of the menu (the page itself then says that there is nothing published).
   */
  needs?: readonly DatasetName[];
}

export const NAV: readonly NavItem[] = [
  { path: '', label: sv.nav.oversikt },
  { path: 'placeringar/', label: sv.nav.placeringar, needs: ['placeringar'] },
  { path: 'natverkshem/', label: sv.nav.natverkshem, needs: ['placeringar', 'natverkshemsandel'] },
  { path: 'ej-verkstallda-beslut/', label: sv.nav.ejVerkstallda, needs: ['ej_verkstallda_beslut'] },
  { path: 'jamforelser/', label: sv.nav.jamforelser, needs: ['placeringar', 'natverkshemsandel', 'ej_verkstallda_beslut'] },
  { path: 'tabell/', label: sv.nav.tabell, needs: ['placeringar', 'ej_verkstallda_beslut'] },
  { path: 'utforska/', label: sv.nav.utforska },
  { path: 'om-statistiken/', label: sv.nav.omStatistiken },
  { path: 'kallor/', label: sv.nav.data },
];

/** The datasets of a manifest that hold at least one row (a header-only file publishes an empty table). */
export function datasetsWithRows(manifest: { datasets: readonly { name: string; rows: number }[] }): string[] {
  return manifest.datasets.filter((d) => d.rows > 0).map((d) => d.name);
}

/** Whether the page at `path` has anything to show with these datasets published. */
export function pageHasData(path: string, datasets: readonly string[]): boolean {
  const needs = NAV.find((item) => item.path === path)?.needs;
  return !needs || needs.some((d) => datasets.includes(d));
}

/** The menu of a site with these datasets published: pages with nothing to show are left out. */
export function menu(datasets: readonly string[]): NavItem[] {
  return NAV.filter((item) => pageHasData(item.path, datasets));
}

/** Links in the footer of every page (e.g. the accessibility statement, once it exists). */
export const FOOTER_LINKS: readonly NavItem[] = [
  { path: 'kallor/', label: sv.nav.data },
  { path: 'tillganglighet/', label: sv.nav.tillganglighet },
];

/** The URL of a site path under the base path ('/intranat/socialstatistik/kallor/'). */
export function href(path: string): string {
  return `${import.meta.env.BASE_URL}${path.replace(/^\/+/, '')}`;
}

/** Whether `item` is the page at `pathname` (Astro.url.pathname), for aria-current. */
export function isCurrent(item: NavItem, pathname: string): boolean {
  const own = href(item.path);
  const here = pathname.endsWith('/') ? pathname : `${pathname}/`;
  return here === own;
}
