// The table list beside the editor: the built list made interactive (names insert into the editor), then
// the live list once the engine runs (the analyst's own tables too), and a warning for every own table
// that hides a published one.

import { exploreWords as w } from '../../i18n/explore.ts';
import type { SqlText } from './sql-field.ts';
import type { Workbench } from './engine.ts';
import { shadowing, type OwnTableNote, type SchemaObject } from './schema.ts';
import { renderSchema, replaceSchema, upgradeNames } from './schema-view.ts';
import type { ExploreStatus } from './status.ts';

export interface SchemaPanel {
  /** What the analyst's own tables are (shown with them in the list). */
  readonly notes: Map<string, OwnTableNote>;
  /** Reads the engine's catalog again and shows it. */
  refresh(bench: Workbench | null): Promise<void>;
}

export function schemaPanel(root: HTMLElement, list: HTMLElement, notesBox: HTMLElement, editor: SqlText, status: ExploreStatus): SchemaPanel {
  const notes = new Map<string, OwnTableNote>();
  const showShadows = (objects: SchemaObject[]) => {
    for (const el of notesBox.querySelectorAll('.note--shadow')) el.remove();
    for (const s of shadowing(objects)) {
      const p = document.createElement('p');
      p.className = 'note note--warning note--shadow';
      p.textContent = w.shadow(s.name, s.qualified);
      notesBox.append(p);
    }
  };
  upgradeNames(list);
  root.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLElement>('button[data-insert]');
    if (!button || !root.contains(button)) return;
    const name = button.dataset.insert ?? '';
    editor.insert(name);
    status.say(w.schema.inserted(name));
  });
  return {
    notes,
    async refresh(bench) {
      if (!bench) return;
      const objects = await bench.schema(notes);
      replaceSchema(list, renderSchema(document, objects, { interactive: true, showOwn: true }));
      editor.setSchema(objects);
      showShadows(objects);
    },
  };
}
