// Jämförelser, ej verkställda beslut: the committee report's table for several units at once, one
// quarter: a row per unit (the municipalities of a county, all municipalities, a city's districts), a
// column per insats of one law and area and its published total, or for SoL as a whole a column per area.
// The parent's own total at the foot; the totals as bars. Only published cells; a total is read, not added.

import { AREA_LABELS, AREAS } from '../../data/schema.ts';
import { compareWords as w } from '../../i18n/compare.ts';
import { formatNumber, periodLabel } from '../../i18n/format.ts';
import { groupDecisionAreasQuery, groupDecisionPeriodsQuery, groupDecisionsByAreaQuery, groupDecisionsQuery, type DecisionAreaRow, type DecisionCell } from '../../queries/compare.ts';
import { DECISIONS, SOL_AREAS } from '../../queries/contract.ts';
import { runQuery, type Runner } from '../../queries/runner.ts';
import { field } from '../choices.ts';
import { barsFigure, emptyFigure, fileName, FIGURE_WIDTH, type FigureModel } from '../figure.ts';
import { SourceBook } from '../sources.ts';
import { PARAM } from '../url.ts';
import { inventedNotice, type DashboardPage, type PageEnv, type PageView, type Region } from '../view.ts';
import { anyInvented, chooseGroup, groupFields, resolveHighlight, resolvePeriod, unitNames, type GroupChoice } from './choices.ts';
import { unitTable } from './table.ts';

/** The areas offered, as URL values: SoL as a whole (by area), each SoL area (by insats), LSS (by insats). */
export interface AreaOption {
  value: string;
  lag: 'SoL' | 'LSS';
  /** null: SoL as a whole, broken down by area. */
  verksamhet: string | null;
  label: string;
}

const areaLabel = (a: string) => AREA_LABELS[a as (typeof AREAS)[number]] ?? a;

export function areaOptions(rows: readonly DecisionAreaRow[]): AreaOption[] {
  const has = (lag: string, v: string) => rows.some((r) => r.lag === lag && r.verksamhet === v);
  const sol = rows.some((r) => r.lag === 'SoL');
  return [
    ...(sol ? [{ value: 'SoL', lag: 'SoL' as const, verksamhet: null, label: `SoL, ${areaLabel(DECISIONS.overallArea.SoL).toLowerCase()}` }] : []),
    ...SOL_AREAS.filter((a) => has('SoL', a)).map((a) => ({ value: `SoL-${a}`, lag: 'SoL' as const, verksamhet: a, label: `SoL, ${areaLabel(a)}` })),
    ...(rows.some((r) => r.lag === 'LSS') ? [{ value: 'LSS', lag: 'LSS' as const, verksamhet: DECISIONS.overallArea.LSS, label: 'LSS' }] : []),
  ];
}

export interface DecisionCompareChoices extends GroupChoice {
  periods: string[];
  period: string;
  areas: AreaOption[];
  area: AreaOption;
  highlight: string;
}

export async function chooseDecisionCompare(runner: Runner, params: URLSearchParams, env: PageEnv): Promise<DecisionCompareChoices | null> {
  if (!env.datasets.includes('ej_verkstallda_beslut')) return null;
  const g = await chooseGroup(runner, params, env, 'ej_verkstallda_beslut');
  if (!g) return null;
  const periods = (await runQuery<{ period: string }>(runner, groupDecisionPeriodsQuery(g.group.spec))).map((r) => r.period);
  if (!periods.length) return null;
  const period = resolvePeriod(periods, params.get(PARAM.period), g.messages);
  const areas = areaOptions(await runQuery<DecisionAreaRow>(runner, groupDecisionAreasQuery(g.group.spec, period)));
  if (!areas.length) return null;
  const area = areas.find((a) => a.value === params.get(PARAM.area)) ?? areas[0];
  return { ...g, periods, period, areas, area, highlight: params.get(PARAM.unit) ?? '' };
}

export interface DecisionCompareData {
  cells: DecisionCell[];
  sources: SourceBook;
}

export async function loadDecisionCompare(runner: Runner, c: DecisionCompareChoices, env: PageEnv): Promise<DecisionCompareData> {
  const q = c.area.verksamhet === null
    ? groupDecisionsByAreaQuery(c.group.spec, c.period)
    : groupDecisionsQuery(c.group.spec, c.period, c.area.lag, c.area.verksamhet);
  const [cells, sources] = await Promise.all([runQuery<DecisionCell>(runner, q), SourceBook.load(runner, env)]);
  return { cells, sources };
}

const TOTAL = DECISIONS.allInsatser;

/** The columns: the insatser by name (or the SoL areas in the report's order), the total last. */
function columnsOf(c: DecisionCompareChoices, d: DecisionCompareData): { keys: string[]; labels: string[] } {
  const present = new Set(d.cells.map((x) => x.insats));
  const total = c.area.verksamhet === null ? DECISIONS.overallArea.SoL : TOTAL;
  const parts = c.area.verksamhet === null
    ? SOL_AREAS.filter((a) => present.has(a))
    : [...present].filter((i) => i !== TOTAL).sort((a, b) => a.localeCompare(b, 'sv'));
  const keys = [...parts, ...(present.has(total) ? [total] : [])];
  return { keys, labels: keys.map((k) => (k === total ? w.decisionsTotal : c.area.verksamhet === null ? areaLabel(k) : k)) };
}

function membersOf(c: DecisionCompareChoices, d: DecisionCompareData): string[] {
  const fromUnits = c.units.map((u) => u.enhetskod).filter((code) => code !== c.group.parent);
  const codes = fromUnits.length ? fromUnits : [...new Set(d.cells.map((x) => x.enhetskod))];
  return [...new Set(codes)].sort();
}

function context(c: DecisionCompareChoices) {
  const p = periodLabel(c.period);
  return { p, file: (what: string) => fileName('jamforelse-beslut', what, c.group.value, c.area.value, c.period) };
}

export function decisionTable(c: DecisionCompareChoices, d: DecisionCompareData): Region {
  const codes = membersOf(c, d);
  const { keys, labels } = columnsOf(c, d);
  if (!codes.length || !keys.length) return { kind: 'unitTable', table: null, none: w.none };
  const names = unitNames(c, d.cells);
  const x = context(c);
  const values = (code: string) =>
    keys.map((k) => {
      const cell = d.cells.find((r) => r.enhetskod === code && r.insats === k);
      return { value: cell?.antal ?? null, markering: cell ? cell.markering : 'saknas' };
    });
  const hidden = d.cells.some((r) => r.markering === 'sekretess');
  const parent = c.group.parent && d.cells.some((r) => r.enhetskod === c.group.parent) ? c.group.parent : null;
  return {
    kind: 'unitTable',
    none: w.none,
    table: unitTable({
      id: 'jamforelse-tabell',
      caption: w.decisionsCaption(c.group.label, c.area.label, x.p),
      columns: labels,
      rows: codes.map((code) => ({ enhetskod: code, name: names.get(code) ?? code, values: values(code) })),
      totals: parent ? [{ enhetskod: parent, name: names.get(parent) ?? parent, values: values(parent) }] : [],
      highlight: c.highlight,
      shown: [(v: number) => formatNumber(v)],
      notes: [...(c.area.verksamhet === null ? [] : [w.decisionsNote]), ...(hidden ? [w.decisionsHidden] : [])],
      ...d.sources.cite(d.cells.map((r) => r.kalla), anyInvented(c, codes)),
      file: x.file('tabell'),
    }),
  };
}

export function decisionTotalsFigure(c: DecisionCompareChoices, d: DecisionCompareData): FigureModel {
  const codes = membersOf(c, d);
  const names = unitNames(c, d.cells);
  const x = context(c);
  const total = c.area.verksamhet === null ? DECISIONS.overallArea.SoL : TOTAL;
  const title = w.decisionsChartTitle(c.area.label, x.p);
  const rows = codes.map((code) => ({ code, cell: d.cells.find((r) => r.enhetskod === code && r.insats === total) }));
  const base = { id: 'jamforelse-beslut', level: 2 as const, title, subtitle: `${c.group.label} · ${c.area.label} · antal beslut, ${x.p}`, ...d.sources.cite(rows.map((r) => r.cell?.kalla), anyInvented(c, codes)), file: x.file('totalt') };
  if (!rows.some((r) => r.cell)) return emptyFigure({ ...base, empty: w.none });
  return barsFigure(
    { ...base, summary: '', notes: [] },
    {
      kind: 'bars',
      rows: rows.map((r) => [r.code, r.cell?.antal ?? null, r.cell ? r.cell.markering : 'saknas']),
      labels: Object.fromEntries(rows.map((r) => [r.code, names.get(r.code) ?? r.code])),
      format: 'count', width: FIGURE_WIDTH, xLabel: 'Antal beslut', categoryHeader: w.unitHeader, title,
      ...(c.highlight ? { highlight: [c.highlight] } : {}),
    },
    'Antal beslut',
  );
}

export const decisionComparePage: DashboardPage = {
  id: 'jamforelser/ej-verkstallda-beslut',
  datasets: ['ej_verkstallda_beslut', 'kallor', 'enheter'],

  async load(runner, params, env): Promise<PageView> {
    const c = await chooseDecisionCompare(runner, params, env);
    const none: Region = { kind: 'none' };
    if (!c) return { page: decisionComparePage.id, state: {}, defaults: {}, filters: [], figures: {}, regions: { notice: none, table: { kind: 'unitTable', table: null, none: w.none } }, label: '', messages: [] };
    const d = await loadDecisionCompare(runner, c, env);
    const codes = membersOf(c, d);
    c.highlight = resolveHighlight([...codes, ...(c.group.parent ? [c.group.parent] : [])], c.highlight || null, c.messages);
    const names = unitNames(c, d.cells);
    const figure = decisionTotalsFigure(c, d);
    return {
      page: decisionComparePage.id,
      state: { [PARAM.group]: c.group.value, [PARAM.period]: c.period, [PARAM.area]: c.area.value, [PARAM.unit]: c.highlight },
      defaults: { [PARAM.group]: c.fallback.value, [PARAM.period]: c.periods[c.periods.length - 1], [PARAM.area]: c.areas[0].value, [PARAM.unit]: '' },
      filters: [
        ...groupFields(c, c.periods, c.period, codes.map((code) => ({ value: code, label: names.get(code) ?? code })), c.highlight),
        field(PARAM.area, w.filters.area, c.areas.map((a) => ({ value: a.value, label: a.label })), c.area.value),
      ],
      figures: { totals: figure },
      regions: { notice: inventedNotice(c.group.label, figure.invented), table: decisionTable(c, d) },
      label: `${c.group.label}, ${c.area.label}, ${periodLabel(c.period)}`,
      messages: c.messages,
    };
  },
};
