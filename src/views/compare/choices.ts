// Jämförelser: the URL's choices resolved against what the data hold. The group of units set side by
// side (the units under a parent in enheter, or every unit of a level; every unit when enheter is not
// published), then the topic's measure and period for that group, then the unit to highlight among them.
// Each topic (./placements.ts, ./network.ts, ./decisions.ts) adds its own lookups.

import { MEASURES } from '../../data/schema.ts';
import { dashboard as words } from '../../i18n/dashboard.ts';
import { compareWords as w } from '../../i18n/compare.ts';
import { periodLabel } from '../../i18n/format.ts';
import { groupsQuery, groupUnitsQuery, type GroupRow, type GroupSpec, type UnitRow } from '../../queries/compare.ts';
import { runQuery, type Runner } from '../../queries/runner.ts';
import type { CatalogTopic } from '../../queries/unit-catalogs.ts';
import { runCatalog, unitsQuery, type UnitCatalogRow } from '../../queries/unit-catalogs.ts';
import { field, measureField, periodOptions, resolveMeasure, type MeasureRow } from '../choices.ts';
import { PARAM } from '../url.ts';
import type { FilterField, PageEnv } from '../view.ts';

export interface GroupOption {
  /** The URL value: the parent's code, or a level (kommun, lan, …), or 'alla'. */
  value: string;
  spec: GroupSpec;
  label: string;
  enheter: number;
  /** Units with at least one number. */
  withValues: number;
  /** The parent whose own total is shown at the foot (children groups). */
  parent: string | null;
}

export const ALL_GROUP = 'alla';

/** The groups of a topic: every parent with two or more units with figures, then every level. */
export function groupOptions(rows: readonly GroupRow[]): GroupOption[] {
  const children = rows
    .filter((r) => r.kind === 'children')
    .map((r): GroupOption => ({ value: r.grupp, spec: { kind: 'children', parent: r.grupp }, label: w.groupChildren(r.niva, r.enhetsnamn ?? r.grupp), enheter: r.enheter, withValues: r.med_varden, parent: r.grupp }));
  const levels = rows
    .filter((r) => r.kind === 'level')
    .map((r): GroupOption => ({ value: r.grupp, spec: { kind: 'level', niva: r.grupp }, label: w.groupLevel(r.grupp), enheter: r.enheter, withValues: r.med_varden, parent: null }));
  return [...children, ...levels];
}

/**
 * The default group: the parent with most units that have a number (the districts of a city, the
 * municipalities of a county), then most units; a level only when no parent has two units.
 */
export function defaultGroup(groups: readonly GroupOption[]): GroupOption | null {
  const children = groups.filter((g) => g.spec.kind === 'children');
  const pool = children.length ? children : groups;
  return [...pool].sort((a, b) => b.withValues - a.withValues || b.enheter - a.enheter || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))[0] ?? null;
}

export interface GroupChoice {
  groups: GroupOption[];
  group: GroupOption;
  fallback: GroupOption;
  /** The topic's catalog (names, invented flags) for the units of the group. */
  catalog: UnitCatalogRow[];
  /** Names, parents and populations from enheter (empty without it). */
  units: UnitRow[];
  messages: string[];
}

/** The group asked for (or the default), with its units; null when the topic has no units. */
export async function chooseGroup(runner: Runner, params: URLSearchParams, env: PageEnv, topic: CatalogTopic): Promise<GroupChoice | null> {
  const catalog = await runCatalog(runner, unitsQuery(topic, env.datasets));
  if (!catalog.length) return null;
  const messages: string[] = [];
  const hasUnits = env.datasets.includes('enheter');
  const groups = hasUnits ? groupOptions(await runQuery<GroupRow>(runner, groupsQuery(topic))) : [];
  if (!groups.length) groups.push({ value: ALL_GROUP, spec: { kind: 'all' }, label: w.groupAll, enheter: catalog.length, withValues: catalog.filter((u) => u.varden > 0).length, parent: null });
  const fallback = defaultGroup(groups) as GroupOption;
  const asked = params.get(PARAM.group);
  const group = (asked && groups.find((g) => g.value === asked)) || fallback;
  if (asked && group.value !== asked) messages.push(w.unknownGroup(asked, group.label));
  const units = hasUnits ? await runQuery<UnitRow>(runner, groupUnitsQuery(group.spec)) : [];
  return { groups, group, fallback, catalog, units, messages };
}

/** The period asked for if the group has it, else the latest (with a message when asked for in vain). */
export function resolvePeriod(periods: readonly string[], asked: string | null, messages: string[]): string {
  const latest = periods[periods.length - 1] ?? '';
  if (!asked) return latest;
  if (periods.includes(asked)) return asked;
  messages.push(words.engine.badPeriod(asked));
  return latest;
}

/** The measure asked for if the group has it, else the one with most data. */
export function resolveGroupMeasure(rows: readonly MeasureRow[], asked: string | null): { value: string; default: string } {
  const m = resolveMeasure(asked, rows);
  return { value: m.value ?? MEASURES[0], default: m.default ?? MEASURES[0] };
}

/** The unit to highlight: one of the units shown, or none. */
export function resolveHighlight(codes: readonly string[], asked: string | null, messages: string[]): string {
  if (!asked) return '';
  if (codes.includes(asked)) return asked;
  messages.push(w.unknownHighlight(asked));
  return '';
}

/** The names of the units: enheter first, then the topic's catalog, then the rows themselves. */
export function unitNames(g: GroupChoice, rows: readonly { enhetskod: string; enhetsnamn?: string | null }[] = []): Map<string, string> {
  const names = new Map<string, string>();
  for (const r of rows) if (r.enhetsnamn) names.set(r.enhetskod, r.enhetsnamn);
  for (const c of g.catalog) names.set(c.enhetskod, c.enhetsnamn);
  for (const u of g.units) names.set(u.enhetskod, u.enhetsnamn);
  return names;
}

/** Whether any of the units' figures is invented (from the topic's catalog). */
export function anyInvented(g: GroupChoice, codes: Iterable<string>): boolean {
  const invented = new Set(g.catalog.filter((c) => c.pahittad).map((c) => c.enhetskod));
  for (const c of codes) if (invented.has(c)) return true;
  return false;
}

/** The filter fields every comparison has: the group, the period, the unit to highlight. */
export function groupFields(g: GroupChoice, periods: readonly string[], period: string, highlightable: { value: string; label: string }[], highlight: string): FilterField[] {
  return [
    { ...field(PARAM.group, w.filters.group, g.groups.map((o) => ({ value: o.value, label: o.label })), g.group.value), hidden: false },
    field(PARAM.period, w.filters.period, periodOptions([...periods].reverse()), period),
    field(PARAM.unit, w.filters.highlight, [{ value: '', label: w.filters.noHighlight }, ...highlightable], highlight),
  ];
}

export { measureField, periodLabel };
