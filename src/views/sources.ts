// The sources of the published data, looked up by key (the source line under every chart), and the events
// marked on a unit's time axis: what every page's figures cite and draw besides their own rows.

import { dashboard as words } from '../i18n/dashboard.ts';
import { formatDate } from '../i18n/format.ts';
import { eventsQuery, type EventRow } from '../queries/dashboard-common.ts';
import { runQuery, type Runner } from '../queries/runner.ts';
import { sourcesQuery, type SourceRow } from '../queries/sources.ts';
import { SOURCE_TOTALS } from '../data/schema.ts';
import type { PageEnv } from './view.ts';

type Keys = Iterable<string | null | undefined>;

export class SourceBook {
  private readonly byKey: Map<string, SourceRow>;
  private readonly generated: string;

  constructor(sources: readonly SourceRow[], generated: string) {
    this.byKey = new Map(sources.map((s) => [s.kalla, s]));
    this.generated = generated;
  }

  static async load(runner: Runner, env: PageEnv): Promise<SourceBook> {
    const rows = env.datasets.includes('kallor') ? await runQuery<SourceRow>(runner, sourcesQuery()) : [];
    return new SourceBook(rows, env.generated);
  }

  /** Whether any of the keys is an invented source. */
  invented(keys: Keys): boolean {
    for (const k of keys) if (k && this.byKey.get(k)?.pahittad) return true;
    return false;
  }

  /** Whether a source of the keys gives totals that are only the sum of the values it shows (kallor.totaler = bara_synliga). */
  visibleOnly(keys: Keys): boolean {
    for (const k of keys) if (k && this.byKey.get(k)?.totaler === SOURCE_TOTALS[1]) return true;
    return false;
  }

  /**
   * The source line under a chart: "Källa: Titel (Utgivare, 1 januari 2026). Data publicerade …".
   * Invented figures say so first, in words.
   */
  line(keys: Keys, extraInvented = false): string {
    const unique = [...new Set([...keys].filter((k): k is string => !!k))].sort();
    const described = unique.map((k) => {
      const s = this.byKey.get(k);
      if (!s) return k;
      const meta = [s.utgivare, s.datum ? formatDate(s.datum) : null].filter(Boolean).join(', ');
      return meta ? `${s.titel} (${meta})` : s.titel;
    });
    const parts: string[] = [];
    if (extraInvented || this.invented(unique)) parts.push(`${words.figure.invented}.`);
    if (described.length) parts.push(`${described.length > 1 ? words.figure.sources : words.figure.source}: ${described.join('; ')}.`);
    if (this.generated) parts.push(words.figure.published(formatDate(this.generated)));
    return parts.join(' ');
  }

  /** The source line and whether it is invented, for figures that cite `keys`. */
  cite(keys: Keys, unitInvented: boolean): { source: string; invented: boolean } {
    const list = [...keys];
    return { source: this.line(list, unitInvented), invented: this.invented(list) || unitInvented };
  }
}

export interface TimeEvent {
  datum: string;
  rubrik: string;
}

/** The events to mark on a unit's time axis (empty when handelser is not published). */
export async function loadEvents(runner: Runner, env: PageEnv, unit: string): Promise<TimeEvent[]> {
  if (!env.datasets.includes('handelser')) return [];
  const rows = await runQuery<EventRow>(runner, eventsQuery(unit));
  return rows.map((r) => ({ datum: String(r.datum).slice(0, 10), rubrik: r.rubrik }));
}
