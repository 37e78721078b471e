// The committee's quarterly statistikrapport as a view: unit and quarter (URL) → rows → the report model
// (./model.ts), carried as the page's one region. Run at build time for the latest quarter of every unit
// (src/pages/rapport/[enhet]/index.astro) and for each quarter with a page of its own
// (src/pages/rapport/[enhet]/[kvartal]/: every quarter, or the latest ones on a site with very many units),
// in the browser for a quarter without a page (?kvartal=2016-Q1), and by `npm run rapport` over the exact
// figures, through the same `loadReport`.

import { formatDate } from '../../i18n/format.ts';
import { href } from '../nav.ts';
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
import { quarterWords, reportModel, type ReportLinks, type ReportModel } from './model.ts';

export const REPORT_PAGE_ID = 'rapport';

/**
 * The build prerenders about this many report pages (unit × quarter, each with its Word file) at most: every
 * quarter of every unit while they are fewer (the bundled data: 3 units, 42 quarters), else the latest
 * quarters of each unit, as many as fit (290 municipalities, 21 counties and the nation: 4 each, a year).
 * An earlier quarter is then computed in the browser (rapport/<enhet>/?kvartal=…), which needs JavaScript.
 */
export const REPORT_PAGE_BUDGET = 1250;
/** However many units: each unit's latest quarters that have a page of their own, at least. */
export const MIN_QUARTER_PAGES = 2;

/** The quarters of a unit (any order) that have a prerendered page, ascending, on a site with `unitCount` units. */
export function quarterPages(quarters: readonly string[], unitCount: number): string[] {
  const each = Math.max(MIN_QUARTER_PAGES, Math.floor(REPORT_PAGE_BUDGET / Math.max(1, unitCount)));
  return [...new Set(quarters)].sort().slice(-each);
}

/** Where a unit's report for a quarter is: the page of its own, or (none built) the unit's page computing it. */
export function quarterHref(unit: string, period: string, pages: readonly string[], latest: string): string {
  if (period === latest) return href(`rapport/${unit}/`);
  return pages.includes(period) ? href(`rapport/${unit}/${period}/`) : href(`rapport/${unit}/?${PARAM.quarter}=${period}`);
}

export interface ReportUnit {
  unit: UnitCatalogRow;
  /** Its quarters with figures, ascending. */
  quarters: string[];
  /** Those with a page of their own (rapport/<enhet>/<kvartal>/), ascending. */
  pages: string[];
}

/** The units with a quarterly report and their quarters (ascending), for the index and the static paths. */
export async function reportUnits(runner: Runner, env: PageEnv): Promise<ReportUnit[]> {
  if (!env.datasets.includes('ej_verkstallda_beslut')) return [];
  const units = await runCatalog(runner, unitsQuery('ej_verkstallda_beslut', env.datasets));
  const rows = await runQuery<ReportQuarterRow>(runner, reportQuartersQuery());
  const byUnit = new Map<string, string[]>();
  for (const r of rows) byUnit.set(r.enhetskod, [...(byUnit.get(r.enhetskod) ?? []), r.period]);
  return units.filter((u) => byUnit.has(u.enhetskod)).map((unit) => {
    const quarters = [...(byUnit.get(unit.enhetskod) ?? [])].sort();
    return { unit, quarters, pages: quarterPages(quarters, units.length) };
  });
}

export interface ReportChoice {
  unit: UnitCatalogRow;
  units: UnitCatalogRow[];
  quarters: string[];
  /** The quarters with a page of their own (quarterPages). */
  pages: string[];
  period: string;
  messages: string[];
}

export interface LoadReportOptions {
  /** The unit of the page (rapport/<enhet>/): the default when the URL names none. */
  unit?: string;
  /** The exact internal version's threshold (npm run rapport); absent for the public report. */
  internal?: { threshold: number } | null;
}

/**
 * The unit and quarter asked for, within what exists; null when no unit has decision figures. `own`, `ownPeriod`:
 * the page's unit and quarter (rapport/<enhet>/<kvartal>/), the default when the URL names none.
 */
export async function chooseReport(runner: Runner, params: URLSearchParams, env: PageEnv, own?: string, ownPeriod?: string): Promise<ReportChoice | null> {
  if (!env.datasets.includes('ej_verkstallda_beslut')) return null;
  const units = await runCatalog(runner, unitsQuery('ej_verkstallda_beslut', env.datasets));
  const choice = chooseUnit(units, params, units.find((u) => u.enhetskod === own) ?? undefined);
  if (!choice) return null;
  const quarters = (await runQuery<ReportQuarterRow>(runner, reportQuartersQuery(choice.unit.enhetskod))).map((r) => r.period).sort();
  if (!quarters.length) return null;
  const latest = quarters[quarters.length - 1];
  const asked = params.get(PARAM.quarter)?.trim() ?? '';
  const fallback = ownPeriod && quarters.includes(ownPeriod) && (!own || own === choice.unit.enhetskod) ? ownPeriod : latest;
  const period = quarters.includes(asked) ? asked : fallback;
  if (asked && asked !== period) choice.messages.push(w.invalidQuarter(asked, quarterWords(period)));
  return { unit: choice.unit, units, quarters, pages: quarterPages(quarters, units.length), period, messages: choice.messages };
}

// A build makes each report twice, for its page and for its Word file: the second time is the first's model.
const made = new WeakMap<Runner, Map<string, Promise<ReportModel>>>();

/** The report model of a choice (the rows of its quarter and the two before it). */
export function loadReport(runner: Runner, c: ReportChoice, env: PageEnv, options: LoadReportOptions = {}): Promise<ReportModel> {
  const key = JSON.stringify([c.unit.enhetskod, c.period, env.generated, env.datasets, options.internal ?? null]);
  const models = made.get(runner) ?? new Map<string, Promise<ReportModel>>();
  made.set(runner, models);
  let model = models.get(key);
  if (!model) {
    model = makeReport(runner, c, env, options);
    models.set(key, model);
    model.catch(() => models.delete(key));
  }
  return model;
}

async function makeReport(runner: Runner, c: ReportChoice, env: PageEnv, options: LoadReportOptions): Promise<ReportModel> {
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

/** The links of a report's page: its Word file (when built with the site) and every quarter's report. */
export function reportLinks(c: ReportChoice, model: ReportModel): ReportLinks {
  const unit = c.unit.enhetskod;
  const latest = c.quarters[c.quarters.length - 1];
  return {
    docx: c.pages.includes(c.period) ? href(`rapport/${unit}/${c.period}/${model.docxFile}`) : null,
    quarters: model.quarters.map((q) => ({ ...q, href: quarterHref(unit, q.period, c.pages, latest), page: q.period === latest || c.pages.includes(q.period) })),
    units: href('rapport/'),
  };
}

/**
 * The report page of a unit (its latest quarter by default; `quarter`: the page of that quarter), as a
 * dashboard page with a quarter chooser.
 */
export function reportPage(unit?: string, quarter?: string): DashboardPage {
  return {
    id: REPORT_PAGE_ID,
    datasets: ['ej_verkstallda_beslut', 'kallor', 'enheter'],
    async load(runner, params, env) {
      const c = await chooseReport(runner, params, env, unit, quarter);
      if (!c) return noDataset();
      const model = await loadReport(runner, c, env);
      const latest = c.quarters[c.quarters.length - 1];
      const own = quarter && c.quarters.includes(quarter) ? quarter : latest;
      return {
        page: REPORT_PAGE_ID,
        engineOnDemand: true,
        state: { [PARAM.unit]: c.unit.enhetskod, [PARAM.quarter]: c.period },
        defaults: { [PARAM.unit]: unit ?? c.unit.enhetskod, [PARAM.quarter]: own },
        filters: [field(PARAM.quarter, w.quarterLabel, model.quarters.map((q) => ({ value: q.period, label: q.label })), c.period)],
        figures: {},
        regions: {
          notice: inventedNotice(c.unit.enhetsnamn, model.invented),
          report: { kind: 'report', report: model, links: reportLinks(c, model) },
        },
        label: model.title,
        messages: c.messages,
      };
    },
  };
}
