// The page "Utforska": wires the SQL page's parts, each a module with one job. Everything the page shows
// without JavaScript (examples with their build-time answers, the table list) is already in the HTML; this
// adds the workbench on top.
//
//   sql-field.ts      the SQL field, which        query.ts          a run: engine, address, history, answer
//   editor.ts         becomes the SQL editor      results.ts        grid, summary, chart, downloads, errors
//   engine-start.ts   the engine, started lazily
//   address.ts        the query in the link       history-panel.ts  recent queries
//   schema-panel.ts   the table list              import-panel.ts   the analyst's own CSV files
//   status.ts         the page's state and status line
//
// To change what a run does, see query.ts; to add a panel, give it what it needs here.
//
// What this module loads at the start is small: the editor (CodeMirror) is loaded by sql-field.ts at the
// first touch of the field or when the browser is idle, the answer's code (grid, chart, downloads, Arrow)
// at the first run or when the engine starts, the engine itself at the first sign it is wanted.

import { isDatasetName } from '../../queries/setup.ts';
import { exploreWords as w } from '../../i18n/explore.ts';
import { queryInAddress, wireAddress } from './address.ts';
import { byId } from './dom.ts';
import { engineStarter, type EngineStarter } from './engine-start.ts';
import { exampleById } from './examples.ts';
import { historyPanel } from './history-panel.ts';
import { ImportPanel } from './import-panel.ts';
import { queryRunner, type RunQuery } from './query.ts';
import type { Results } from './results.ts';
import { schemaPanel, type SchemaPanel } from './schema-panel.ts';
import { SqlField, type SqlText } from './sql-field.ts';
import { exploreStatus } from './status.ts';

/**
 * The workbench. What needs JavaScript is in its place from the first paint and the note saying it needs
 * JavaScript is never painted (CSS: the `scripting` media feature, src/styles/site.css); the note is also
 * hidden here for a browser without that feature.
 */
function showWorkbench(): HTMLElement {
  for (const el of document.querySelectorAll<HTMLElement>('[data-needs-js]')) el.hidden = true;
  return byId('workbench');
}

/** The example buttons: each puts its query in the editor and runs it with its chart. */
function wireExamples(root: HTMLElement, editor: SqlText, workbench: HTMLElement, run: RunQuery): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-example]')) {
    button.addEventListener('click', () => {
      const example = exampleById(button.dataset.example ?? '');
      if (!example) return;
      editor.value = example.sql;
      workbench.scrollIntoView({ block: 'start' });
      void run(example.chart ?? null);
    });
  }
}

/** The own-data panel: a file loads into the engine as a table, which the list and the editor then know. */
function wireImport(engine: EngineStarter, schema: SchemaPanel, show: (sql: string) => void): ImportPanel {
  return new ImportPanel(byId('import'), {
    bench: () => engine.start(),
    onImported: async (done, note) => {
      schema.notes.set(done.table, note);
      await schema.refresh(engine.bench);
    },
    onShow: show,
  });
}

export function startExplorePage(root: HTMLElement): void {
  const datasets = (JSON.parse(root.dataset.datasets ?? '[]') as string[]).filter(isDatasetName);
  const workbench = showWorkbench();
  const textarea = byId<HTMLTextAreaElement>('sql');
  const [runButton, cancelButton] = [byId<HTMLButtonElement>('run'), byId<HTMLButtonElement>('cancel')];
  const status = exploreStatus(root, byId('query-status'));
  const notes = byId('query-notes');
  let run: RunQuery = async () => undefined;
  // Its hooks run only once it has started, by which time the editor and the table list exist.
  const engine: EngineStarter = engineStarter(datasets, status, {
    progress: byId<HTMLProgressElement>('engine-progress'),
    opened: async (bench) => {
      await schema.refresh(bench);
      editor.setDialect(await bench.dialectWords());
      running(false);
    },
    failed: () => {
      running(false);
      for (const b of root.querySelectorAll<HTMLButtonElement>('[data-example]')) b.disabled = true;
    },
  });
  const editor = new SqlField(byId('sql-editor'), textarea, {
    onRun: () => void run(null),
    onFocus: () => {
      void engine.start();
      void answer().catch(() => undefined);
    },
    label: w.editor.label,
    description: w.editor.hint,
  });
  // The visible label names the form's field; a click on it goes to the editor that took its place.
  root.querySelector('label[for="sql"]')?.addEventListener('click', (event) => {
    event.preventDefault();
    editor.focus();
  });
  const schema = schemaPanel(root, byId('schema-list'), notes, editor, status);
  const running = (busy: boolean) => {
    // Before the engine runs, a click starts it and then runs the query; only a running query disables it.
    runButton.disabled = busy || engine.error !== null;
    cancelButton.disabled = !busy;
    workbench.setAttribute('aria-busy', String(busy));
  };
  let importPanel: ImportPanel | null = null;
  let answerParts: Promise<Results> | null = null;
  const answer = () =>
    (answerParts ??= Promise.all([import('./results.ts'), import('./chart.ts')]).then(([r, c]) =>
      r.results(new c.QuickChart(byId('quick-chart')), editor, status, { loadAs: (name) => importPanel?.prepare(name) }),
    )).catch((error: unknown) => {
      answerParts = null;
      throw error;
    });
  const history = historyPanel(byId<HTMLDetailsElement>('history'), editor);
  run = queryRunner({ editor, textarea, engine, status, results: answer, history, schema, notes, running });

  // A query from a link is shown, never run by itself: the analyst reads it and presses Kör.
  const fromLink = queryInAddress();
  if (fromLink) editor.value = fromLink;
  wireAddress(editor, byId<HTMLButtonElement>('copy-link'), status);
  byId<HTMLFormElement>('query-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void run(null);
  });
  cancelButton.addEventListener('click', () => {
    if (!engine.bench?.busy) return;
    status.say(w.status.cancelling);
    cancelButton.disabled = true;
    // Stops the query, or, when it does not stop within a second, the engine (query.ts starts a new one).
    void engine.bench.cancel();
  });
  wireExamples(root, editor, workbench, run);
  importPanel = wireImport(engine, schema, (sql) => {
    editor.value = sql;
    workbench.scrollIntoView({ block: 'start' });
    void run(null);
  });

  running(false);
  status.set('idle');
  status.say(fromLink ? w.status.fromLink : w.status.idle);
}

const root = document.getElementById('explore');
if (root) startExplorePage(root);
