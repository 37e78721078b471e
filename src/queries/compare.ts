// The SQL of the comparisons between units (src/views/compare/): which groups of units can be set side by
// side (the units under one parent in `enheter`, or every unit of one level), their periods and measures,
// and one period's published figures for every unit of a group and for the parent itself. Only published
// (suppressed) rows are read: a hidden cell stays NULL with its marker, and nothing is summed here, so a
// comparison can never show more than the topic pages do.
//
// A group is a fragment `enhetskod IN (…)` over enheter (./compare.ts `groupUnits`), so a county's 49
// municipalities or the 290 of the nation are chosen by the database, not by a bound list of codes.

import { NETWORK_SHARE_VIEW } from './network-share.ts';
import { allChildren, DECISIONS, familyHomeFormsSql, lawOverall, PLACEMENTS, SHARE_TYPE } from './contract.ts';
import { join, literal, ref, sql, type Sql } from './sql.ts';
import type { CatalogTopic } from './unit-catalogs.ts';
import { UNIT_CATALOGS } from './unit-catalogs.ts';

/** The units compared: those directly under a unit, every unit of a level, or (without enheter) all. */
export type GroupSpec = { kind: 'children'; parent: string } | { kind: 'level'; niva: string } | { kind: 'all' };

/** `enhetskod IN (…)` for the units of a group (column `column`); true for every unit without enheter. */
export function groupUnits(group: GroupSpec, column = 'enhetskod'): Sql {
  const col = ref(column);
  if (group.kind === 'children') return sql`${col} IN (SELECT enhetskod FROM enheter WHERE overordnad = ${group.parent})`;
  if (group.kind === 'level') return sql`${col} IN (SELECT enhetskod FROM enheter WHERE niva = ${group.niva})`;
  return sql`true`;
}

/** The group's units and, for the units under a parent, the parent itself (its total row). */
function groupAndParent(group: GroupSpec, column = 'enhetskod'): Sql {
  return group.kind === 'children' ? sql`(${groupUnits(group, column)} OR ${ref(column)} = ${group.parent})` : groupUnits(group, column);
}

export interface GroupRow {
  /** The parent's code (children groups) or the level (level groups). */
  grupp: string;
  kind: 'children' | 'level';
  /** The parent's name, or null for a level. */
  enhetsnamn: string | null;
  /** The level of the units compared. */
  niva: string | null;
  /** Units of the group with figures for the topic. */
  enheter: number;
  /** Of those, units with at least one number (not only markers). */
  med_varden: number;
}

/**
 * The groups of a topic with at least two units that have figures (from the stored unit catalog): every
 * parent in enheter, and every level. Needs enheter.
 */
export function groupsQuery(topic: CatalogTopic): Sql {
  const catalog = ref(UNIT_CATALOGS[topic].table);
  return sql`WITH units AS (
  SELECT e.enhetskod, e.niva, e.overordnad, c.varden FROM ${catalog} c JOIN enheter e ON e.enhetskod = c.enhetskod
)
SELECT u.overordnad AS grupp, 'children' AS kind, any_value(p.enhetsnamn) AS enhetsnamn, min(u.niva) AS niva, count(*) AS enheter,
  count(*) FILTER (WHERE u.varden > 0) AS med_varden
FROM units u LEFT JOIN enheter p ON p.enhetskod = u.overordnad
WHERE u.overordnad <> '' GROUP BY u.overordnad HAVING count(*) >= 2
UNION ALL
SELECT niva AS grupp, 'level' AS kind, CAST(NULL AS VARCHAR) AS enhetsnamn, niva, count(*) AS enheter, count(*) FILTER (WHERE varden > 0) AS med_varden
FROM units GROUP BY niva HAVING count(*) >= 2
ORDER BY kind, grupp`;
}

export interface UnitRow {
  enhetskod: string;
  enhetsnamn: string;
  niva: string | null;
  overordnad: string | null;
  befolkning: number | null;
}

/** Names, levels, parents and populations of the group's units and its parent (from enheter). */
export function groupUnitsQuery(group: GroupSpec): Sql {
  return sql`SELECT enhetskod, enhetsnamn, niva, overordnad, befolkning FROM enheter WHERE ${groupAndParent(group)} ORDER BY enhetskod`;
}

/** One unit's name and population from enheter (none when it is not there). */
export function unitInfoQuery(unit: string): Sql {
  return sql`SELECT enhetskod, enhetsnamn, niva, overordnad, befolkning FROM enheter WHERE enhetskod = ${unit}`;
}

/** A unit and the units above it in enheter (its county, the nation), nearest first, at most four steps. */
export function ancestorsQuery(unit: string): Sql {
  return sql`WITH RECURSIVE up(enhetskod, steg) AS (
  SELECT overordnad, 1 FROM enheter WHERE enhetskod = ${unit} AND overordnad <> ''
  UNION ALL
  SELECT e.overordnad, up.steg + 1 FROM up JOIN enheter e ON e.enhetskod = up.enhetskod WHERE e.overordnad <> '' AND up.steg < 4
)
SELECT e.enhetskod, e.enhetsnamn, e.niva, e.overordnad, e.befolkning, up.steg FROM up JOIN enheter e ON e.enhetskod = up.enhetskod ORDER BY up.steg`;
}

// --- placeringar -------------------------------------------------------------------------------------

export interface MeasureCountRow {
  avser: string;
  perioder: number;
  varden: number;
}

/** The measures the group's units have placement figures for (all children), with how much data. */
export function groupPlacementMeasuresQuery(group: GroupSpec): Sql {
  return sql`SELECT avser, count(DISTINCT period) AS perioder, count(antal) AS varden FROM placeringar
WHERE ${groupUnits(group)} AND ${allChildren()} GROUP BY avser ORDER BY avser`;
}

/** The periods the group's units have placement figures for, in one measure. */
export function groupPlacementPeriodsQuery(group: GroupSpec, avser: string): Sql {
  return sql`SELECT DISTINCT period FROM placeringar WHERE ${groupUnits(group)} AND avser = ${avser} AND ${allChildren()} ORDER BY period`;
}

export interface PlacementCell {
  enhetskod: string;
  enhetsnamn: string;
  placeringsform: string;
  antal: number | null;
  markering: string | null;
  kalla: string | null;
}

/** Every placement form (and the published total) of the group's units and its parent for one period. */
export function groupPlacementsQuery(group: GroupSpec, period: string, avser: string): Sql {
  return sql`SELECT enhetskod, enhetsnamn, placeringsform, antal, markering, kalla FROM placeringar
WHERE ${groupAndParent(group)} AND period = ${period} AND avser = ${avser} AND ${allChildren()}
ORDER BY enhetskod, placeringsform`;
}

/** The published total of all children (each child once) of a few units for one period. */
export function unitTotalsQuery(units: readonly string[], period: string, avser: string): Sql {
  if (!units.length) return sql`SELECT CAST(NULL AS VARCHAR) AS enhetskod, CAST(NULL AS INTEGER) AS antal, CAST(NULL AS VARCHAR) AS markering, CAST(NULL AS VARCHAR) AS kalla WHERE false`;
  return sql`SELECT enhetskod, antal, markering, kalla FROM placeringar
WHERE enhetskod IN (${join(units.map((u) => sql`${u}`))}) AND period = ${period} AND avser = ${avser} AND placeringsform = ${literal('totalt')} AND ${allChildren()}
ORDER BY enhetskod`;
}

/** The published total of a law (all areas, insatser, sexes and statuses) of a few units for one quarter. */
export function unitDecisionTotalsQuery(units: readonly string[], period: string): Sql {
  const where = units.length ? sql`t.enhetskod IN (${join(units.map((u) => sql`${u}`))})` : sql`false`;
  return sql`SELECT t.enhetskod, t.lag, t.antal, t.markering FROM ej_verkstallda_beslut t
WHERE ${where} AND t.period = ${period} AND ${lawOverall('t')} AND t.insats = ${literal(DECISIONS.allInsatser)}
  AND t.kon = ${literal(DECISIONS.allSexes)} AND t.status = ${literal(DECISIONS.allStatuses)}
ORDER BY t.enhetskod, t.lag`;
}

// --- nätverkshem -------------------------------------------------------------------------------------

/** The periods the group's units have a share for (computed in the measure, or reported). */
export function groupSharePeriodsQuery(group: GroupSpec, avser: string | null, datasets: readonly string[]): Sql {
  const parts = [
    // The computed share's periods are those of the family-home rows it is made from (read from the
    // table: the view would first compute every share of every unit, 40–70 ms in duckdb-wasm).
    avser !== null && datasets.includes('placeringar')
      ? sql`SELECT period FROM placeringar WHERE ${groupUnits(group)} AND avser = ${avser} AND ${allChildren()} AND placeringsform IN (${familyHomeFormsSql})`
      : null,
    datasets.includes('natverkshemsandel') ? sql`SELECT period FROM natverkshemsandel WHERE ${groupUnits(group)} AND typ = ${literal(SHARE_TYPE.outcome)}` : null,
  ].filter((p): p is Sql => p !== null);
  if (!parts.length) return sql`SELECT CAST(NULL AS VARCHAR) AS period WHERE false`;
  return sql`SELECT DISTINCT period FROM (${join(parts, ' UNION ALL ')}) ORDER BY period`;
}

/**
 * The measures the group's units have a computed share for: the periods of the family-home rows the
 * share is made from, and (to pick the measure with most data) the network-home counts that are numbers.
 */
export function groupShareMeasuresQuery(group: GroupSpec): Sql {
  return sql`SELECT avser, count(DISTINCT period) AS perioder, count(antal) FILTER (WHERE placeringsform = ${literal(PLACEMENTS.networkForm)}) AS varden
FROM placeringar WHERE ${groupUnits(group)} AND ${allChildren()} AND placeringsform IN (${familyHomeFormsSql}) GROUP BY avser ORDER BY avser`;
}

export interface ShareCell {
  enhetskod: string;
  kind: 'beraknad' | 'rapporterad';
  andel: number | null;
  markering: string | null;
  natverkshem: number | null;
  familjehem_alla: number | null;
  kalla: string | null;
}

/**
 * One period's shares of a set of units (the group and its parent, or any units by `where`): computed
 * (with the counts behind it) and reported, as rows of both kinds; the view chooses between them.
 */
export function sharesQuery(where: Sql, period: string, avser: string | null, datasets: readonly string[]): Sql {
  const parts = [
    avser !== null && datasets.includes('placeringar')
      ? sql`SELECT enhetskod, 'beraknad' AS kind, andel, markering, natverkshem, familjehem_alla, CAST(NULL AS VARCHAR) AS kalla
FROM ${ref(NETWORK_SHARE_VIEW)} WHERE ${where} AND period = ${period} AND avser = ${avser}`
      : null,
    datasets.includes('natverkshemsandel')
      ? sql`SELECT enhetskod, 'rapporterad' AS kind, andel, markering, CAST(NULL AS INTEGER) AS natverkshem, CAST(NULL AS INTEGER) AS familjehem_alla, kalla
FROM natverkshemsandel WHERE ${where} AND period = ${period} AND typ = ${literal(SHARE_TYPE.outcome)}`
      : null,
  ].filter((p): p is Sql => p !== null);
  if (!parts.length) {
    return sql`SELECT CAST(NULL AS VARCHAR) AS enhetskod, 'beraknad' AS kind, CAST(NULL AS DOUBLE) AS andel, CAST(NULL AS VARCHAR) AS markering,
  CAST(NULL AS INTEGER) AS natverkshem, CAST(NULL AS INTEGER) AS familjehem_alla, CAST(NULL AS VARCHAR) AS kalla WHERE false`;
  }
  return sql`${join(parts, '\nUNION ALL\n')}\nORDER BY enhetskod, kind`;
}

/** The group's units and its parent, as a `where` for sharesQuery. */
export function groupWhere(group: GroupSpec): Sql {
  return groupAndParent(group);
}

/** A few units by code, as a `where` for sharesQuery. */
export function codesWhere(units: readonly string[]): Sql {
  return units.length ? sql`enhetskod IN (${join(units.map((u) => sql`${u}`))})` : sql`false`;
}

// --- ej verkställda beslut ---------------------------------------------------------------------------

/** The quarters the group's units have decision figures for. */
export function groupDecisionPeriodsQuery(group: GroupSpec): Sql {
  return sql`SELECT DISTINCT period FROM ej_verkstallda_beslut WHERE ${groupUnits(group)} AND period LIKE '%-Q%' ORDER BY period`;
}

export interface DecisionAreaRow {
  lag: string;
  verksamhet: string;
}

/** The laws and areas the group's units report for one quarter. */
export function groupDecisionAreasQuery(group: GroupSpec, period: string): Sql {
  return sql`SELECT DISTINCT lag, verksamhet FROM ej_verkstallda_beslut WHERE ${groupUnits(group)} AND period = ${period} ORDER BY lag, verksamhet`;
}

export interface DecisionCell {
  enhetskod: string;
  enhetsnamn: string;
  insats: string;
  antal: number | null;
  markering: string | null;
  kalla: string | null;
}

/**
 * One quarter's unexecuted decisions of the group's units and its parent for one law and area: every
 * insats counted directly in the area's total (a sub-insats is in its parent already) and the published
 * total, all sexes and statuses.
 */
export function groupDecisionsQuery(group: GroupSpec, period: string, lag: string, verksamhet: string): Sql {
  return sql`SELECT enhetskod, enhetsnamn, insats, antal, markering, kalla FROM ej_verkstallda_beslut
WHERE ${groupAndParent(group)} AND period = ${period} AND lag = ${lag} AND verksamhet = ${verksamhet}
  AND kon = ${literal(DECISIONS.allSexes)} AND status = ${literal(DECISIONS.allStatuses)} AND overordnad_insats = ${literal(DECISIONS.topLevel)}
ORDER BY enhetskod, insats`;
}

/**
 * One quarter's unexecuted decisions under SoL of the group's units and its parent by area: each area's
 * published total (as `insats`, the column it is shown in) and the overall total, all sexes and statuses.
 */
export function groupDecisionsByAreaQuery(group: GroupSpec, period: string): Sql {
  return sql`SELECT enhetskod, enhetsnamn, verksamhet AS insats, antal, markering, kalla FROM ej_verkstallda_beslut
WHERE ${groupAndParent(group)} AND period = ${period} AND lag = ${literal('SoL')} AND insats = ${literal(DECISIONS.allInsatser)}
  AND kon = ${literal(DECISIONS.allSexes)} AND status = ${literal(DECISIONS.allStatuses)}
ORDER BY enhetskod, verksamhet`;
}

