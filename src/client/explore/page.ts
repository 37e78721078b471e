// The page "Utforska": wires the SQL page's parts, each a module with one job. Everything the page shows
// without JavaScript (examples with their build-time answers, the table list) is already in the HTML; this
// adds the workbench on top.
//
//   editor.ts         the SQL editor              query.ts          a run: engine, address, history, answer
//   engine-start.ts   the engine, started lazily  results.ts        grid, summary, chart, downloads, errors
//   address.ts        the query in the link       history-panel.ts  recent queries
//   schema-panel.ts   the table list              import-panel.ts   the analyst's own CSV files
//   status.ts         the page's state and status line
//
// To change what a run does, see query.ts; to add a panel, give it what it needs here.

import { isDatasetName } from '../../queries/setup.ts';
import { exploreWords as w } from '../../i18n/explore.ts';
import { queryInAddress, wireAddress } from './address.ts';
import { QuickChart } from './chart.ts';
import { byId } from './dom.ts';
import { SqlEditor } from './editor.ts';
import { engineStarter, type EngineStarter } from './engine-start.ts';
import { exampleById } from './examples.ts';
import { historyPanel } from './history-panel.ts';
import { ImportPanel } from './import-panel.ts';
import { queryRunner, type RunQuery } from './query.ts';
import { results } from './results.ts';
import { schemaPanel, type SchemaPanel } from './schema-panel.ts';
import { exploreStatus } from './status.ts';

/** What needs JavaScript appears; the note saying it needs JavaScript goes. */
function showWorkbench(root: HTMLElement): HTMLElement {
  for (const el of document.querySelectorAll<HTMLElement>('[data-needs-js]')) el.hidden = true;
  for (const el of root.querySelectorAll<HTMLElement>('[data-js-only]')) el.hidden = false;
  const workbench = byId('workbench');
  workbench.hidden = false;
  return workbench;
}

/** The example buttons: each puts its query in the editor and runs it with its chart. */
function wireExamples(root: HTMLElement, editor: SqlEditor, workbench: HTMLElement, run: RunQuery): void {
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
function wireImport(engine: EngineStarter, schema: SchemaPanel, show: (sql: string) => void): void {
  new ImportPanel(byId('import'), {
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
  const workbench = showWorkbench(root);
  const textarea = byId<HTMLTextAreaElement>('sql');
  const [runButton, cancelButton] = [byId<HTMLButtonElement>('run'), byId<HTMLButtonElement>('cancel')];
  const status = exploreStatus(root, byId('query-status'));
  const notes = byId('query-notes');
  let run: RunQuery = async () => undefined;
  const editor = new SqlEditor(textarea, root.querySelector('.editor__highlight') as HTMLElement, { onRun: () => void run(null) });
  const schema = schemaPanel(root, byId('schema-list'), notes, editor, status);
  const running = (busy: boolean) => {
    // Before the engine runs, a click starts it and then runs the query; only a running query disables it.
    runButton.disabled = busy || engine.error !== null;
    cancelButton.disabled = !busy;
    workbench.setAttribute('aria-busy', String(busy));
  };
  const engine = engineStarter(datasets, status, {
    progress: byId<HTMLProgressElement>('engine-progress'),
    opened: async (bench) => {
      await schema.refresh(bench);
      running(false);
    },
    failed: () => {
      running(false);
      for (const b of root.querySelectorAll<HTMLButtonElement>('[data-example]')) b.disabled = true;
    },
  });
  const answer = results(new QuickChart(byId('quick-chart')), editor, status);
  const history = historyPanel(byId<HTMLDetailsElement>('history'), editor, textarea);
  run = queryRunner({ editor, textarea, engine, status, results: answer, history, schema, notes, running });

  const fromLink = queryInAddress();
  if (fromLink) editor.value = fromLink;
  wireAddress(editor, byId<HTMLButtonElement>('copy-link'), status, () => void run(null));
  byId<HTMLFormElement>('query-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void run(null);
  });
  cancelButton.addEventListener('click', () => {
    if (!engine.bench?.busy) return;
    status.say(w.status.cancelling);
    void engine.bench.cancel();
  });
  wireExamples(root, editor, workbench, run);
  wireImport(engine, schema, (sql) => {
    editor.value = sql;
    workbench.scrollIntoView({ block: 'start' });
    void run(null);
  });

  running(false);
  status.set('idle');
  status.say(w.status.idle);
  textarea.addEventListener('focus', () => void engine.start(), { once: true });
  if (fromLink) void run(null);
}

const root = document.getElementById('explore');
if (root) startExplorePage(root);
