// The contract between a dashboard page, its Astro file and the browser:
//
//   const view = await page.load(runner, params, env)
//
// runs the page's queries (src/queries) for the choices in `params` (the URL's query string; empty for
// the prerendered default view) and returns a PageView: the normalised choices, the filter form's fields,
// the chart figures and the page's other changing parts as HTML (`regions`). The Astro page renders the
// view at build time with the Node runner; src/client/dashboard/controller.ts calls the same `load` with
// duckdb-wasm after a filter change and swaps the figures and regions in place.
//
// To add a page (part B: Ej verkställda beslut): write `myPage: DashboardPage` in a module of its own
// (see placements-page.ts), render it with <Dashboard>, <Filters>, <Region> and <ChartFigure>, and start
// the browser side with `startDashboard(() => import('…/my-page.ts').then((m) => m.myPage))`.
// The helpers below (default unit, unit options, period range, sources, events) are for every page.

import { UNIT_LEVEL_LABELS, UNIT_LEVELS, type DatasetName } from '../../data/schema.ts';
import { MARKER_LABELS } from '../../data/markers.ts';
import { dashboard as words } from '../../i18n/dashboard.ts';
import { formatDate, periodLabel, periodRangeLabel } from '../../i18n/format.ts';
import { isQuarter } from '../../data/period.ts';
import { eventsQuery, runQuery, type EventRow } from '../../queries/dashboard-common.ts';
import { sourcesQuery, type SourceRow as SourceInfo } from '../../queries/sources.ts';
import type { UnitCatalogRow } from '../../queries/unit-catalogs.ts';
import type { Runner } from '../../queries/runner.ts';
import type { FigureModel } from './figure.ts';
import { esc } from './html.ts';

/** What a page needs to know about the published data besides its tables. */
export interface PageEnv {
  /** The datasets the runner has attached. */
  datasets: readonly string[];
  /** When the data were published (manifest.json `generated`, ISO timestamp). */
  generated: string;
}

export interface FilterOption {
  value: string;
  label: string;
  /** An <optgroup> label (units grouped by level). */
  group?: string;
}

/** One field of the filter form: a <select name>. Hidden (and not submitted) when it has no choice. */
export interface FilterField {
  name: string;
  label: string;
  options: FilterOption[];
  value: string;
  hidden: boolean;
}

export interface PageView {
  /** The page's id (its path segment). */
  page: string;
  /** The choices shown, normalised: every filter field's value (and `visning` where a chart switches). */
  state: Record<string, string>;
  /** The choices of the default view for this unit: the URL carries only what differs. */
  defaults: Record<string, string>;
  filters: FilterField[];
  figures: Record<string, FigureModel>;
  /** Other parts of the page that change with the choices, as HTML: `<Region name>` on the page. */
  regions: Record<string, string>;
  /** What is shown, in words, for the status line: "Exempelstad (påhittade siffror), kv. 1 2016–kv. 4 2025". */
  label: string;
  /** Things said about the choices (an unknown unit in the URL, a period that does not exist). */
  messages: string[];
}

/** The view of a page with nothing to show (its dataset is not published): only its regions, as given. */
export function emptyView(page: string, regions: Record<string, string>): PageView {
  return { page, state: {}, defaults: {}, filters: [], figures: {}, regions, label: '', messages: [] };
}

export interface DashboardPage {
  /** The page's path segment ('placeringar'); '' for the start page. */
  id: string;
  /** The datasets the page queries (attached in the browser before `load`). */
  datasets: readonly DatasetName[];
  load(runner: Runner, params: URLSearchParams, env: PageEnv): Promise<PageView>;
}

/** The query-string names of the filters (Swedish, since users see and share them). */
export const PARAM = {
  unit: 'enhet',
  from: 'fran',
  to: 'till',
  sex: 'kon',
  age: 'alder',
  measure: 'matt',
  chart: 'visning',
} as const;

/** `visning` values in the URL. */
export const CHART_PARAM: Record<'line' | 'area', string> = { line: 'linjer', area: 'ytor' };

export function chartFromParam(value: string | null): 'line' | 'area' {
  return value === CHART_PARAM.area ? 'area' : 'line';
}

/**
 * The default unit of a topic: the one with most periods; ties go to a unit whose figures are not
 * invented, then to the one with most numbers, then by code. Null when the topic has no units.
 */
export function pickDefaultUnit(units: readonly UnitCatalogRow[]): UnitCatalogRow | null {
  const sorted = [...units].sort(
    (a, b) =>
      b.perioder - a.perioder ||
      Number(a.pahittad) - Number(b.pahittad) ||
      b.varden - a.varden ||
      (a.enhetskod < b.enhetskod ? -1 : a.enhetskod > b.enhetskod ? 1 : 0),
  );
  return sorted[0] ?? null;
}

const LEVEL_ORDER = new Map<string, number>(UNIT_LEVELS.map((l, i) => [l, i]));

/** Units as select options: grouped by level (riket, län, kommun, …), by name within a level. */
export function unitOptions(units: readonly UnitCatalogRow[]): FilterOption[] {
  const grouped = units.some((u) => u.niva);
  return [...units]
    .sort(
      (a, b) =>
        (LEVEL_ORDER.get(a.niva ?? '') ?? 99) - (LEVEL_ORDER.get(b.niva ?? '') ?? 99) ||
        a.enhetsnamn.localeCompare(b.enhetsnamn, 'sv') ||
        a.enhetskod.localeCompare(b.enhetskod),
    )
    .map((u) => ({
      value: u.enhetskod,
      label: u.enhetsnamn === u.enhetskod ? u.enhetskod : `${u.enhetsnamn} (${u.enhetskod})`,
      ...(grouped ? { group: u.niva ? UNIT_LEVEL_LABELS[u.niva as keyof typeof UNIT_LEVEL_LABELS] ?? u.niva : '–' } : {}),
    }));
}

/** The unit asked for, or the default with a message when it is not among the topic's units. */
export function resolveUnit(
  asked: string | null,
  units: readonly UnitCatalogRow[],
  fallback: UnitCatalogRow,
  messages: string[],
): UnitCatalogRow {
  if (!asked) return fallback;
  const found = units.find((u) => u.enhetskod === asked.trim());
  if (found) return found;
  messages.push(words.engine.unknownUnit(asked, fallback.enhetsnamn));
  return fallback;
}

/** Of a mix of quarters and years, the kind with more periods (quarters on a tie). */
export function pickPeriodKind(periods: readonly string[]): boolean {
  const quarters = periods.filter(isQuarter).length;
  return quarters >= periods.length - quarters;
}

/** The period range asked for, within the available periods (sorted); swapped when given backwards. */
export function resolveRange(
  periods: readonly string[],
  from: string | null,
  to: string | null,
  messages: string[],
): { from: string; to: string } {
  const first = periods[0];
  const last = periods[periods.length - 1];
  const pick = (asked: string | null, fallback: string) => {
    if (!asked) return fallback;
    if (periods.includes(asked)) return asked;
    messages.push(words.engine.badPeriod(asked));
    return fallback;
  };
  let a = pick(from, first);
  let b = pick(to, last);
  if (a > b) [a, b] = [b, a];
  return { from: a, to: b };
}

export function periodOptions(periods: readonly string[]): FilterOption[] {
  return periods.map((p) => ({ value: p, label: periodLabel(p) }));
}

/** A select that is offered only when there is a choice. */
/**
 * Whether a field's options are many (the units: hundreds at national scale, a quarter of a topic page's
 * HTML): then the built page carries them after the charts (<Dashboard>), not in the form before them.
 */
export function deferredOptions(field: FilterField): boolean {
  return field.name === PARAM.unit && field.options.length > 1;
}

export function field(name: string, label: string, options: FilterOption[], value: string): FilterField {
  return { name, label, options, value, hidden: options.length < 2 };
}

/** The sources of the published data, looked up by key. */
export class SourceBook {
  private readonly byKey: Map<string, SourceInfo>;
  private readonly generated: string;

  constructor(sources: readonly SourceInfo[], generated: string) {
    this.byKey = new Map(sources.map((s) => [s.kalla, s]));
    this.generated = generated;
  }

  static async load(runner: Runner, env: PageEnv): Promise<SourceBook> {
    const rows = env.datasets.includes('kallor') ? await runQuery<SourceInfo>(runner, sourcesQuery()) : [];
    return new SourceBook(rows, env.generated);
  }

  /** Whether any of the keys is an invented source. */
  invented(keys: Iterable<string | null | undefined>): boolean {
    for (const k of keys) if (k && this.byKey.get(k)?.pahittad) return true;
    return false;
  }

  /**
   * The source line under a chart: "Källa: Titel (Utgivare, 1 januari 2026). Data publicerade …".
   * Invented figures say so first, in words.
   */
  line(keys: Iterable<string | null | undefined>, extraInvented = false): string {
    const unique = [...new Set([...keys].filter((k): k is string => !!k))].sort();
    const described = unique.map((k) => {
      const s = this.byKey.get(k);
      if (!s) return k;
      const meta = [s.utgivare, s.datum ? formatDate(s.datum) : null].filter(Boolean).join(', ');
      return meta ? `${s.titel} (${meta})` : s.titel;
    });
    const invented = extraInvented || this.invented(unique);
    const parts: string[] = [];
    if (invented) parts.push(`${words.figure.invented}.`);
    if (described.length) parts.push(`${described.length > 1 ? words.figure.sources : words.figure.source}: ${described.join('; ')}.`);
    if (this.generated) parts.push(words.figure.published(formatDate(this.generated)));
    return parts.join(' ');
  }
}

/** The events to mark on a unit's time axis (empty when handelser is not published). */
export async function loadEvents(runner: Runner, env: PageEnv, unit: string): Promise<{ datum: string; rubrik: string }[]> {
  if (!env.datasets.includes('handelser')) return [];
  const rows = await runQuery<EventRow>(runner, eventsQuery(unit));
  return rows.map((r) => ({ datum: String(r.datum).slice(0, 10), rubrik: r.rubrik }));
}

/** The invented-figures notice near the charts, or '' for real figures. */
export function inventedNoticeHtml(unitName: string, invented: boolean): string {
  if (!invented) return '';
  return `<p class="note note--invented" role="note"><strong>${esc(words.notice.heading)}.</strong> ${esc(words.notice.invented(unitName))}</p>`;
}

/** The messages about the choices (unknown unit, …) as HTML, for the status region. */
export function messagesHtml(messages: readonly string[]): string {
  return messages.map((m) => `<p>${esc(m)}</p>`).join('');
}

/** "Exempelstad, kv. 1 2016–kv. 4 2025". */
export function viewLabel(unitName: string, from?: string, to?: string): string {
  return from && to ? `${unitName}, ${periodRangeLabel(from, to)}` : unitName;
}

/** A marker code in words ("skyddad av sekretess"). */
export function markerText(code: string | null | undefined): string {
  return (MARKER_LABELS as Record<string, string>)[code ?? 'saknas'] ?? code ?? MARKER_LABELS.saknas;
}

/** A file name part from a unit and a period range: "9999-2016-Q1-2025-Q4". */
export function fileStem(...parts: (string | undefined)[]): string {
  return parts
    .filter(Boolean)
    .join('-')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The URL query string for a view: only the choices that differ from the defaults, in a fixed order. */
export function viewSearch(state: Record<string, string>, defaults: Record<string, string>): string {
  const params = new URLSearchParams();
  for (const name of Object.values(PARAM)) {
    const value = state[name];
    if (value !== undefined && value !== '' && value !== defaults[name]) params.set(name, value);
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}
