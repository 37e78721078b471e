// The site's navigation, in one place: the header menu lists these in this order. Add a page here
// (one line) when its file in src/pages exists; paths are relative to the base path and end in '/'.

import { sv } from '../i18n/sv.ts';

export interface NavItem {
  /** Path under the base path: '' for the start page, 'placeringar/' for src/pages/placeringar.astro. */
  path: string;
  label: string;
}

export const NAV: readonly NavItem[] = [
  { path: '', label: sv.nav.oversikt },
  { path: 'placeringar/', label: sv.nav.placeringar },
  { path: 'natverkshem/', label: sv.nav.natverkshem },
  { path: 'ej-verkstallda-beslut/', label: sv.nav.ejVerkstallda },
  { path: 'utforska/', label: sv.nav.utforska },
  { path: 'om-statistiken/', label: sv.nav.omStatistiken },
  { path: 'kallor/', label: sv.nav.data },
];

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
