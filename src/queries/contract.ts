// The data contract's facts as SQL, derived once from src/data/schema.ts: which row is the published total
// of which dimension, the forms that make up "any kind of familjehem", each law's overall area, the SoL
// areas, the nation. Every query reads them from here; none types them again.
//
// They are written into the SQL as literals (`literal`), not bound: they are constants of the contract, not
// a user's choice, the stored views (network-share.ts) cannot take parameters, and DuckDB plans a literal
// filter before it reads a row.

import {
  ADULT_SEXES,
  ALL_PLACEMENTS,
  AREAS,
  DATASETS,
  FAMILY_HOME_FORMS,
  LAWS,
  SHARE_TYPES,
  type DatasetName,
  type TotalDimension,
} from '../data/schema.ts';
import { join, literal, ref, sql, type Sql } from './sql.ts';

/** The value that marks the published total of an additive dimension of a dataset (schema.ts `additive`). */
export function totalOf(dataset: DatasetName, column: string): string {
  // A column may also have parts that name their total (insats: overordnad_insats); the published total is the other form.
  const dim = DATASETS[dataset].additive?.find((a): a is TotalDimension => a.column === column && 'total' in a);
  if (!dim) throw new Error(`${dataset}.${column} has no published total in the contract`);
  return dim.total;
}

/** The value an optional column takes when a file leaves it out (schema.ts `fallback`). */
function fallbackOf(dataset: DatasetName, column: string): string {
  const spec = DATASETS[dataset].columns.find((c) => c.name === column);
  if (spec?.fallback === undefined) throw new Error(`${dataset}.${column} has no fallback in the contract`);
  return spec.fallback;
}

export type Law = (typeof LAWS)[number];
export type AdultSex = (typeof ADULT_SEXES)[number];

/** placeringar: the totals of sex and age group, the published count of all children, the forms. */
export const PLACEMENTS = {
  allSexes: totalOf('placeringar', 'kon'),
  allAges: totalOf('placeringar', 'aldersgrupp'),
  allForms: ALL_PLACEMENTS,
  familyHomeForms: FAMILY_HOME_FORMS,
  networkForm: 'natverkshem' as (typeof FAMILY_HOME_FORMS)[number],
} as const;

/** ej_verkstallda_beslut: the totals of sex, status, insats and (for SoL) area; each law's overall area. */
export const DECISIONS = {
  allSexes: totalOf('ej_verkstallda_beslut', 'kon') as AdultSex,
  allStatuses: totalOf('ej_verkstallda_beslut', 'status'),
  allInsatser: totalOf('ej_verkstallda_beslut', 'insats'),
  /** The overordnad_insats of an insats counted directly in its area's total (a sub-insats names its parent). */
  topLevel: fallbackOf('ej_verkstallda_beslut', 'overordnad_insats'),
  /** The verksamhet of a law's overall total: SoL's additive total, LSS's left-out column. */
  overallArea: { SoL: totalOf('ej_verkstallda_beslut', 'verksamhet'), LSS: fallbackOf('ej_verkstallda_beslut', 'verksamhet') } as Record<Law, string>,
  /** The sexes a total is split into. */
  sexes: ADULT_SEXES.filter((k) => k !== totalOf('ej_verkstallda_beslut', 'kon')) as Exclude<AdultSex, 'totalt'>[],
  laws: LAWS,
} as const;

/** The SoL areas in the order the committee reports list them (the contract's areas less total and LSS). */
export const SOL_AREAS = AREAS.filter((a) => a !== DECISIONS.overallArea.SoL && a !== DECISIONS.overallArea.LSS) as ('ÄO' | 'OF' | 'IFO')[];
export type SolArea = (typeof SOL_AREAS)[number];

/** natverkshemsandel: a measured share and a unit's target. */
export const SHARE_TYPE = { outcome: SHARE_TYPES[0], target: SHARE_TYPES[1] } as const;

/** The enhetskod of the nation (riket), as the contract's enhetskod describes it. */
export const NATION = '00';

// --- the facts as SQL fragments ----------------------------------------------------------------------

/** `IN (…)` list of the family-home forms, as literals. */
export const familyHomeFormsSql: Sql = join(FAMILY_HOME_FORMS.map((f) => literal(f)));

/** A placement row of all children of every sex and age (the rows a total figure reads). */
export function allChildren(alias?: string): Sql {
  const col = (name: string) => ref(alias ? `${alias}.${name}` : name);
  return sql`${col('kon')} = ${literal(PLACEMENTS.allSexes)} AND ${col('aldersgrupp')} = ${literal(PLACEMENTS.allAges)}`;
}

/** A decision row that is a law's overall total over its areas. */
export function lawOverall(alias: string): Sql {
  const [lag, area] = [ref(`${alias}.lag`), ref(`${alias}.verksamhet`)];
  const overall = (law: Law) => sql`(${lag} = ${literal(law)} AND ${area} = ${literal(DECISIONS.overallArea[law])})`;
  return sql`(${join(LAWS.map(overall), ' OR ')})`;
}

/** True for rows whose period is of the given kind: quarters ('2025-Q3') or years ('2020'). */
export function periodIsQuarter(quarterly: boolean, column = 'period'): Sql {
  return sql`(${ref(column)} LIKE '%-Q%') = ${quarterly}`;
}
