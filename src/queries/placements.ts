// The SQL of the placement indicators (placeringar: children and young people 0–20 in out-of-home care),
// written once and run both at build time (Node) and in the browser (duckdb-wasm).
//
// Rules from the data contract that these queries keep:
// - the two measures (`avser`: under_perioden, vid_periodens_slut) are never mixed in one series: every
//   query takes one measure;
// - quarters and years are never mixed in one series: every query takes the period kind;
// - `totalt` is a published row (each child once) and never a sum of the forms: it is read, not added.

import { periodKindSql, type Query } from './dashboard-common.ts';

export interface PlacementMeasureRow {
  avser: string;
  /** Distinct periods with a row. */
  perioder: number;
  /** Rows with a number. */
  varden: number;
}

/** The measures a unit has figures for, with how much data each has (to pick the default). */
export function placementMeasuresQuery(unit: string): Query {
  return {
    sql: `SELECT avser, count(DISTINCT period) AS perioder, count(antal) AS varden
FROM placeringar WHERE enhetskod = ? GROUP BY avser ORDER BY avser`,
    params: [unit],
  };
}

export interface PlacementSliceRow {
  period: string;
  kon: string;
  aldersgrupp: string;
}

/** The periods, sexes and age groups a unit has for one measure: the filter choices. */
export function placementSlicesQuery(unit: string, avser: string): Query {
  return {
    sql: `SELECT DISTINCT period, kon, aldersgrupp FROM placeringar
WHERE enhetskod = ? AND avser = ? ORDER BY period, kon, aldersgrupp`,
    params: [unit, avser],
  };
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
export function placementFormsQuery(s: PlacementSelection & { kon: string; aldersgrupp: string }): Query {
  return {
    sql: `SELECT period, placeringsform, antal, markering, kalla FROM placeringar
WHERE enhetskod = ? AND avser = ? AND kon = ? AND aldersgrupp = ? AND ${periodKindSql()} AND period BETWEEN ? AND ?
ORDER BY period, placeringsform`,
    params: [s.unit, s.avser, s.kon, s.aldersgrupp, s.quarterly, s.from, s.to],
  };
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
): Query {
  const [dim, fixed, fixedValue] = s.by === 'kon' ? ['kon', 'aldersgrupp', s.aldersgrupp] : ['aldersgrupp', 'kon', s.kon];
  return {
    sql: `SELECT period, ${dim} AS grupp, antal, markering, kalla FROM placeringar
WHERE enhetskod = ? AND avser = ? AND placeringsform = ? AND ${fixed} = ? AND ${periodKindSql()} AND period BETWEEN ? AND ?
ORDER BY period, grupp`,
    params: [s.unit, s.avser, s.placeringsform, fixedValue, s.quarterly, s.from, s.to],
  };
}

/** The total number of children placed (the published `totalt` row, each child once) over time. */
export function placementTotalQuery(s: PlacementSelection): Query {
  return {
    sql: `SELECT period, placeringsform, antal, markering, kalla FROM placeringar
WHERE enhetskod = ? AND avser = ? AND placeringsform = 'totalt' AND kon = 'totalt' AND aldersgrupp = '0-20'
  AND ${periodKindSql()} AND period BETWEEN ? AND ?
ORDER BY period`,
    params: [s.unit, s.avser, s.quarterly, s.from, s.to],
  };
}
