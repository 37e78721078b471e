// Derived figures as views stored in the published data file of the dataset they read, so they are as
// read-only as the tables and need no set-up at run time. Unqualified table names in a view resolve in
// the view's own file, whatever name the file is attached under.
import { DATASETS, type DatasetName, type DatasetSpec } from '../data/schema.ts';
import { NETWORK_SHARE_SQL, NETWORK_SHARE_VIEW } from './network-share.ts';
import { quoteIdent, quoteLiteral } from './sql.ts';

export interface DerivedView {
  name: string;
  sql: string;
  /** Swedish, for the SQL page's schema browser. */
  description: string;
}

/** The name of a dataset's tidy view: its rows without any total row. */
export const tidyViewName = (dataset: string) => `${dataset}_delar`;

/**
 * A long table holds total rows beside their parts (kön totalt beside flickor and pojkar, 0–20 år beside
 * the age groups, an insats total beside the insatser, a parent insats beside its sub-insatser), so a
 * `sum(antal)` over it counts twice. The tidy view keeps only the parts: no row whose key holds `totalt`
 * or a dimension's total, and no sub-insats (its parent is kept), read from the contract's `additive`
 * (src/data/schema.ts). Null for a dataset without counts that add up.
 */
export function tidyView(spec: DatasetSpec): DerivedView | null {
  if (!spec.additive?.length || !spec.valueColumn) return null;
  const conditions: string[] = [];
  const dropped: string[] = [];
  const add = (sql: string, words: string) => {
    if (conditions.includes(sql)) return;
    conditions.push(sql);
    dropped.push(words);
  };
  for (const name of spec.key) {
    const column = spec.columns.find((c) => c.name === name);
    if (column && 'values' in column && (column.values as readonly string[]).includes('totalt')) add(`${quoteIdent(name)} IS DISTINCT FROM 'totalt'`, `${name} = totalt`);
  }
  for (const d of spec.additive) {
    if ('total' in d) add(`${quoteIdent(d.column)} IS DISTINCT FROM ${quoteLiteral(d.total)}`, `${d.column} = ${d.total}`);
    else add(`coalesce(${quoteIdent(d.parent)}, '') = ''`, `rader med ${d.parent} (de ingår i sin överordnade ${d.column})`);
  }
  return {
    name: tidyViewName(spec.name),
    sql: `SELECT * FROM ${quoteIdent(spec.name)} WHERE ${conditions.join(' AND ')}`,
    description:
      `Samma uppgifter som ${spec.name}, utan totalrader, så att sum(${spec.valueColumn}) aldrig räknar något två gånger. ` +
      `Borttaget: ${dropped.join(', ')}. En enhet som bara redovisar totaler finns därför inte här.`,
  };
}

function viewsOf(dataset: DatasetName, own: DerivedView[]): DerivedView[] {
  const tidy = tidyView(DATASETS[dataset] as DatasetSpec);
  return tidy ? [...own, tidy] : own;
}

export const DERIVED_VIEWS: Partial<Record<DatasetName, DerivedView[]>> = {
  placeringar: viewsOf('placeringar', [
    {
      name: NETWORK_SHARE_VIEW,
      sql: NETWORK_SHARE_SQL,
      description: 'Andel placerade i nätverkshem av alla placerade i någon typ av familjehem (familjehem + jourhem + nätverkshem), beräknad ur placeringar för kön totalt och 0–20 år. NULL med markering när någon av de tre uppgifterna är skyddad eller saknas.',
    },
  ]),
  ej_verkstallda_beslut: viewsOf('ej_verkstallda_beslut', []),
};
