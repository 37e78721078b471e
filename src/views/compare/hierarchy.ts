// A unit against the units above it in enheter, for one period: "Kommunen – Länet – Riket" as the
// committee papers read an indicator (Solna – Länet – Riket), with the difference from each row above
// for a share or a rate (not for counts: the units differ in size). Shown on every topic page where
// enheter gives the unit a parent; the values are the published figures of each unit, never sums.

import { compareWords as w } from '../../i18n/compare.ts';
import { formatChange, formatValue, periodLabel, type ValueFormat } from '../../i18n/format.ts';
import { ancestorsQuery, type UnitRow } from '../../queries/compare.ts';
import { runQuery, type Runner } from '../../queries/runner.ts';
import { unitCell, type UnitTableCell } from './table.ts';
import type { PageEnv, Region } from '../view.ts';

export interface HierarchyRow {
  enhetskod: string;
  /** "Kommunen", "Länet", "Riket". */
  level: string;
  name: string;
  own: boolean;
  cell: UnitTableCell;
  /** The unit's value minus this row's, formatted; null when either is missing or for the unit itself. */
  difference: string | null;
}

export interface HierarchyTable {
  id: string;
  caption: string;
  valueHeader: string;
  /** Null for counts (no difference column). */
  differenceHeader: string | null;
  rows: HierarchyRow[];
  notes: string[];
}

export interface Ancestor extends UnitRow {
  steg: number;
}

/** The units above a unit (its county, the nation), nearest first; none without enheter. */
export async function loadAncestors(runner: Runner, env: PageEnv, unit: string): Promise<Ancestor[]> {
  return env.datasets.includes('enheter') ? runQuery<Ancestor>(runner, ancestorsQuery(unit)) : [];
}

export interface HierarchyInput {
  id: string;
  unit: { enhetskod: string; enhetsnamn: string; niva: string | null };
  ancestors: readonly Ancestor[];
  values: ReadonlyMap<string, { value: number | null; markering: string | null }>;
  period: string;
  what: string;
  format: ValueFormat | 'rate';
  /** Whether a difference is meaningful (shares and rates). */
  difference: boolean;
}

/** The region: the table, or nothing when the unit has no parent. */
export function hierarchyRegion(input: HierarchyInput): Region {
  if (!input.ancestors.length) return { kind: 'none' };
  const fmt = (v: number) => (input.format === 'rate' ? formatValue(v, 'count', 1) : formatValue(v, input.format));
  const own = input.values.get(input.unit.enhetskod);
  const units = [
    { enhetskod: input.unit.enhetskod, enhetsnamn: input.unit.enhetsnamn, niva: input.unit.niva, own: true },
    ...input.ancestors.map((a) => ({ enhetskod: a.enhetskod, enhetsnamn: a.enhetsnamn, niva: a.niva, own: false })),
  ];
  const digits = input.format === 'count' ? 0 : 1;
  const rows = units.map((u): HierarchyRow => {
    const v = input.values.get(u.enhetskod);
    const both = own?.value != null && v?.value != null;
    return {
      enhetskod: u.enhetskod,
      level: w.hierarchy.level(u.niva, u.enhetsnamn),
      name: u.enhetsnamn,
      own: u.own,
      cell: unitCell(v?.value ?? null, v ? v.markering : 'saknas', fmt),
      difference: input.difference && !u.own && both ? formatChange((own?.value as number) - (v?.value as number), digits) : null,
    };
  });
  const unitLabel = input.format === 'percent' ? w.hierarchy.differenceUnit.percent : input.format === 'rate' ? w.hierarchy.differenceUnit.rate : '';
  return {
    kind: 'hierarchy',
    none: null,
    tables: [{
      id: input.id,
      caption: w.hierarchy.caption(input.what, periodLabel(input.period)),
      valueHeader: input.what,
      differenceHeader: input.difference ? `${w.hierarchy.difference(input.unit.enhetsnamn)}${unitLabel ? ` (${unitLabel})` : ''}` : null,
      rows,
      notes: input.difference ? [w.hierarchy.note] : [w.hierarchy.countNote],
    }],
  };
}

/** Several tables (one per law) as one region; nothing when none has a row. */
export function hierarchyRegions(regions: readonly Region[]): Region {
  const tables = regions.flatMap((r) => (r.kind === 'hierarchy' ? r.tables : []));
  return tables.length ? { kind: 'hierarchy', tables, none: null } : { kind: 'none' };
}
