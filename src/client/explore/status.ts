// The SQL page's state (on #explore as data-state, for tests and styles: idle, starting, ready, running,
// done, error, cancelled, failed) and its status line.

export type ExploreState = 'idle' | 'starting' | 'ready' | 'running' | 'done' | 'error' | 'cancelled' | 'failed';

export interface ExploreStatus {
  set(state: ExploreState): void;
  say(text: string, kind?: 'info' | 'error'): void;
}

export function exploreStatus(root: HTMLElement, line: HTMLElement): ExploreStatus {
  return {
    set(state) {
      root.dataset.state = state;
    },
    say(text, kind = 'info') {
      line.textContent = text;
      line.classList.toggle('status--error', kind === 'error');
    },
  };
}
