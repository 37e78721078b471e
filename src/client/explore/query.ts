// Running the editor's query: the engine is started first if it is not running (a run asked for while it
// starts waits, the last one's chart hint kept), the query goes into the address and the history, and the
// answer or the error is shown. Afterwards the engine's read-only state is restored if the query changed
// it, and the table list is read again when the query may have changed the schema.

import { exploreWords as w } from '../../i18n/explore.ts';
import type { ChartChoice } from './chart-data.ts';
import type { SqlText } from './sql-field.ts';
import type { EngineStarter } from './engine-start.ts';
import type { HistoryPanel } from './history-panel.ts';
import type { Results } from './results.ts';
import type { SchemaPanel } from './schema-panel.ts';
import { claimedPublishedName } from './name-guard.ts';
import { changesSchema, hasCode } from './sql-tokens.ts';
import type { ExploreStatus } from './status.ts';
import { putInAddress } from './address.ts';

export interface QueryParts {
  editor: SqlText;
  textarea: HTMLTextAreaElement;
  engine: EngineStarter;
  status: ExploreStatus;
  /** The answer's parts (grid, chart, downloads), loaded at the first run. */
  results: () => Promise<Results>;
  history: HistoryPanel;
  schema: SchemaPanel;
  notes: HTMLElement;
  /** Run and cancel buttons and the busy state while a query runs. */
  running(running: boolean): void;
}

/** A note under the editor (replacing an earlier one of the same kind). */
function note(p: QueryParts, kind: string, text: string, warning = false): void {
  for (const el of p.notes.querySelectorAll(`.note--${kind}`)) el.remove();
  const el = Object.assign(document.createElement('p'), { className: `note note--${kind}${warning ? ' note--warning' : ''}`, textContent: text });
  p.notes.append(el);
}

export type RunQuery = (hint: Partial<ChartChoice> | null) => Promise<void>;

/** After a run: put back what a query may have changed, and say so. */
async function afterRun(p: QueryParts, sql: string): Promise<void> {
  const bench = p.engine.bench;
  if (!bench || bench.isEnded) return p.running(false);
  let restored = false;
  let dropped: string[] = [];
  try {
    restored = await bench.restore();
    dropped = await bench.dropShadows();
  } catch (error) {
    console.warn(error);
  }
  if (restored) note(p, 'restored', w.status.restored);
  if (dropped.length) note(p, 'dropped', w.guard.dropped(dropped.join(', ')), true);
  if (restored || dropped.length || changesSchema(sql)) await p.schema.refresh(bench).catch((e: unknown) => console.warn(e));
  p.running(false);
}

/** The engine was ended under a query that would not stop: say what that cost, and start a fresh one. */
async function restartEngine(p: QueryParts): Promise<void> {
  note(p, 'restarted', w.status.engineRestarted, true);
  (await p.results()).clear();
  const fresh = await p.engine.restart();
  if (fresh) note(p, 'restarted', w.status.engineRestarted, true);
}

async function runOnce(p: QueryParts, sql: string, hint: Partial<ChartChoice> | null): Promise<void> {
  let results: Results;
  try {
    results = await p.results();
  } catch (error) {
    console.warn(error);
    return p.status.say(`${error instanceof Error ? error.message : String(error)} ${w.error.engine}`, 'error');
  }
  const bench = p.engine.bench;
  if (!bench || bench.busy) return;
  results.clearError();
  for (const el of p.notes.querySelectorAll('.note--restored, .note--dropped, .note--restarted')) el.remove();
  p.editor.clearError();
  const claim = claimedPublishedName(sql, bench.publishedNames);
  if (claim) {
    results.clear();
    results.refuse(w.guard.refused(claim.name), claim.offset);
    return;
  }
  p.running(true);
  p.status.set('running');
  p.status.say(w.status.running);
  putInAddress(sql);
  p.history.add(sql);
  try {
    const result = await bench.run(sql);
    await results.show(result.table, result.truncated, result.ms, hint);
    p.status.set('done');
  } catch (error) {
    results.clear();
    if ((error as Error)?.name === 'QueryCancelled') {
      p.status.say(w.status.cancelled);
      p.status.set('cancelled');
      if ((error as { engineEnded?: boolean }).engineEnded) {
        p.running(false);
        void restartEngine(p);
        return;
      }
    } else {
      results.error(error, sql);
    }
  } finally {
    await afterRun(p, sql);
  }
}

export function queryRunner(p: QueryParts): RunQuery {
  const queued: { run: boolean; hint: Partial<ChartChoice> | null } = { run: false, hint: null };
  const run: RunQuery = async (hint) => {
    const sql = p.editor.value;
    if (!hasCode(sql)) {
      p.status.say(w.editor.empty, 'error');
      p.editor.focus();
      return;
    }
    if (p.engine.error) return p.status.say(p.engine.error, 'error');
    // The answer's code loads while the engine starts.
    void p.results().catch(() => undefined);
    if (p.engine.bench) return runOnce(p, sql, hint);
    // The engine starts now (or is starting): run as soon as it is ready.
    queued.hint = hint;
    if (queued.run) return;
    queued.run = true;
    const opened = await p.engine.start();
    queued.run = false;
    if (opened) return run(queued.hint);
  };
  return run;
}
