// Placeringar: the rows the page's figures are made from, for the chosen unit, measure, period range, sex
// and age group. Queries only (src/queries/placements.ts): no words, no markup.

import { PLACEMENTS } from '../../queries/contract.ts';
import {
  placementBreakdownQuery,
  placementFormsQuery,
  type BreakdownRow,
  type PlacementRow,
  type PlacementSelection,
} from '../../queries/placements.ts';
import { runQuery, type Runner } from '../../queries/runner.ts';
import { loadEvents, SourceBook, type TimeEvent } from '../sources.ts';
import type { PageEnv } from '../view.ts';
import type { PlacementChoices } from './choices.ts';
import { unitInfoQuery, unitTotalsQuery, type UnitRow } from '../../queries/compare.ts';
import { loadAncestors, type Ancestor } from '../compare/hierarchy.ts';

export interface PlacementData {
  /** The units above the unit (county, nation), nearest first, and the unit itself, with populations. */
  ancestors: Ancestor[];
  self: UnitRow | null;
  /** The published totals (all children) of the unit and its ancestors for the range's last period. */
  levels: { enhetskod: string; antal: number | null; markering: string | null }[];
  /** Every placement form (and the published total) for the chosen sex and age group. */
  forms: PlacementRow[];
  /** All placed children (the published total form) by sex, for the chosen age group. */
  bySex: BreakdownRow[];
  /** All placed children by age group, for the chosen sex. */
  byAge: BreakdownRow[];
  events: TimeEvent[];
  sources: SourceBook;
}

export async function loadPlacements(runner: Runner, c: PlacementChoices, env: PageEnv): Promise<PlacementData> {
  const s: PlacementSelection = { unit: c.unit.enhetskod, avser: c.avser, quarterly: c.quarterly, from: c.range.from, to: c.range.to };
  const slice = { ...s, placeringsform: PLACEMENTS.allForms, kon: c.kon, aldersgrupp: c.aldersgrupp };
  const [forms, bySex, byAge, events, sources, ancestors, self] = await Promise.all([
    runQuery<PlacementRow>(runner, placementFormsQuery({ ...s, kon: c.kon, aldersgrupp: c.aldersgrupp })),
    runQuery<BreakdownRow>(runner, placementBreakdownQuery({ ...slice, by: 'kon' })),
    runQuery<BreakdownRow>(runner, placementBreakdownQuery({ ...slice, by: 'aldersgrupp' })),
    loadEvents(runner, env, c.unit.enhetskod),
    SourceBook.load(runner, env),
    loadAncestors(runner, env, c.unit.enhetskod),
    env.datasets.includes('enheter') ? runQuery<UnitRow>(runner, unitInfoQuery(c.unit.enhetskod)).then((r) => r[0] ?? null) : Promise.resolve(null),
  ]);
  const levels = ancestors.length
    ? await runQuery<{ enhetskod: string; antal: number | null; markering: string | null }>(runner, unitTotalsQuery([c.unit.enhetskod, ...ancestors.map((a) => a.enhetskod)], c.range.to, c.avser))
    : [];
  return { forms, bySex, byAge, events, sources, ancestors, self, levels };
}
