// Choices every dashboard page makes the same way: the default unit, the unit list, a unit asked for in the
// URL, quarters or years, a period range inside the data, a measure, and the filter fields that offer them.
// Pure functions of what exists (the lookups of each page's choices.ts) and what the URL asks for.

import { isQuarter } from '../data/period.ts';
import { MEASURE_LABELS, MEASURES, UNIT_LEVEL_LABELS, UNIT_LEVELS } from '../data/schema.ts';
import { dashboard as words } from '../i18n/dashboard.ts';
import { periodLabel, periodRangeLabel } from '../i18n/format.ts';
import type { UnitCatalogRow } from '../queries/unit-catalogs.ts';
import { PARAM } from './url.ts';
import type { FilterField, FilterOption } from './view.ts';

const LEVEL_ORDER = new Map<string, number>(UNIT_LEVELS.map((l, i) => [l, i]));

/**
 * The default unit of a topic: the one with most periods; ties go to a unit whose figures are not
 * invented, then to the higher level (a municipality before its districts: what its committee expects,
 * whatever secondary suppression hid), then to the one with most numbers, then by code. Null when the
 * topic has no units.
 */
export function pickDefaultUnit(units: readonly UnitCatalogRow[]): UnitCatalogRow | null {
  const level = (u: UnitCatalogRow) => LEVEL_ORDER.get(u.niva ?? '') ?? 99;
  const sorted = [...units].sort(
    (a, b) =>
      b.perioder - a.perioder ||
      Number(a.pahittad) - Number(b.pahittad) ||
      level(a) - level(b) ||
      b.varden - a.varden ||
      (a.enhetskod < b.enhetskod ? -1 : a.enhetskod > b.enhetskod ? 1 : 0),
  );
  return sorted[0] ?? null;
}

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
export function resolveUnit(asked: string | null, units: readonly UnitCatalogRow[], fallback: UnitCatalogRow, messages: string[]): UnitCatalogRow {
  if (!asked) return fallback;
  const found = units.find((u) => u.enhetskod === asked.trim());
  if (found) return found;
  messages.push(words.engine.unknownUnit(asked, fallback.enhetsnamn));
  return fallback;
}

/** The units of a topic, its default unit and the unit the URL asks for (with a message when unknown). */
export interface UnitChoice {
  units: UnitCatalogRow[];
  fallback: UnitCatalogRow;
  unit: UnitCatalogRow;
  messages: string[];
}

/** The unit choice among `units`, or null when there is none; `fallback` picks the default. */
export function chooseUnit(units: UnitCatalogRow[], params: URLSearchParams, fallback = pickDefaultUnit(units)): UnitChoice | null {
  if (!fallback) return null;
  const messages: string[] = [];
  return { units, fallback, unit: resolveUnit(params.get(PARAM.unit), units, fallback, messages), messages };
}

/** Of a mix of quarters and years, the kind with more periods (quarters on a tie). */
export function pickPeriodKind(periods: readonly string[]): boolean {
  const quarters = periods.filter(isQuarter).length;
  return quarters >= periods.length - quarters;
}

/** The periods of the kind with more periods, sorted, and which kind that is. */
export function ownPeriods(all: Iterable<string>): { quarterly: boolean; periods: string[] } {
  const periods = [...new Set(all)].sort();
  const quarterly = pickPeriodKind(periods);
  return { quarterly, periods: periods.filter((p) => isQuarter(p) === quarterly) };
}

/** The period range asked for, within the available periods (sorted); swapped when given backwards. */
export function resolveRange(periods: readonly string[], from: string | null, to: string | null, messages: string[]): { from: string; to: string } {
  const pick = (asked: string | null, fallback: string) => {
    if (!asked) return fallback;
    if (periods.includes(asked)) return asked;
    messages.push(words.engine.badPeriod(asked));
    return fallback;
  };
  let a = pick(from, periods[0]);
  let b = pick(to, periods[periods.length - 1]);
  if (a > b) [a, b] = [b, a];
  return { from: a, to: b };
}

/** A value asked for when it is one of `allowed`, else the preferred one (or the first allowed). */
export function resolveValue(asked: string | null, allowed: readonly string[], preferred: string): { value: string; default: string } {
  const fallback = allowed.includes(preferred) ? preferred : (allowed[0] ?? preferred);
  return { value: asked && allowed.includes(asked) ? asked : fallback, default: fallback };
}

export interface MeasureRow {
  avser: string;
  perioder: number;
  varden: number;
}

/** The measure with most data for the unit (periods, then numbers; the contract's order on a tie). */
export function pickMeasure(rows: readonly MeasureRow[]): string | null {
  const rank = (m: string) => MEASURES.indexOf(m as (typeof MEASURES)[number]);
  const sorted = [...rows].sort((a, b) => b.perioder - a.perioder || b.varden - a.varden || rank(a.avser) - rank(b.avser));
  return sorted[0]?.avser ?? null;
}

/** The measure asked for if the unit has it, else the one with most data. */
export function resolveMeasure(asked: string | null, rows: readonly MeasureRow[]): { value: string | null; default: string | null } {
  const fallback = pickMeasure(rows);
  return { value: asked && rows.some((m) => m.avser === asked) ? asked : fallback, default: fallback };
}

export function measureLabel(code: string): string {
  return MEASURE_LABELS[code as (typeof MEASURES)[number]] ?? code;
}

export function periodOptions(periods: readonly string[]): FilterOption[] {
  return periods.map((p) => ({ value: p, label: periodLabel(p) }));
}

/** A select that is offered only when there is a choice. */
export function field(name: string, label: string, options: FilterOption[], value: string): FilterField {
  return { name, label, options, value, hidden: options.length < 2 };
}

/** The unit select, always shown. */
export function unitField(units: readonly UnitCatalogRow[], value: string): FilterField {
  return { ...field(PARAM.unit, words.filters.unit, unitOptions(units), value), hidden: false };
}

/** The measure select of the units' measures. */
export function measureField(rows: readonly MeasureRow[], value: string): FilterField {
  return field(PARAM.measure, words.filters.measure, rows.map((m) => ({ value: m.avser, label: measureLabel(m.avser) })), value);
}

/** The two selects of a period range. */
export function rangeFields(periods: readonly string[], range: { from: string; to: string }): FilterField[] {
  return [
    field(PARAM.from, words.filters.from, periodOptions(periods), range.from),
    field(PARAM.to, words.filters.to, periodOptions(periods), range.to),
  ];
}

/** From this many options on, a field's list is carried after the charts (the quarters: 40 over ten years). */
const DEFER_OPTIONS_FROM = 13;

/**
 * Whether a field's options are many (the units: hundreds at national scale, a quarter of a topic page's
 * HTML; the quarters of Från and Till, 5 kB): then the built page carries them after the charts
 * (<Dashboard>), not in the form before them. The form needs JavaScript, and its script moves them in.
 */
export function deferredOptions(f: FilterField): boolean {
  return f.name === PARAM.unit ? f.options.length > 1 : f.options.length >= DEFER_OPTIONS_FROM;
}

/** "Exempelstad, kv. 1 2016–kv. 4 2025". */
export function viewLabel(unitName: string, from?: string, to?: string): string {
  return from && to ? `${unitName}, ${periodRangeLabel(from, to)}` : unitName;
}
