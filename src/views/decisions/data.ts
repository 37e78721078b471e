// Ej verkställda beslut: the rows the page's figures and its comparison table are made from, for one unit,
// period range and sex. Queries only (src/queries/decisions.ts): no words, no markup.

import {
  areasQuery,
  citedSourcesQuery,
  insatserQuery,
  latestPeriodQuery,
  sexQuery,
  statusQuery,
  totalsQuery,
  type AreaRow,
  type DecisionFilter,
  type InsatsRow,
  type Law,
  type SexRow,
  type StatusRow,
  type TotalRow,
} from '../../queries/decisions.ts';
import { runQuery as run, type Runner } from '../../queries/runner.ts';

/** Everything the page shows for one filter, queried in one go (build time and browser alike). */
export interface DecisionData {
  filter: DecisionFilter;
  /** The latest quarter with figures in the range, or null when the unit has none there. */
  latest: string | null;
  totals: TotalRow[];
  areas: AreaRow[];
  insatser: InsatsRow[];
  sexes: SexRow[];
  /** The status at the reporting date of the latest quarter. */
  statuses: StatusRow[];
  /** Source keys cited, all laws together and per law. */
  sources: string[];
  sourcesByLaw: Record<Law, string[]>;
}

export async function loadDecisionData(runner: Runner, filter: DecisionFilter): Promise<DecisionData> {
  const [latestRow] = await run<{ period: string | null }>(runner, latestPeriodQuery(filter));
  const latest = latestRow?.period ?? null;
  // One after the other: a runner's connection runs one statement at a time anyway.
  const totals = await run<TotalRow>(runner, totalsQuery(filter));
  const areas = await run<AreaRow>(runner, areasQuery(filter));
  const insatser = await run<InsatsRow>(runner, insatserQuery(filter));
  const sexes = await run<SexRow>(runner, sexQuery(filter));
  const statuses = latest ? await run<StatusRow>(runner, statusQuery(filter, latest)) : [];
  const cited = await run<{ lag: Law; kalla: string }>(runner, citedSourcesQuery(filter));
  const sources = [...new Set(cited.map((c) => c.kalla))].sort();
  const of = (lag: Law) => cited.filter((c) => c.lag === lag).map((c) => c.kalla);
  return { filter, latest, totals, areas, insatser, sexes, statuses, sources, sourcesByLaw: { SoL: of('SoL'), LSS: of('LSS') } };
}
