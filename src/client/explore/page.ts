// The page "Utforska": wires the editor, the engine, the results, the chart, the exports, the link and the
// history, the table list and the own-data panel. Everything the page shows without JavaScript (examples
// with their build-time answers, the table list) is already in the HTML; this adds the workbench on top.
// State for tests and styles is on #explore as data-state: idle (engine not started), starting, ready,
// running, done, error, cancelled, failed (the engine could not start).

import { sv } from '../../i18n/sv.ts';
import { exploreWords as w } from '../../i18n/explore.ts';
import type { Table } from 'apache-arrow';
import { isDatasetName } from '../../queries/setup.ts';
import { resultRows } from './cells.ts';
import { QuickChart } from './chart.ts';
import type { ChartChoice } from './chart-data.ts';
import { SqlEditor } from './editor.ts';
import type { Workbench } from './engine.ts';
import { exampleById } from './examples.ts';
import { download, fileStem, resultArrow, resultCsv } from './export.ts';
import { ImportPanel } from './import-panel.ts';
import { shadowing, type OwnTableNote, type SchemaObject } from './schema.ts';
import { renderSchema, replaceSchema, upgradeNames } from './schema-view.ts';
import { parseDuckDbError } from './sql-error.ts';
import { changesSchema, hasCode } from './sql-tokens.ts';
import {
  addToHistory,
  browserHistoryStore,
  historyLabel,
  MAX_FRAGMENT_LENGTH,
  queryFromFragment,
  queryToFragment,
  type HistoryEntry,
} from './url-state.ts';

type State = 'idle' | 'starting' | 'ready' | 'running' | 'done' | 'error' | 'cancelled' | 'failed';

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing`);
  return el as T;
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function startExplorePage(root: HTMLElement): void {
  const datasets = (JSON.parse(root.dataset.datasets ?? '[]') as string[]).filter(isDatasetName);
  const workbench = byId('workbench');
  const textarea = byId<HTMLTextAreaElement>('sql');
  const overlay = root.querySelector('.editor__highlight') as HTMLElement;
  const form = byId<HTMLFormElement>('query-form');
  const runButton = byId<HTMLButtonElement>('run');
  const cancelButton = byId<HTMLButtonElement>('cancel');
  const linkButton = byId<HTMLButtonElement>('copy-link');
  const status = byId('query-status');
  const progress = byId<HTMLProgressElement>('engine-progress');
  const errorBox = byId('query-error');
  const notes = byId('query-notes');
  const summary = byId('results-summary');
  const actions = byId('results-actions');
  const gridRoot = byId('result-grid');
  const schemaRoot = byId('schema-list');
  const historyRoot = byId<HTMLDetailsElement>('history');

  let bench: Workbench | null = null;
  /** Why the engine could not start (then nothing can run; the page's static content still answers). */
  let engineError: string | null = null;
  let current: { table: Table; sql: string } | null = null;
  /** A run asked for while the engine starts (a click, or the query in the link): the last one's chart hint. */
  const queued: { run: boolean; hint: Partial<ChartChoice> | null } = { run: false, hint: null };
  const ownNotes = new Map<string, OwnTableNote>();
  const history = browserHistoryStore(safeStorage());

  const setState = (state: State) => {
    root.dataset.state = state;
  };
  const say = (text: string, kind: 'info' | 'error' = 'info') => {
    status.textContent = text;
    status.classList.toggle('status--error', kind === 'error');
  };

  // What needs JavaScript appears; the note saying it needs JavaScript goes.
  for (const el of document.querySelectorAll<HTMLElement>('[data-needs-js]')) el.hidden = true;
  for (const el of root.querySelectorAll<HTMLElement>('[data-js-only]')) el.hidden = false;
  workbench.hidden = false;

  const editor = new SqlEditor(textarea, overlay, { onRun: () => void run(null) });
  const chart = new QuickChart(byId('quick-chart'));
  let grid: import('./grid.ts').ResultGrid | null = null;

  // --- the query in the address ------------------------------------------------------------------
  const fromLink = queryFromFragment(location.hash);
  if (fromLink) editor.value = fromLink;

  const putInAddress = (sql: string): boolean => {
    const fragment = queryToFragment(sql);
    const url = `${location.pathname}${location.search}${fragment ? `#${fragment}` : ''}`;
    if (url !== `${location.pathname}${location.search}${location.hash}`) window.history.replaceState(null, '', url);
    return fragment !== null;
  };

  window.addEventListener('hashchange', () => {
    const sql = queryFromFragment(location.hash);
    if (sql && sql !== editor.value) {
      editor.value = sql;
      void run(null);
    }
  });

  linkButton.addEventListener('click', async () => {
    const sql = editor.value;
    if (!hasCode(sql)) return say(w.editor.empty);
    if (!putInAddress(sql)) return say(w.editor.linkTooLong(MAX_FRAGMENT_LENGTH), 'error');
    try {
      await navigator.clipboard.writeText(location.href);
      say(w.editor.linkCopied);
    } catch {
      say(w.editor.linkInAddressBar);
    }
  });

  // --- history -----------------------------------------------------------------------------------
  const renderHistory = (list: readonly HistoryEntry[]) => {
    const ol = historyRoot.querySelector('ol') as HTMLOListElement;
    const empty = historyRoot.querySelector('.history__empty') as HTMLElement;
    const clear = historyRoot.querySelector('.history__clear') as HTMLButtonElement;
    ol.replaceChildren(
      ...list.map((entry) => {
        const li = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'history__load';
        button.textContent = historyLabel(entry.sql);
        button.title = entry.sql;
        button.addEventListener('click', () => {
          editor.value = entry.sql;
          textarea.focus();
        });
        const time = document.createElement('time');
        time.dateTime = entry.at;
        time.textContent = new Date(entry.at).toLocaleString('sv-SE', { dateStyle: 'short', timeStyle: 'short' });
        li.append(button, ' ', time);
        return li;
      }),
    );
    empty.hidden = list.length > 0;
    clear.hidden = list.length === 0;
  };
  (historyRoot.querySelector('.history__clear') as HTMLButtonElement).addEventListener('click', () => {
    history.save([]);
    renderHistory([]);
  });
  renderHistory(history.load());

  // --- the table list ----------------------------------------------------------------------------
  let objects: SchemaObject[] = [];
  const refreshSchema = async () => {
    if (!bench) return;
    objects = await bench.schema(ownNotes);
    replaceSchema(schemaRoot, renderSchema(document, objects, { interactive: true, showOwn: true }));
    showShadows();
  };
  const showShadows = () => {
    for (const el of notes.querySelectorAll('.note--shadow')) el.remove();
    for (const s of shadowing(objects)) {
      const p = document.createElement('p');
      p.className = 'note note--warning note--shadow';
      p.textContent = w.shadow(s.name, s.qualified);
      notes.append(p);
    }
  };
  upgradeNames(schemaRoot);
  root.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLElement>('button[data-insert]');
    if (!button || !root.contains(button)) return;
    const name = button.dataset.insert ?? '';
    editor.insert(name);
    say(w.schema.inserted(name));
  });

  // --- running -----------------------------------------------------------------------------------
  const setRunning = (running: boolean) => {
    // Before the engine runs, a click starts it and then runs the query; only a running query disables it.
    runButton.disabled = running || engineError !== null;
    cancelButton.disabled = !running;
    workbench.setAttribute('aria-busy', String(running));
  };

  // The alert region stays in the page and gets its content, so screen readers announce it.
  const errorTemplate = byId<HTMLTemplateElement>('query-error-template');
  const clearError = () => errorBox.replaceChildren();
  const clearResult = () => {
    current = null;
    grid?.clear();
    chart.clear();
    actions.hidden = true;
    summary.textContent = w.results.none;
  };

  const showError = (error: unknown, sql: string) => {
    const e = parseDuckDbError(error, sql);
    const box = errorTemplate.content.firstElementChild!.cloneNode(true) as HTMLElement;
    (box.querySelector('.query-error__where') as HTMLElement).textContent = e.line !== null && e.column !== null ? w.error.at(e.line, e.column) : '';
    (box.querySelector('pre') as HTMLElement).textContent = e.message;
    errorBox.replaceChildren(box);
    editor.markError(e.offset);
    say('');
    setState('error');
  };

  const showResult = async (table: Table, truncated: boolean, ms: number, hint: Partial<ChartChoice> | null) => {
    const { ResultGrid } = await import('./grid.ts');
    grid ??= new ResultGrid(gridRoot, w.results);
    const rows = table.numRows;
    const columns = table.schema.fields.map((f) => f.name);
    grid.show(table, w.results.rowCountNote(rows, columns.length));
    summary.textContent = w.results.rowCountNote(rows, columns.length);
    actions.hidden = rows === 0 && columns.length === 0;
    say(truncated ? w.status.truncated(rows) : rows ? w.status.done(rows, ms) : w.status.doneNoRows(ms));
    chart.show(columns, rows <= 10_000 ? resultRows(table) : [], rows, hint);
  };

  async function run(hint: Partial<ChartChoice> | null): Promise<void> {
    const sql = editor.value;
    if (!hasCode(sql)) {
      say(w.editor.empty, 'error');
      textarea.focus();
      return;
    }
    if (engineError) {
      say(engineError, 'error');
      return;
    }
    if (!bench) {
      // The engine starts now (or is starting): run as soon as it is ready.
      queued.hint = hint;
      if (queued.run) return;
      queued.run = true;
      const opened = await ensureEngine();
      queued.run = false;
      if (!opened) return;
      return run(queued.hint);
    }
    if (bench.busy) return;
    clearError();
    for (const el of notes.querySelectorAll('.note--restored')) el.remove();
    editor.clearError();
    setRunning(true);
    setState('running');
    say(w.status.running);
    putInAddress(sql);
    const list = addToHistory(history.load(), sql, new Date().toISOString());
    history.save(list);
    renderHistory(list);
    try {
      const result = await bench.run(sql);
      current = { table: result.table, sql };
      await showResult(result.table, result.truncated, result.ms, hint);
      setState('done');
    } catch (error) {
      // The table below always answers the query in the editor: a failed or cancelled one leaves none.
      clearResult();
      if ((error as Error)?.name === 'QueryCancelled') {
        say(w.status.cancelled);
        setState('cancelled');
      } else {
        showError(error, sql);
      }
    } finally {
      let restored = false;
      try {
        restored = await bench.restore();
      } catch (error) {
        console.warn(error);
      }
      if (restored) {
        const p = document.createElement('p');
        p.className = 'note note--restored';
        p.textContent = w.status.restored;
        notes.append(p);
      }
      if (restored || changesSchema(sql)) await refreshSchema().catch((e: unknown) => console.warn(e));
      setRunning(false);
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(null);
  });
  cancelButton.addEventListener('click', () => {
    if (!bench?.busy) return;
    say(w.status.cancelling);
    void bench.cancel();
  });

  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-example]')) {
    button.addEventListener('click', () => {
      const example = exampleById(button.dataset.example ?? '');
      if (!example) return;
      editor.value = example.sql;
      workbench.scrollIntoView({ block: 'start' });
      void run(example.chart ?? null);
    });
  }

  // --- exports -----------------------------------------------------------------------------------
  byId('download-csv').addEventListener('click', () => {
    if (current) download(resultCsv(current.table), `${fileStem(w.results.fileStem, new Date())}.csv`, 'text/csv;charset=utf-8');
  });
  byId('download-arrow').addEventListener('click', () => {
    if (current) download(resultArrow(current.table), `${fileStem(w.results.fileStem, new Date())}.arrow`, 'application/vnd.apache.arrow.file');
  });

  // --- own data ----------------------------------------------------------------------------------
  new ImportPanel(byId('import'), {
    bench: () => ensureEngine(),
    onImported: async (done, note) => {
      ownNotes.set(done.table, note);
      await refreshSchema();
    },
    onShow: (sql) => {
      editor.value = sql;
      workbench.scrollIntoView({ block: 'start' });
      void run(null);
    },
  });

  // --- the engine --------------------------------------------------------------------------------
  // Started at the first sign that the analyst wants it (the editor gets focus, a query or example is run,
  // a file is chosen, or the address holds a query), not on every visit: it is some 35 MB to fetch.
  let starting: Promise<Workbench | null> | null = null;
  const ensureEngine = (): Promise<Workbench | null> => {
    starting ??= (async () => {
      setState('starting');
      say(sv.engine.phase.start);
      try {
        const { Workbench } = await import('./engine.ts');
        const opened = await Workbench.open(datasets, (p) => {
          const downloading = p.phase === 'engine' || p.phase === 'data';
          const bytes = downloading && p.bytesLoaded > 0 ? ` ${sv.engine.bytes(p.bytesLoaded, p.bytesTotal)}` : '';
          say(`${sv.engine.phase[p.phase]}${bytes}`);
          progress.hidden = !(downloading && p.bytesTotal > 0);
          if (downloading && p.bytesTotal > 0) {
            progress.max = p.bytesTotal;
            progress.value = Math.min(p.bytesLoaded, p.bytesTotal);
          }
        });
        bench = opened;
        // For analysts: the same engine from the developer console.
        Object.assign(window, { socialstatistik: { ...((window as { socialstatistik?: object }).socialstatistik ?? {}), workbench: opened } });
        progress.hidden = true;
        await refreshSchema();
        setRunning(false);
        say(sv.engine.phase.ready);
        setState('ready');
        return opened;
      } catch (error) {
        console.warn(error);
        progress.hidden = true;
        bench = null;
        setRunning(false);
        runButton.disabled = true;
              engineError = `${error instanceof Error ? error.message : String(error)} ${w.error.engine}`;
        say(engineError, 'error');
        for (const b of root.querySelectorAll<HTMLButtonElement>('[data-example]')) b.disabled = true;
        setState('failed');
        return null;
      }
    })();
    return starting;
  };

  setRunning(false);
  setState('idle');
  say(w.status.idle);
  textarea.addEventListener('focus', () => void ensureEngine(), { once: true });
  if (fromLink) void run(null);
}

const root = document.getElementById('explore');
if (root) startExplorePage(root);
