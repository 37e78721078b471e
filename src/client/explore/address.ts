// The query in the page's address (#sql=…): read on load and when the address changes (shown, not run),
// written on every run, and copied as a link to share.

import { exploreWords as w } from '../../i18n/explore.ts';
import type { SqlText } from './sql-field.ts';
import { hasCode } from './sql-tokens.ts';
import type { ExploreStatus } from './status.ts';
import { MAX_FRAGMENT_LENGTH, queryFromFragment, queryToFragment } from './url-state.ts';

/** Puts `sql` in the address (replacing the entry); false when it is too long for a link. */
export function putInAddress(sql: string): boolean {
  const fragment = queryToFragment(sql);
  const url = `${location.pathname}${location.search}${fragment ? `#${fragment}` : ''}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) window.history.replaceState(null, '', url);
  return fragment !== null;
}

/** The query the address holds on load, if any. */
export function queryInAddress(): string | null {
  return queryFromFragment(location.hash);
}

/**
 * A query put in the address is shown in the editor, never run: only the analyst's Kör runs it (a link may
 * come from anyone). The link button copies the address with the editor's query.
 */
export function wireAddress(editor: SqlText, button: HTMLButtonElement, status: ExploreStatus): void {
  window.addEventListener('hashchange', () => {
    const sql = queryFromFragment(location.hash);
    if (sql && sql !== editor.value) {
      editor.value = sql;
      status.say(w.status.fromLink);
    }
  });
  button.addEventListener('click', async () => {
    const sql = editor.value;
    if (!hasCode(sql)) return status.say(w.editor.empty);
    if (!putInAddress(sql)) return status.say(w.editor.linkTooLong(MAX_FRAGMENT_LENGTH), 'error');
    try {
      await navigator.clipboard.writeText(location.href);
      status.say(w.editor.linkCopied);
    } catch {
      status.say(w.editor.linkInAddressBar);
    }
  });
}
