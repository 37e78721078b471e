// Nätverkshem: the comparison between units, shaped from the rows of src/queries/network.ts: one share per
// unit (computed before reported, the reason when there is none), the units a unit is compared with, and
// the latest known share of a series. Pure, so tests reach it directly.

import { NATION } from '../../queries/contract.ts';
import type { ComparisonRow } from '../../queries/network.ts';

/** The latest row with a number, at or before `upTo` when given. */
export function latestKnown<T extends { period: string; andel: number | null }>(rows: readonly T[], upTo?: string): T | null {
  let best: T | null = null;
  for (const r of rows) {
    if (r.andel === null || (upTo && r.period > upTo)) continue;
    if (!best || r.period > best.period) best = r;
  }
  return best;
}

export interface ComparisonItem {
  enhetskod: string;
  name: string;
  andel: number | null;
  markering: string | null;
  reported: boolean;
  kalla: string | null;
}

/** A unit without a share in the compared period, and why (for the list under the chart). */
export interface MissingUnit {
  enhetskod: string;
  name: string;
  markering: string;
  /** "Härryda: skyddad av sekretess". */
  text: string;
}

/** Without a number: the reason, a protected share saying more than a missing one. */
function missingItem(code: string, name: string, computed?: ComparisonRow, reported?: ComparisonRow): ComparisonItem {
  const markers = [computed?.markering, reported?.markering].filter((m): m is string => !!m);
  const markering = markers.includes('sekretess') ? 'sekretess' : (markers[0] ?? 'saknas');
  return { enhetskod: code, name, andel: null, markering, reported: !computed && !!reported, kalla: reported?.kalla ?? null };
}

/**
 * One share per unit for the compared period: the computed share when it has a number, else a reported
 * one; without a number, the reason (a marker of either kind; 'saknas' when the unit has shares for other
 * periods only). The nation is left out: it is the reference line.
 */
export function mergeComparison(rows: readonly ComparisonRow[], names: ReadonlyMap<string, string>): ComparisonItem[] {
  const byUnit = new Map<string, ComparisonRow[]>();
  for (const r of rows) {
    if (r.enhetskod === NATION) continue;
    byUnit.set(r.enhetskod, [...(byUnit.get(r.enhetskod) ?? []), r]);
  }
  return [...byUnit].map(([code, list]) => {
    const computed = list.find((r) => r.kind === 'beraknad' && r.har_period);
    const reported = list.find((r) => r.kind === 'rapporterad' && r.har_period);
    const name = names.get(code) ?? list.find((r) => r.enhetsnamn)?.enhetsnamn ?? code;
    if (computed?.andel != null) return { enhetskod: code, name, andel: computed.andel, markering: null, reported: false, kalla: null };
    if (reported?.andel != null) return { enhetskod: code, name, andel: reported.andel, markering: null, reported: true, kalla: reported.kalla };
    return missingItem(code, name, computed, reported);
  });
}

export interface UnitLink {
  enhetskod: string;
  overordnad: string | null;
}

/**
 * The units a unit is compared with, as in the regional comparisons of the source reports: the unit and
 * the units under it when it has any (a municipality and its districts, a county and its municipalities);
 * else the units under the same parent and the parent itself (a municipality among its county's); else
 * every unit. `kind` says which, for the subtitle.
 */
export function comparisonGroup(
  unit: string,
  candidates: readonly string[],
  links: readonly UnitLink[],
): { codes: Set<string>; kind: 'children' | 'siblings' | 'all'; parent: string | null } {
  const parentOf = new Map(links.map((l) => [l.enhetskod, l.overordnad || null]));
  const children = candidates.filter((c) => parentOf.get(c) === unit);
  if (children.length) return { codes: new Set([unit, ...children]), kind: 'children', parent: unit };
  const parent = parentOf.get(unit) ?? null;
  if (parent) {
    const siblings = candidates.filter((c) => parentOf.get(c) === parent);
    return { codes: new Set([parent, ...siblings, unit]), kind: 'siblings', parent };
  }
  return { codes: new Set(candidates), kind: 'all', parent: null };
}
