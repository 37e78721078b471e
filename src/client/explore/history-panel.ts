// The list of recent queries (localStorage, src/client/recent): each one loads into the editor; a button
// clears the list.

import { recentPanel, type RecentPanel } from '../recent/panel.ts';
import { HISTORY, historyLabel } from './url-state.ts';
import type { SqlText } from './sql-field.ts';

export type HistoryPanel = RecentPanel;

export function historyPanel(root: HTMLDetailsElement, editor: SqlText): HistoryPanel {
  return recentPanel(root, {
    list: HISTORY,
    label: historyLabel,
    title: (sql) => sql,
    load: (sql) => {
      editor.value = sql;
      editor.focus();
    },
  });
}
