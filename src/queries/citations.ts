// Which published rows cite which source (kallor): per dataset and source, how many rows, which periods
// and which units. Used by the page "Om statistiken" at build time; the SQL is built from the data
// contract, so a dataset with a `kalla` column is covered as soon as it is published.

import { DATASETS, type DatasetName } from '../data/schema.ts';
import type { Runner } from './runner.ts';

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

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * One SELECT per dataset, joined with UNION ALL. Every name comes from the contract, never from input.
 * Units are named from `enheter` when it is published, else by the row's own name or code.
 */
export function citationsSql(datasets: readonly DatasetName[], withUnits: boolean): string {
  const parts = datasets.map((d) => {
    const cols = DATASETS[d].columns.map((c) => c.name);
    const period = cols.includes('period') ? 't.period' : null;
    const own = cols.includes('enhetsnamn') ? "nullif(t.enhetsnamn, '')" : 'NULL';
    const hasUnit = cols.includes('enhetskod');
    const unit = hasUnit ? `coalesce(${withUnits ? 'e.enhetsnamn, ' : ''}${own}, nullif(t.enhetskod, ''))` : 'NULL';
    const join = hasUnit && withUnits ? ' LEFT JOIN enheter e ON e.enhetskod = t.enhetskod' : '';
    return `SELECT '${d}' AS dataset, t.kalla, count(*) AS rader,
  ${period ? `min(${period})` : 'NULL'} AS forsta_period, ${period ? `max(${period})` : 'NULL'} AS sista_period,
  list_distinct(list(${unit})) AS enheter
FROM ${quote(d)} t${join} WHERE t.kalla <> '' GROUP BY t.kalla`;
  });
  return parts.length ? `${parts.join('\nUNION ALL\n')}\nORDER BY dataset, kalla` : '';
}

const collator = new Intl.Collator('sv-SE');

/** Every (dataset, source) pair with its rows, periods and units. */
export async function citations(runner: Runner, published: readonly string[]): Promise<Citation[]> {
  const datasets = citingDatasets(published);
  if (!datasets.length) return [];
  const rows = await runner.run<Citation>(citationsSql(datasets, published.includes('enheter')));
  return rows.map((r) => ({
    ...r,
    rader: Number(r.rader),
    enheter: (r.enheter ?? []).filter((x): x is string => !!x).sort(collator.compare),
  }));
}
