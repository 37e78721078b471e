// Översikt: the rows of the start page, per topic: the published total of placed children (in the unit's
// measure with most data), the network-home share (computed where counts exist, else reported), and each
// law's total of decisions not executed in time. Queries only: no words, no markup.

import { isQuarter } from '../../data/period.ts';
import { MEASURES } from '../../data/schema.ts';
import { SHARE_TYPE } from '../../queries/contract.ts';
import { decisionSourcesQuery, totalsQuery, type TotalRow } from '../../queries/decisions.ts';
import {
  computedShareQuery,
  computedShareSourcesQuery,
  reportedShareQuery,
  shareMeasuresQuery,
  sharePeriodsQuery,
  type ComputedShareRow,
  type ReportedShareRow,
  type ShareMeasureRow,
} from '../../queries/network.ts';
import { placementMeasuresQuery, placementSlicesQuery, placementTotalQuery, type PlacementMeasureRow, type PlacementRow, type PlacementSliceRow } from '../../queries/placements.ts';
import { runQuery, type Runner } from '../../queries/runner.ts';
import { unitsQuery } from '../../queries/unit-catalogs.ts';
import type { TrendRow } from '../../charts/trend.ts';
import { ownPeriods, pickMeasure } from '../choices.ts';
import { loadEvents, SourceBook, type TimeEvent } from '../sources.ts';
import type { PageEnv } from '../view.ts';

export interface OverviewData {
  placements: { measure: string | null; rows: PlacementRow[] };
  /** The share's rows: computed ('beraknad') where the unit has counts, else reported ('rapporterad'). */
  share: { measure: string | null; rows: TrendRow[]; sources: (string | null)[] };
  decisions: { rows: TotalRow[]; sources: (string | null)[] };
  events: TimeEvent[];
  sources: SourceBook;
}

async function placements(runner: Runner, unit: string, env: PageEnv): Promise<OverviewData['placements']> {
  if (!env.datasets.includes('placeringar')) return { measure: null, rows: [] };
  const measure = pickMeasure(await runQuery<PlacementMeasureRow>(runner, placementMeasuresQuery(unit)));
  if (!measure) return { measure, rows: [] };
  const slices = await runQuery<PlacementSliceRow>(runner, placementSlicesQuery(unit, measure));
  const { quarterly, periods } = ownPeriods(slices.map((s) => s.period));
  if (!periods.length) return { measure, rows: [] };
  const rows = await runQuery<PlacementRow>(runner, placementTotalQuery({ unit, avser: measure, quarterly, from: periods[0], to: periods[periods.length - 1] }));
  return { measure, rows };
}

async function share(runner: Runner, unit: string, env: PageEnv): Promise<OverviewData['share']> {
  const ds = env.datasets;
  if (!unitsQuery('natverkshem', ds)) return { measure: null, rows: [], sources: [] };
  const measures = ds.includes('placeringar') ? await runQuery<ShareMeasureRow>(runner, shareMeasuresQuery(unit)) : [];
  const measure = pickMeasure(measures);
  const { quarterly, periods } = ownPeriods((await runQuery<{ period: string }>(runner, sharePeriodsQuery(unit, measure, ds))).map((r) => r.period));
  if (!periods.length) return { measure, rows: [], sources: [] };
  const s = { unit, avser: measure ?? MEASURES[0], quarterly, from: periods[0], to: periods[periods.length - 1] };
  const [computed, computedSources, reported] = await Promise.all([
    measure ? runQuery<ComputedShareRow>(runner, computedShareQuery(s)) : Promise.resolve([]),
    measure ? runQuery<{ kalla: string }>(runner, computedShareSourcesQuery(s)) : Promise.resolve([]),
    ds.includes('natverkshemsandel') ? runQuery<ReportedShareRow>(runner, reportedShareQuery(unit, SHARE_TYPE.outcome)) : Promise.resolve([]),
  ]);
  const rep = reported.filter((r) => isQuarter(r.period) === quarterly);
  if (computed.length) return { measure, rows: computed.map((r) => ({ period: r.period, serie: 'beraknad', varde: r.andel, markering: r.markering })), sources: computedSources.map((r) => r.kalla) };
  return { measure, rows: rep.map((r) => ({ period: r.period, serie: 'rapporterad', varde: r.andel, markering: r.markering })), sources: rep.map((r) => r.kalla) };
}

async function decisions(runner: Runner, unit: string, env: PageEnv): Promise<OverviewData['decisions']> {
  if (!env.datasets.includes('ej_verkstallda_beslut')) return { rows: [], sources: [] };
  const rows = await runQuery<TotalRow>(runner, totalsQuery({ unit }));
  const sources = (await runQuery<{ kalla: string | null }>(runner, decisionSourcesQuery(unit))).map((r) => r.kalla);
  return { rows, sources };
}

export async function loadOverview(runner: Runner, unit: string, env: PageEnv): Promise<OverviewData> {
  const [events, sources] = await Promise.all([loadEvents(runner, env, unit), SourceBook.load(runner, env)]);
  return { events, sources, placements: await placements(runner, unit, env), share: await share(runner, unit, env), decisions: await decisions(runner, unit, env) };
}
