// The SQL page's engine, started at the first sign that the analyst wants it (the editor gets focus, a
// query or example is run, a file is chosen, or the address holds a query), not on every visit: it is some
// 35 MB to fetch. Its progress shows in the status line; a failure says why and turns the runs off.

import { exploreWords as w } from '../../i18n/explore.ts';
import { sv } from '../../i18n/sv.ts';
import type { DatasetName } from '../../queries/setup.ts';
import type { Workbench } from './engine.ts';
import type { ExploreStatus } from './status.ts';

export interface EngineStarter {
  /** The engine once it runs, or null before or when it failed. */
  readonly bench: Workbench | null;
  /** Why it could not start (then nothing can run; the page's static content still answers). */
  readonly error: string | null;
  /** Starts it once; resolves with it, or null when it failed. */
  start(): Promise<Workbench | null>;
  /** Starts a fresh engine after the running one was ended (a cancel that had to stop the worker). */
  restart(): Promise<Workbench | null>;
}

export interface EngineHooks {
  progress: HTMLProgressElement;
  /** Once it runs (before the page says it is ready). */
  opened(bench: Workbench): Promise<void>;
  /** Once it failed (after the page says why). */
  failed(): void;
}

function showProgress(status: ExploreStatus, bar: HTMLProgressElement, p: { phase: string; bytesLoaded: number; bytesTotal: number }): void {
  const downloading = p.phase === 'engine' || p.phase === 'data';
  const bytes = downloading && p.bytesLoaded > 0 ? ` ${sv.engine.bytes(p.bytesLoaded, p.bytesTotal)}` : '';
  status.say(`${(sv.engine.phase as Record<string, string>)[p.phase]}${bytes}`);
  bar.hidden = !(downloading && p.bytesTotal > 0);
  if (downloading && p.bytesTotal > 0) {
    bar.max = p.bytesTotal;
    bar.value = Math.min(p.bytesLoaded, p.bytesTotal);
  }
}

export function engineStarter(datasets: DatasetName[], status: ExploreStatus, hooks: EngineHooks): EngineStarter {
  let bench: Workbench | null = null;
  let error: string | null = null;
  let starting: Promise<Workbench | null> | null = null;
  const open = async (): Promise<Workbench | null> => {
    status.set('starting');
    status.say(sv.engine.phase.start);
    try {
      const { Workbench } = await import('./engine.ts');
      const opened = await Workbench.open(datasets, (p) => showProgress(status, hooks.progress, p));
      bench = opened;
      // For analysts: the same engine from the developer console.
      Object.assign(window, { socialstatistik: { ...((window as { socialstatistik?: object }).socialstatistik ?? {}), workbench: opened } });
      hooks.progress.hidden = true;
      await hooks.opened(opened);
      status.say(sv.engine.phase.ready);
      status.set('ready');
      return opened;
    } catch (e) {
      console.warn(e);
      hooks.progress.hidden = true;
      bench = null;
      error = `${e instanceof Error ? e.message : String(e)} ${w.error.engine}`;
      hooks.failed();
      status.say(error, 'error');
      status.set('failed');
      return null;
    }
  };
  return {
    get bench() {
      return bench;
    },
    get error() {
      return error;
    },
    start: () => (starting ??= open()),
    restart: () => {
      bench = null;
      error = null;
      starting = open();
      return starting;
    },
  };
}
