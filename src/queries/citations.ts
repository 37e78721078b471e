// Which published rows cite which source (kallor): per dataset and source, how many rows, which periods
// and which units. Used by the page "Om statistiken" at build time; the SQL is built from the data
// contract, so a dataset with a `kalla` column is covered as soon as it is published.

import { DATASETS, type DatasetName } from '../data/schema.ts';
import { unitNaming } from './dashboard-common.ts';
import { runQuery, type Runner } from './runner.ts';
import { empty, ident, join, literal, sql, type Sql } from './sql.ts';

export interface Citation {
  dataset: DatasetName;
  kalla: string;
  rader: number;
  forsta_period: string | null;
  sista_period: string | null;
  /** Names of the units (enhetsnamn, else enhetskod), sorted, without duplicates. */
  enheter: string[];
}

/** Published datasets that have a `kalla` column, in the contract's order. */
export function citingDatasets(published: readonly string[]): DatasetName[] {
  return (Object.keys(DATASETS) as DatasetName[]).filter(
    (d) => published.includes(d) && d !== 'kallor' && DATASETS[d].columns.some((c) => c.name === 'kalla'),
  );
}

/**
 * One SELECT per dataset, joined with UNION ALL. Every name comes from the contract, never from input.
 * Units are named from `enheter` when it is published, else by the row's own name or code.
 */
export function citationsSql(datasets: readonly DatasetName[], withUnits: boolean): Sql {
  const parts = datasets.map((d) => {
    const cols = DATASETS[d].columns.map((c) => c.name);
    const hasUnit = cols.includes('enhetskod');
    const naming = unitNaming(hasUnit && withUnits ? ['enheter'] : [], sql`t.enhetskod`);
    const own = cols.includes('enhetsnamn') ? sql`nullif(t.enhetsnamn, '')` : sql`NULL`;
    const unit = hasUnit ? naming.name(sql`${own}, nullif(t.enhetskod, '')`) : sql`NULL`;
    const periods = cols.includes('period') ? sql`min(t.period) AS forsta_period, max(t.period) AS sista_period` : sql`NULL AS forsta_period, NULL AS sista_period`;
    return sql`SELECT ${literal(d)} AS dataset, t.kalla, count(*) AS rader,
  ${periods},
  list_distinct(list(${unit})) AS enheter
FROM ${ident(d)} t ${naming.join} WHERE t.kalla <> '' GROUP BY t.kalla`;
  });
  return parts.length ? sql`${join(parts, '\nUNION ALL\n')}\nORDER BY dataset, kalla` : empty;
}

const collator = new Intl.Collator('sv-SE');

/** Every (dataset, source) pair with its rows, periods and units. */
export async function citations(runner: Runner, published: readonly string[]): Promise<Citation[]> {
  const datasets = citingDatasets(published);
  if (!datasets.length) return [];
  const rows = await runQuery<Citation>(runner, citationsSql(datasets, published.includes('enheter')));
  return rows.map((r) => ({
    ...r,
    rader: Number(r.rader),
    enheter: (r.enheter ?? []).filter((x): x is string => !!x).sort(collator.compare),
  }));
}
