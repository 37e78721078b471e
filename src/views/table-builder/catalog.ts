// What the table builder offers: per dataset, its variables and every value they take in the published
// data, with Swedish labels, in the contract's order (src/data/schema.ts), each total marked. Read once at
// build time (`readCatalog`) and handed to the page as data: the page's choices, its URL and the SQL it
// writes only ever use names and values from here (the whitelist). Pure but for the runner.

import {
  ADULT_SEX_LABELS, AGE_GROUP_LABELS, AREA_LABELS, CHILD_SEX_LABELS, DATASETS, DECISION_STATUS_LABELS, MEASURE_LABELS,
  PLACEMENT_FORM_LABELS, type DatasetName,
} from '../../data/schema.ts';
import { periodLabel } from '../../i18n/format.ts';
import { tableBuilderWords as w } from '../../i18n/table-builder.ts';
import type { Runner } from '../../queries/runner.ts';
import { quoteLiteral } from '../../queries/sql.ts';

export interface BuilderValue {
  code: string;
  label: string;
  /** A published total (kön totalt, 0–20 år, samtliga insatser): shown last-but-styled, never summed. */
  total?: boolean;
}

export interface BuilderVariable {
  /** The column, a plain lower-case name from the contract. */
  column: string;
  label: string;
  values: BuilderValue[];
  /** Chosen when a link says nothing about the variable. */
  defaults: string[];
}

export interface BuilderDataset {
  name: DatasetName;
  title: string;
  /** Always enhetskod first, period second, then the dataset's own dimensions. */
  variables: BuilderVariable[];
}

export type BuilderCatalog = BuilderDataset[];

interface DimensionSpec {
  column: string;
  labels?: Record<string, string>;
  total?: string;
}

/** The datasets the builder offers, with their dimensions in the order a reader looks for them. */
export const BUILDER_DIMENSIONS: Partial<Record<DatasetName, DimensionSpec[]>> = {
  placeringar: [
    { column: 'placeringsform', labels: PLACEMENT_FORM_LABELS, total: 'totalt' },
    { column: 'kon', labels: CHILD_SEX_LABELS, total: 'totalt' },
    { column: 'aldersgrupp', labels: AGE_GROUP_LABELS, total: '0-20' },
    { column: 'avser', labels: MEASURE_LABELS },
  ],
  ej_verkstallda_beslut: [
    { column: 'lag' },
    { column: 'verksamhet', labels: AREA_LABELS, total: 'totalt' },
    { column: 'insats', labels: { totalt: w.totalInsats }, total: 'totalt' },
    { column: 'kon', labels: ADULT_SEX_LABELS, total: 'totalt' },
    { column: 'status', labels: DECISION_STATUS_LABELS, total: 'totalt' },
  ],
};

/** Periods in time order: a year before its quarters ("2020" < "2020-Q1"). */
export function comparePeriods(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The contract's order of an enum column's values; other values (insatser) by name, the total first. */
function orderValues(column: string, dataset: DatasetName, codes: string[], total?: string): string[] {
  const spec = DATASETS[dataset].columns.find((c) => c.name === column);
  const order = (spec?.values ?? []) as readonly string[];
  const rank = (v: string) => (order.includes(v) ? order.indexOf(v) : order.length);
  return [...codes].sort((a, b) => {
    if (!order.length && (a === total || b === total)) return a === total ? -1 : 1;
    return rank(a) - rank(b) || a.localeCompare(b, 'sv');
  });
}

/** The code of the unit with most rows (the first by code among equals). */
function mostRows(units: CatalogRows['units']): string[] {
  let best: CatalogRows['units'][number] | null = null;
  for (const u of units) if (!best || (u.rows ?? 0) > (best.rows ?? 0)) best = u;
  return best ? [best.code] : [];
}

export interface CatalogRows {
  /** With their number of rows: the unit with most is chosen first (the one the data are about). */
  units: { code: string; name: string; rows?: number }[];
  periods: string[];
  /** Distinct values of each dimension column. */
  values: Record<string, string[]>;
  /** Rows of the first unit (the one with most rows) per value of each dimension: the defaults' source. */
  firstUnitCounts?: Record<string, Record<string, number>>;
}

/**
 * What a first visit shows: the first dimension with every value the first unit has (placement forms or
 * laws down the side), each other dimension its total when the first unit has it, else its most common value.
 */
function defaultsOf(index: number, codes: string[], counts: Record<string, number> | undefined, total?: string): string[] {
  const has = (c: string) => !counts || (counts[c] ?? 0) > 0;
  if (index === 0) {
    const present = codes.filter(has);
    return present.length ? present : codes;
  }
  if (total && codes.includes(total) && has(total)) return [total];
  if (!counts) return codes.slice(0, 1);
  const best = [...codes].sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0))[0];
  return best === undefined ? [] : [best];
}

/** The dataset's variables from the distinct values found in its data. Pure. */
export function datasetCatalog(dataset: DatasetName, rows: CatalogRows): BuilderDataset {
  const dims = BUILDER_DIMENSIONS[dataset] ?? [];
  const periods = [...rows.periods].sort(comparePeriods);
  const units = [...rows.units].sort((a, b) => comparePeriods(a.code, b.code));
  const variables: BuilderVariable[] = [
    { column: 'enhetskod', label: w.variables.enhetskod, values: units.map((u) => ({ code: u.code, label: u.name || u.code })), defaults: mostRows(units) },
    {
      column: 'period',
      label: w.variables.period,
      values: periods.map((p) => ({ code: p, label: periodLabel(p) })),
      defaults: periods.slice(-8),
    },
    ...dims.map((d, i) => {
      const codes = orderValues(d.column, dataset, rows.values[d.column] ?? [], d.total);
      const values = codes.map((code) => ({ code, label: d.labels?.[code] ?? code, ...(code === d.total ? { total: true } : {}) }));
      const defaults = defaultsOf(i, codes, rows.firstUnitCounts?.[d.column], d.total);
      return { column: d.column, label: w.variables[d.column] ?? d.column, values, defaults };
    }),
  ];
  return { name: dataset, title: DATASETS[dataset].title, variables };
}

/** The catalog of every builder dataset that is published with rows, read from the data at build time. */
export async function readCatalog(runner: Runner, published: readonly string[]): Promise<BuilderCatalog> {
  const out: BuilderCatalog = [];
  for (const [name, dims] of Object.entries(BUILDER_DIMENSIONS) as [DatasetName, DimensionSpec[]][]) {
    if (!published.includes(name)) continue;
    // The unit register's name where there is one, else the name the rows carry.
    const units = await runner.run<{ code: string; name: string | null; n: number }>(
      published.includes('enheter')
        ? `SELECT d.enhetskod AS code, coalesce(nullif(max(e.enhetsnamn), ''), max(d.enhetsnamn)) AS name, count(*)::INTEGER AS n FROM ${name} d LEFT JOIN enheter e USING (enhetskod) GROUP BY d.enhetskod`
        : `SELECT enhetskod AS code, max(enhetsnamn) AS name, count(*)::INTEGER AS n FROM ${name} GROUP BY enhetskod`,
    );
    if (!units.length) continue;
    const periods = await runner.run<{ p: string }>(`SELECT DISTINCT period AS p FROM ${name}`);
    const unitRows = units.map((u) => ({ code: u.code, name: u.name ?? '', rows: Number(u.n) }));
    const first = mostRows(unitRows)[0];
    const values: Record<string, string[]> = {};
    const firstUnitCounts: Record<string, Record<string, number>> = {};
    for (const d of dims) {
      const found = await runner.run<{ v: string | null; n: number }>(
        `SELECT ${d.column} AS v, count(*) FILTER (WHERE enhetskod = ${quoteLiteral(first)})::INTEGER AS n FROM ${name} GROUP BY ALL`,
      );
      values[d.column] = found.map((r) => r.v ?? '').filter((v, i, all) => all.indexOf(v) === i);
      firstUnitCounts[d.column] = Object.fromEntries(found.map((r) => [r.v ?? '', Number(r.n)]));
    }
    out.push(datasetCatalog(name, { units: unitRows, periods: periods.map((r) => r.p), values, firstUnitCounts }));
  }
  return out;
}
