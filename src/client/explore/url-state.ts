// The query in the address (so a result can be shared as a link) and the last queries in the browser's
// local history (its list: src/client/recent). The query goes in the fragment (#sql=…), which the browser
// never sends to the server: a shared link does not put the query in any web server's log. Pure.

import type { RecentList } from '../recent/list.ts';

/** Longest fragment (after '#') put in a link; longer links break in mail and chat programs. */
export const MAX_FRAGMENT_LENGTH = 6000;

const KEY = 'sql';

/** The fragment for a query ('sql=SELECT+…', without '#'), or null when the query is empty or too long. */
export function queryToFragment(sql: string): string | null {
  const text = sql.trim();
  if (!text) return null;
  const fragment = new URLSearchParams({ [KEY]: text }).toString();
  return fragment.length <= MAX_FRAGMENT_LENGTH ? fragment : null;
}

/** The query in a location hash ('#sql=…' or 'sql=…'), or null. Never throws on a malformed hash. */
export function queryFromFragment(hash: string): string | null {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!fragment) return null;
  try {
    const sql = new URLSearchParams(fragment).get(KEY);
    return sql && sql.trim() ? sql : null;
  } catch {
    return null;
  }
}

/** The last queries run, in this browser only (src/client/recent). */
export const HISTORY: RecentList = { key: 'socialstatistik.utforska.historik', size: 20, maxLength: 20_000 };

/** One line for a query in the history list: its first code line, shortened. */
export function historyLabel(sql: string, max = 80): string {
  const line = sql.split('\n').map((l) => l.trim()).find((l) => l && !l.startsWith('--')) ?? sql.trim();
  const flat = line.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
