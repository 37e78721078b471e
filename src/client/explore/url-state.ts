// The query in the address (so a result can be shared as a link) and the last queries in the browser's
// local history. The query goes in the fragment (#sql=…), which the browser never sends to the server:
// a shared link does not put the query in any web server's log. Pure except `browserHistoryStore`.

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

export interface HistoryEntry {
  sql: string;
  /** ISO timestamp of the last run. */
  at: string;
}

export const HISTORY_KEY = 'socialstatistik.utforska.historik';
export const HISTORY_SIZE = 20;
/** Longer queries are run but not kept, so the history stays small. */
export const HISTORY_MAX_QUERY = 20_000;

/** The list with `sql` first (moved there if it was already in it), at most `size` long. */
export function addToHistory(list: readonly HistoryEntry[], sql: string, at: string, size = HISTORY_SIZE): HistoryEntry[] {
  const text = sql.trim();
  if (!text || text.length > HISTORY_MAX_QUERY) return [...list];
  return [{ sql: text, at }, ...list.filter((e) => e.sql !== text)].slice(0, size);
}

/** The stored history, tolerating anything (another version's format, a hand-edited value). */
export function parseHistory(stored: string | null): HistoryEntry[] {
  if (!stored) return [];
  try {
    const value = JSON.parse(stored) as unknown;
    if (!Array.isArray(value)) return [];
    return value
      .filter((e): e is HistoryEntry => !!e && typeof e === 'object' && typeof e.sql === 'string' && typeof e.at === 'string')
      .slice(0, HISTORY_SIZE);
  } catch {
    return [];
  }
}

/** One line for a query in the history list: its first code line, shortened. */
export function historyLabel(sql: string, max = 80): string {
  const line = sql.split('\n').map((l) => l.trim()).find((l) => l && !l.startsWith('--')) ?? sql.trim();
  const flat = line.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export interface HistoryStore {
  load(): HistoryEntry[];
  save(list: readonly HistoryEntry[]): void;
}

/** localStorage, or nothing when the browser refuses it (private mode, policy): the page works without. */
export function browserHistoryStore(storage: Storage | null): HistoryStore {
  return {
    load() {
      try {
        return parseHistory(storage?.getItem(HISTORY_KEY) ?? null);
      } catch {
        return [];
      }
    },
    save(list) {
      try {
        if (list.length) storage?.setItem(HISTORY_KEY, JSON.stringify(list));
        else storage?.removeItem(HISTORY_KEY);
      } catch {
        /* full or forbidden: the history is a convenience */
      }
    },
  };
}
