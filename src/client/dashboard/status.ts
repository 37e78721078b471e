// The dashboard's engine status line ([data-engine-status]): what the page is doing in words (fetching,
// working, done, failed), the download's progress, and the messages about the choices.

import { dashboard as words } from '../../i18n/dashboard.ts';
import { sv } from '../../i18n/sv.ts';

export type StatusState = 'loading' | 'ready' | 'error' | 'idle';

export interface EngineProgress {
  phase: string;
  bytesLoaded: number;
  bytesTotal: number;
}

export interface StatusLine {
  say(text: string, state: StatusState, messages?: readonly string[]): void;
  progress(p: EngineProgress): void;
}

export function statusLine(root: HTMLElement): StatusLine {
  const status = root.querySelector<HTMLElement>('[data-engine-status]');
  const text = status?.querySelector<HTMLElement>('[data-engine-text]') ?? null;
  const messages = status?.querySelector<HTMLElement>('[data-engine-messages]') ?? null;
  const bar = status?.querySelector<HTMLProgressElement>('progress') ?? null;

  function say(line: string, state: StatusState, said: readonly string[] = []): void {
    if (!status || !text) return;
    status.dataset.state = state;
    text.textContent = line;
    if (messages) messages.replaceChildren(...said.map((m) => Object.assign(document.createElement('p'), { textContent: m })));
    if (bar && state !== 'loading') bar.hidden = true;
  }

  function progress(p: EngineProgress): void {
    const downloading = p.phase === 'engine' || p.phase === 'data';
    const bytes = downloading && p.bytesLoaded > 0 ? ` ${sv.engine.bytes(p.bytesLoaded, p.bytesTotal)}` : '';
    say(`${(sv.engine.phase as Record<string, string>)[p.phase] ?? words.engine.loading}${bytes}`, 'loading');
    if (!bar) return;
    if (downloading && p.bytesTotal > 0) {
      bar.hidden = false;
      bar.max = p.bytesTotal;
      bar.value = Math.min(p.bytesLoaded, p.bytesTotal);
    } else if (!downloading) {
      bar.removeAttribute('value'); // indeterminate while the data are opened
    }
  }

  return { say, progress };
}
