// The SQL of the placement indicators (placeringar: children and young people 0–20 in out-of-home care),
// written once and run both at build time (Node) and in the browser (duckdb-wasm).
//
// Rules from the data contract that these queries keep:
// - the two measures (`avser`: under_perioden, vid_periodens_slut) are never mixed in one series: every
//   query takes one measure;
// - quarters and years are never mixed in one series: every query takes the period kind;
// - `totalt` is a published row (each child once) and never a sum of the forms: it is read, not added.

import { allChildren, PLACEMENTS, periodIsQuarter } from './contract.ts';
import { literal, ref, sql, type Sql } from './sql.ts';

export interface PlacementMeasureRow {
  avser: string;
  /** Distinct periods with a row. */
  perioder: number;
  /** Rows with a number. */
  varden: number;
}

/** The measures a unit has figures for, with how much data each has (to pick the default). */
export function placementMeasuresQuery(unit: string): Sql {
  return sql`SELECT avser, count(DISTINCT period) AS perioder, count(antal) AS varden
FROM placeringar WHERE enhetskod = ${unit} GROUP BY avser ORDER BY avser`;
}

export interface PlacementSliceRow {
  period: string;
  kon: string;
  aldersgrupp: string;
}

/** The periods, sexes and age groups a unit has for one measure: the filter choices. */
export function placementSlicesQuery(unit: string, avser: string): Sql {
  return sql`SELECT DISTINCT period, kon, aldersgrupp FROM placeringar
WHERE enhetskod = ${unit} AND avser = ${avser} ORDER BY period, kon, aldersgrupp`;
}

/** A selection of one unit's placement figures: one measure, one kind of period, a period range. */
export interface PlacementSelection {
  unit: string;
  avser: string;
  quarterly: boolean;
  from: string;
  to: string;
}

export interface PlacementRow {
  period: string;
  placeringsform: string;
  antal: number | null;
  markering: string | null;
  kalla: string | null;
}

/** Children placed per placement form (including the published `totalt`) for one sex and age group. */
export function placementFormsQuery(s: PlacementSelection & { kon: string; aldersgrupp: string }): Sql {
  return sql`SELECT period, placeringsform, antal, markering, kalla FROM placeringar
WHERE enhetskod = ${s.unit} AND avser = ${s.avser} AND kon = ${s.kon} AND aldersgrupp = ${s.aldersgrupp} AND ${periodIsQuarter(s.quarterly)} AND period BETWEEN ${s.from} AND ${s.to}
ORDER BY period, placeringsform`;
}

export interface BreakdownRow {
  period: string;
  /** The value of the broken-down dimension: a sex or an age group. */
  grupp: string;
  antal: number | null;
  markering: string | null;
  kalla: string | null;
}

/**
 * One placement form broken down by sex (for one age group) or by age group (for one sex). The column
 * names are fixed SQL; only values are bound.
 */
export function placementBreakdownQuery(
  s: PlacementSelection & { by: 'kon' | 'aldersgrupp'; placeringsform: string; kon: string; aldersgrupp: string },
): Sql {
  const [dim, fixed, fixedValue] = s.by === 'kon' ? ['kon', 'aldersgrupp', s.aldersgrupp] : ['aldersgrupp', 'kon', s.kon];
  return sql`SELECT period, ${ref(dim)} AS grupp, antal, markering, kalla FROM placeringar
WHERE enhetskod = ${s.unit} AND avser = ${s.avser} AND placeringsform = ${s.placeringsform} AND ${ref(fixed)} = ${fixedValue} AND ${periodIsQuarter(s.quarterly)} AND period BETWEEN ${s.from} AND ${s.to}
ORDER BY period, grupp`;
}

/** The total number of children placed (the published `totalt` row, each child once) over time. */
export function placementTotalQuery(s: PlacementSelection): Sql {
  return sql`SELECT period, placeringsform, antal, markering, kalla FROM placeringar
WHERE enhetskod = ${s.unit} AND avser = ${s.avser} AND placeringsform = ${literal(PLACEMENTS.allForms)} AND ${allChildren()}
  AND ${periodIsQuarter(s.quarterly)} AND period BETWEEN ${s.from} AND ${s.to}
ORDER BY period`;
}
