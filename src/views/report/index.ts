// The committee's quarterly statistikrapport as a view: unit and quarter (URL) → rows → the report model
// (./model.ts), carried as the page's one region. Run at build time for the latest quarter of every unit
// (src/pages/rapport/[enhet]/index.astro), in the browser for an earlier quarter (?kvartal=2025-Q3), and by
// `npm run rapport` over the exact figures, through the same `loadReport`.

import { formatDate } from '../../i18n/format.ts';
import { reportWords as w } from '../../i18n/report.ts';
import type { Law } from '../../queries/decisions.ts';
import { reportQuartersQuery, reportRowsQuery, type ReportQuarterRow, type ReportRow } from '../../queries/report.ts';
import { runQuery, type Runner } from '../../queries/runner.ts';
import { runCatalog, unitsQuery, type UnitCatalogRow } from '../../queries/unit-catalogs.ts';
import { comparisonPeriods } from '../decisions/comparison.ts';
import { chooseUnit, field } from '../choices.ts';
import { SourceBook } from '../sources.ts';
import { PARAM } from '../url.ts';
import { emptyView, inventedNotice, NONE, type DashboardPage, type PageEnv, type PageView } from '../view.ts';
import { quarterWords, reportModel, type ReportModel } from './model.ts';

export const REPORT_PAGE_ID = 'rapport';

/** The units with a quarterly report and their quarters (ascending), for the index and the static paths. */
export async function reportUnits(runner: Runner, env: PageEnv): Promise<{ unit: UnitCatalogRow; quarters: string[] }[]> {
  if (!env.datasets.includes('ej_verkstallda_beslut')) return [];
  const units = await runCatalog(runner, unitsQuery('ej_verkstallda_beslut', env.datasets));
  const rows = await runQuery<ReportQuarterRow>(runner, reportQuartersQuery());
  const byUnit = new Map<string, string[]>();
  for (const r of rows) byUnit.set(r.enhetskod, [...(byUnit.get(r.enhetskod) ?? []), r.period]);
  return units.filter((u) => byUnit.has(u.enhetskod)).map((unit) => ({ unit, quarters: byUnit.get(unit.enhetskod) ?? [] }));
}

export interface ReportChoice {
  unit: UnitCatalogRow;
  units: UnitCatalogRow[];
  quarters: string[];
  period: string;
  messages: string[];
}

export interface LoadReportOptions {
  /** The unit of the page (rapport/<enhet>/): the default when the URL names none. */
  unit?: string;
  /** The exact internal version's threshold (npm run rapport); absent for the public report. */
  internal?: { threshold: number } | null;
}

/** The unit and quarter asked for, within what exists; null when no unit has decision figures. */
export async function chooseReport(runner: Runner, params: URLSearchParams, env: PageEnv, own?: string): Promise<ReportChoice | null> {
  if (!env.datasets.includes('ej_verkstallda_beslut')) return null;
  const units = await runCatalog(runner, unitsQuery('ej_verkstallda_beslut', env.datasets));
  const choice = chooseUnit(units, params, units.find((u) => u.enhetskod === own) ?? undefined);
  if (!choice) return null;
  const quarters = (await runQuery<ReportQuarterRow>(runner, reportQuartersQuery(choice.unit.enhetskod))).map((r) => r.period).sort();
  if (!quarters.length) return null;
  const latest = quarters[quarters.length - 1];
  const asked = params.get(PARAM.quarter)?.trim() ?? '';
  const period = quarters.includes(asked) ? asked : latest;
  if (asked && asked !== period) choice.messages.push(w.invalidQuarter(asked, quarterWords(period)));
  return { unit: choice.unit, units, quarters, period, messages: choice.messages };
}

/** The report model of a choice (the rows of its quarter and the two before it). */
export async function loadReport(runner: Runner, c: ReportChoice, env: PageEnv, options: LoadReportOptions = {}): Promise<ReportModel> {
  const rows = await runQuery<ReportRow>(runner, reportRowsQuery(c.unit.enhetskod, comparisonPeriods(c.period)));
  const sources = await SourceBook.load(runner, { ...env, generated: '' });
  const keys = (lag?: Law) => rows.filter((r) => r.period === c.period && (!lag || r.lag === lag)).map((r) => r.kalla);
  const dated = await SourceBook.load(runner, env);
  return reportModel({
    unitCode: c.unit.enhetskod,
    unitName: c.unit.enhetsnamn,
    period: c.period,
    quarters: c.quarters,
    rows,
    invented: c.unit.pahittad || sources.invented(keys()),
    dataDate: env.generated ? formatDate(env.generated) : '',
    source: (lag) => dated.line(keys(lag), c.unit.pahittad),
    footerSource: (lag) => sources.line(keys(lag), c.unit.pahittad),
    internal: options.internal ?? null,
  });
}

const noDataset = (): PageView => emptyView(REPORT_PAGE_ID, { notice: NONE, report: { kind: 'paragraph', text: w.noDataset } });

/** The report page of a unit (its latest quarter by default), as a dashboard page with a quarter chooser. */
export function reportPage(unit?: string): DashboardPage {
  return {
    id: REPORT_PAGE_ID,
    datasets: ['ej_verkstallda_beslut', 'kallor', 'enheter'],
    async load(runner, params, env) {
      const c = await chooseReport(runner, params, env, unit);
      if (!c) return noDataset();
      const model = await loadReport(runner, c, env);
      const latest = c.quarters[c.quarters.length - 1];
      return {
        page: REPORT_PAGE_ID,
        state: { [PARAM.unit]: c.unit.enhetskod, [PARAM.quarter]: c.period },
        defaults: { [PARAM.unit]: unit ?? c.unit.enhetskod, [PARAM.quarter]: latest },
        filters: [field(PARAM.quarter, w.quarterLabel, model.quarters.map((q) => ({ value: q.period, label: q.label })), c.period)],
        figures: {},
        regions: {
          notice: inventedNotice(c.unit.enhetsnamn, model.invented),
          report: { kind: 'report', report: model, prerendered: c.period === latest && (!unit || unit === c.unit.enhetskod) },
        },
        label: model.title,
        messages: c.messages,
      };
    },
  };
}
