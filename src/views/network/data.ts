// Nätverkshem: the rows the page's figures are made from. The computed share (with the counts behind it
// and their sources), the reported shares, the unit's targets and the national share; then the comparison
// of every unit for the latest period that has a share in the range. Queries only: no words, no markup.

import { isQuarter } from '../../data/period.ts';
import { NATION, SHARE_TYPE } from '../../queries/contract.ts';
import { unitNamesQuery } from '../../queries/dashboard-common.ts';
import {
  comparisonQuery,
  computedShareQuery,
  computedShareSourcesQuery,
  reportedShareQuery,
  type ComparisonRow,
  type ComputedShareRow,
  type ReportedShareRow,
} from '../../queries/network.ts';
import { runQuery, type Runner } from '../../queries/runner.ts';
import { MEASURES } from '../../data/schema.ts';
import { loadEvents, SourceBook, type TimeEvent } from '../sources.ts';
import type { PageEnv } from '../view.ts';
import type { NetworkChoices } from './choices.ts';
import type { UnitLink } from './comparison.ts';
import { codesWhere, sharesQuery, type ShareCell } from '../../queries/compare.ts';
import { loadAncestors, type Ancestor } from '../compare/hierarchy.ts';

export interface NetworkData {
  computed: ComputedShareRow[];
  /** The sources of the counts behind the computed share. */
  computedSources: string[];
  /** The unit's reported shares inside the range. */
  reported: ReportedShareRow[];
  targets: ReportedShareRow[];
  /** The national share, every period (the reference line); none when the unit is the nation. */
  national: ReportedShareRow[];
  /** The units above the unit in enheter (county, nation), nearest first. */
  ancestors: Ancestor[];
  /** The shares of the units above the unit other than the nation (its county), every period in the range: reference lines. */
  above: { enhetskod: string; enhetsnamn: string; rows: { period: string; andel: number | null; kalla: string | null }[] }[];
  /** The unit's and its ancestors' shares for the compared period: "Kommunen – Länet – Riket". */
  hierarchy: ShareCell[];
  /** The latest period with a share in the range: the period the units are compared for. */
  comparedPeriod: string;
  comparison: ComparisonRow[];
  /** Names and parents of every unit in enheter (when it is published). */
  links: (UnitLink & { enhetsnamn: string })[];
  events: TimeEvent[];
  sources: SourceBook;
}

const none = <T>(): Promise<T[]> => Promise.resolve([]);

export async function loadNetwork(runner: Runner, c: NetworkChoices, env: PageEnv): Promise<NetworkData> {
  const hasComputed = !!c.avser && env.datasets.includes('placeringar');
  const hasReported = env.datasets.includes('natverkshemsandel');
  const unit = c.unit.enhetskod;
  const s = { unit, avser: c.avser ?? MEASURES[0], quarterly: c.quarterly, from: c.range.from, to: c.range.to };
  const [computed, computedSources, reportedAll, targets, national, events, sources] = await Promise.all([
    hasComputed ? runQuery<ComputedShareRow>(runner, computedShareQuery(s)) : none<ComputedShareRow>(),
    hasComputed ? runQuery<{ kalla: string }>(runner, computedShareSourcesQuery(s)) : none<{ kalla: string }>(),
    hasReported ? runQuery<ReportedShareRow>(runner, reportedShareQuery(unit, SHARE_TYPE.outcome)) : none<ReportedShareRow>(),
    hasReported ? runQuery<ReportedShareRow>(runner, reportedShareQuery(unit, SHARE_TYPE.target)) : none<ReportedShareRow>(),
    hasReported && unit !== NATION ? runQuery<ReportedShareRow>(runner, reportedShareQuery(NATION, SHARE_TYPE.outcome)) : none<ReportedShareRow>(),
    loadEvents(runner, env, unit),
    SourceBook.load(runner, env),
  ]);
  const reported = reportedAll.filter((r) => isQuarter(r.period) === c.quarterly && r.period >= c.range.from && r.period <= c.range.to);
  const sharePeriods = [...computed, ...reported].map((r) => r.period).sort();
  const comparedPeriod = sharePeriods[sharePeriods.length - 1] ?? c.range.to;
  const ancestors = await loadAncestors(runner, env, unit);
  const aboveUnits = ancestors.filter((a) => a.enhetskod !== NATION);
  const [comparison, links, hierarchy, above] = await Promise.all([
    runQuery<ComparisonRow>(runner, comparisonQuery(comparedPeriod, c.avser, env.datasets)),
    env.datasets.includes('enheter') ? runQuery<UnitLink & { enhetsnamn: string }>(runner, unitNamesQuery()) : none<UnitLink & { enhetsnamn: string }>(),
    ancestors.length ? runQuery<ShareCell>(runner, sharesQuery(codesWhere([unit, ...ancestors.map((a) => a.enhetskod)]), comparedPeriod, c.avser, env.datasets)) : none<ShareCell>(),
    Promise.all(aboveUnits.map(async (a) => {
      const [own, rep] = await Promise.all([
        hasComputed ? runQuery<ComputedShareRow>(runner, computedShareQuery({ ...s, unit: a.enhetskod })) : none<ComputedShareRow>(),
        hasReported ? runQuery<ReportedShareRow>(runner, reportedShareQuery(a.enhetskod, SHARE_TYPE.outcome)) : none<ReportedShareRow>(),
      ]);
      const inKind = rep.filter((r) => isQuarter(r.period) === c.quarterly && r.period <= c.range.to);
      return { enhetskod: a.enhetskod, enhetsnamn: a.enhetsnamn, rows: [...own.map((r) => ({ period: r.period, andel: r.andel, kalla: null })), ...inKind] };
    })),
  ]);
  return { computed, computedSources: computedSources.map((r) => r.kalla), reported, targets, national, ancestors, above, hierarchy, comparedPeriod, comparison, links, events, sources };
}
