// The contract between a dashboard page's view, its Astro file and the browser:
//
//   const view = await page.load(runner, params, env)
//
// runs the page's queries (src/queries) for the choices in `params` (the URL's query string; empty for the
// prerendered default view) and returns a PageView: the normalised choices, the filter form's fields, the
// chart figures and the page's other changing parts as data (`regions`). Nothing in it is HTML: the Astro
// page renders it at build time with the renderers of src/render, and src/client/dashboard renders the same
// view with the same renderers after a filter change (duckdb-wasm), swapping figures and regions in place.
//
// A page is a folder (src/views/<page>/): choices.ts (URL → selection and defaults, with the small lookups
// that needs), data.ts (selection → typed rows: the queries, no words), figures.ts (data → figure models,
// one function per figure) and index.ts (the DashboardPage that wires them), as Mosaic keeps a client's
// query() apart from its queryResult().

import type { DatasetName } from '../data/schema.ts';
import type { Runner } from '../queries/runner.ts';
import type { FigureModel } from './figure.ts';
import type { KeyFigure } from './overview/key-figures.ts';
import type { ComparisonPart } from './decisions/comparison.ts';
import type { MissingUnit } from './network/comparison.ts';
import type { UnitTable } from './compare/table.ts';
import type { HierarchyTable } from './compare/hierarchy.ts';
import type { ReportLinks, ReportModel } from './report/model.ts';

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

/** A part of a page that changes with the choices, as data; src/render/regions.ts draws each kind. */
export type Region =
  /** Nothing (e.g. no invented-figures notice for real figures). */
  | { kind: 'none' }
  /** Plain text (inside a heading or a line). */
  | { kind: 'text'; text: string }
  /** A paragraph. */
  | { kind: 'paragraph'; text: string }
  /** The notice that the figures shown are invented. */
  | { kind: 'invented'; unitName: string }
  /** The start page's key figures. */
  | { kind: 'keyFigures'; figures: KeyFigure[]; empty: string; /** The cards' heading level (3 by default; 2 right under the page's <h1>). */ level?: 2 | 3 }
  /** The units a comparison has no share for, with why. */
  | { kind: 'missingUnits'; heading: string; units: MissingUnit[]; none: string | null }
  /** The committee report's three-quarter comparison, one table per law. */
  | { kind: 'comparison'; lead: string | null; parts: ComparisonPart[]; none: string | null }
  /** Units side by side: a row per unit, a column per breakdown, sortable in the browser. */
  | { kind: 'unitTable'; table: UnitTable | null; none: string }
  /** A unit against the units above it (Kommunen – Länet – Riket) for one period. */
  | { kind: 'hierarchy'; tables: HierarchyTable[]; none: string | null }
  /** The committee's quarterly report of one unit and quarter, with its Word file and the other quarters' pages. */
  | { kind: 'report'; report: ReportModel; links: ReportLinks };

export interface PageView {
  /** The page's id (its path segment). */
  page: string;
  /** The choices shown, normalised: every filter field's value (and `visning` where a chart switches). */
  state: Record<string, string>;
  /** The choices of the default view for this unit: the URL carries only what differs. */
  defaults: Record<string, string>;
  filters: FilterField[];
  figures: Record<string, FigureModel>;
  /** Other parts of the page that change with the choices: `<Region name>` on the page. */
  regions: Record<string, Region>;
  /** What is shown, in words, for the status line: "Exempelstad (påhittade siffror), kv. 1 2016–kv. 4 2025". */
  label: string;
  /** Things said about the choices (an unknown unit in the URL, a period that does not exist). */
  messages: string[];
  /**
   * The engine starts only when a choice needs it, not once the page is idle: the report, whose quarters
   * are mostly pages of their own (a reader of a report should not download the engine for nothing).
   */
  engineOnDemand?: boolean;
}

export interface DashboardPage {
  /** The page's path segment ('placeringar'); '' for the start page. */
  id: string;
  /** The datasets the page queries (attached in the browser before `load`). */
  datasets: readonly DatasetName[];
  load(runner: Runner, params: URLSearchParams, env: PageEnv): Promise<PageView>;
}

export const NONE: Region = { kind: 'none' };

/** The view of a page with nothing to show (its dataset is not published): only its regions, as given. */
export function emptyView(page: string, regions: Record<string, Region>): PageView {
  return { page, state: {}, defaults: {}, filters: [], figures: {}, regions, label: '', messages: [] };
}

/** The invented-figures notice near the charts, or nothing for real figures. */
export function inventedNotice(unitName: string, invented: boolean): Region {
  return invented ? { kind: 'invented', unitName } : NONE;
}
