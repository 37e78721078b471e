// Jämförelser, placeringar: the units of a group side by side for one period (a row per unit, a column
// per placement form and the published total, the parent's total at the foot, as Stockholm's table of its
// 13 districts in 2020), the totals as bars, and the units ranked by placements per 1 000 inhabitants
// 0–20 where enheter gives a population (left out where it does not).

import { PLACEMENT_FORM_LABELS, PLACEMENT_FORMS } from '../../data/schema.ts';
import { compareWords as w } from '../../i18n/compare.ts';
import { formatNumber, periodLabel } from '../../i18n/format.ts';
import {
  groupPlacementMeasuresQuery,
  groupPlacementPeriodsQuery,
  groupPlacementsQuery,
  unitInfoQuery,
  unitTotalsQuery,
  type MeasureCountRow,
  type UnitRow,
  type PlacementCell,
} from '../../queries/compare.ts';
import { NATION, PLACEMENTS } from '../../queries/contract.ts';
import { runQuery, type Runner } from '../../queries/runner.ts';
import { measureLabel } from '../choices.ts';
import { barsFigure, emptyFigure, fileName, FIGURE_WIDTH, heatmapFigure, type FigureModel } from '../figure.ts';
import { SourceBook } from '../sources.ts';
import { inventedNotice, type DashboardPage, type PageEnv, type PageView, type Region } from '../view.ts';
import { PARAM } from '../url.ts';
import { anyInvented, chooseGroup, groupFields, measureField, resolveGroupMeasure, resolveHighlight, resolvePeriod, unitNames, type GroupChoice } from './choices.ts';
import { missingRegion, rankingFigure, reasonOf, type RankItem } from './ranking.ts';
import { unitTable } from './table.ts';

const TOTAL = PLACEMENTS.allForms;
type Form = (typeof PLACEMENT_FORMS)[number];
const formLabel = (f: string) => PLACEMENT_FORM_LABELS[f as Form] ?? f;
/** The forms in the contract's order, the published total last (as the committee tables have it). */
const FORM_ORDER: string[] = [...PLACEMENT_FORMS.filter((f) => f !== TOTAL), TOTAL];

export interface PlacementCompareChoices extends GroupChoice {
  measures: MeasureCountRow[];
  avser: string;
  defaultAvser: string;
  periods: string[];
  period: string;
  highlight: string;
}

export interface PlacementCompareData {
  cells: PlacementCell[];
  /** The nation's published total (for its rate), when the nation is not in the group. */
  nation: { antal: number | null; befolkning: number | null; name: string } | null;
  sources: SourceBook;
}

export async function choosePlacementCompare(runner: Runner, params: URLSearchParams, env: PageEnv): Promise<PlacementCompareChoices | null> {
  if (!env.datasets.includes('placeringar')) return null;
  const g = await chooseGroup(runner, params, env, 'placeringar');
  if (!g) return null;
  const measures = await runQuery<MeasureCountRow>(runner, groupPlacementMeasuresQuery(g.group.spec));
  const m = resolveGroupMeasure(measures, params.get(PARAM.measure));
  const periods = (await runQuery<{ period: string }>(runner, groupPlacementPeriodsQuery(g.group.spec, m.value))).map((r) => r.period);
  if (!periods.length) return null;
  const period = resolvePeriod(periods, params.get(PARAM.period), g.messages);
  return { ...g, measures, avser: m.value, defaultAvser: m.default, periods, period, highlight: params.get(PARAM.unit) ?? '' };
}

export async function loadPlacementCompare(runner: Runner, c: PlacementCompareChoices, env: PageEnv): Promise<PlacementCompareData> {
  const nationInGroup = c.units.some((u) => u.enhetskod === NATION);
  const [cells, nationRows, sources] = await Promise.all([
    runQuery<PlacementCell>(runner, groupPlacementsQuery(c.group.spec, c.period, c.avser)),
    nationInGroup || !env.datasets.includes('enheter')
      ? Promise.resolve([])
      : runQuery<{ enhetskod: string; antal: number | null; markering: string | null }>(runner, unitTotalsQuery([NATION], c.period, c.avser)),
    SourceBook.load(runner, env),
  ]);
  const nationUnit = env.datasets.includes('enheter')
    ? (await runQuery<UnitRow>(runner, unitInfoQuery(NATION)))[0]
    : undefined;
  const nation = nationRows[0] && nationUnit ? { antal: nationRows[0].antal, befolkning: nationUnit.befolkning, name: nationUnit.enhetsnamn } : null;
  return { cells, nation, sources };
}

interface UnitFigures {
  code: string;
  name: string;
  byForm: Map<string, PlacementCell>;
  befolkning: number | null;
}

/** The group's units (those with a row) and the parent, each with its cells by form. */
function unitsOf(c: PlacementCompareChoices, d: PlacementCompareData) {
  const names = unitNames(c, d.cells);
  const population = new Map(c.units.map((u) => [u.enhetskod, u.befolkning]));
  const byUnit = new Map<string, UnitFigures>();
  for (const cell of d.cells) {
    const u = byUnit.get(cell.enhetskod) ?? { code: cell.enhetskod, name: names.get(cell.enhetskod) ?? cell.enhetskod, byForm: new Map(), befolkning: population.get(cell.enhetskod) ?? null };
    u.byForm.set(cell.placeringsform, cell);
    byUnit.set(cell.enhetskod, u);
  }
  const parent = c.group.parent ? (byUnit.get(c.group.parent) ?? null) : null;
  const members = [...byUnit.values()].filter((u) => u.code !== c.group.parent);
  const forms = FORM_ORDER.filter((f) => d.cells.some((x) => x.placeringsform === f));
  return { members, parent, forms, names };
}

/** Placements per 1 000 inhabitants: only from a published total and a population; else null. */
export function ratePer1000(antal: number | null | undefined, befolkning: number | null | undefined): number | null {
  return antal != null && befolkning != null && befolkning > 0 ? (antal / befolkning) * 1000 : null;
}

function context(c: PlacementCompareChoices) {
  const p = periodLabel(c.period);
  const measure = measureLabel(c.avser).toLowerCase();
  return { p, measure, subtitle: (what: string) => `${c.group.label} · ${measure} · ${what}, ${p}`, file: (what: string) => fileName('jamforelse-placeringar', what, c.group.value, c.period) };
}

/** The table: a row per unit, a column per form and the total, and the parent's row at the foot. */
export function placementTable(c: PlacementCompareChoices, d: PlacementCompareData): Region {
  const { members, parent, forms } = unitsOf(c, d);
  if (!members.length) return { kind: 'unitTable', table: null, none: w.none };
  const x = context(c);
  const hasRates = members.some((u) => u.befolkning != null);
  const values = (u: UnitFigures) => [
    ...forms.map((f) => ({ value: u.byForm.get(f)?.antal ?? null, markering: u.byForm.get(f)?.markering ?? (u.byForm.get(f) ? null : 'saknas') })),
    ...(hasRates ? [{ value: ratePer1000(u.byForm.get(TOTAL)?.antal, u.befolkning), markering: u.byForm.get(TOTAL)?.antal == null ? (u.byForm.get(TOTAL)?.markering ?? 'saknas') : 'saknas' }] : []),
  ];
  const hiddenInTotal = [...members, ...(parent ? [parent] : [])].some(
    (u) => u.byForm.get(TOTAL)?.antal != null && [...u.byForm.values()].some((cell) => cell.placeringsform !== TOTAL && cell.markering === 'sekretess'),
  );
  const keys = d.cells.map((cell) => cell.kalla);
  const cite = d.sources.cite(keys, anyInvented(c, [...members.map((u) => u.code), ...(parent ? [parent.code] : [])]));
  return {
    kind: 'unitTable',
    none: w.none,
    table: unitTable({
      id: 'jamforelse-tabell',
      caption: w.sideCaption(c.group.label, x.p),
      columns: [...forms.map((f) => (f === TOTAL ? w.decisionsTotal : formLabel(f))), ...(hasRates ? [w.rateXLabel] : [])],
      rows: members.map((u) => ({ enhetskod: u.code, name: u.name, values: values(u) })),
      totals: parent ? [{ enhetskod: parent.code, name: parent.name, values: values(parent) }] : [],
      highlight: c.highlight,
      shown: [...forms.map(() => (v: number) => formatNumber(v)), (v: number) => formatNumber(v, 1)],
      notes: [
        w.totalsNote(w.totalsMeasure[c.avser] ?? x.measure),
        ...(parent ? [w.parentTotalNote(parent.name)] : []),
        ...(hiddenInTotal ? [w.totalsIncludeHidden] : []),
        ...(hasRates ? [w.rateNote] : []),
      ],
      ...cite,
      file: x.file('tabell'),
    }),
  };
}

/** Units × placement forms as a heat map: each cell's number in it, shaded within its column; markers white. */
export function heatFigure(c: PlacementCompareChoices, d: PlacementCompareData): FigureModel {
  const { members, forms } = unitsOf(c, d);
  const x = context(c);
  const title = w.heatTitle(x.p);
  const sorted = [...members].sort((a, b) => (a.code < b.code ? -1 : 1));
  const base = { id: 'jamforelse-karta', level: 2 as const, title, subtitle: x.subtitle(w.countsXLabel.toLowerCase()), ...d.sources.cite(d.cells.map((cell) => cell.kalla), anyInvented(c, members.map((u) => u.code))), file: x.file('karta') };
  if (!sorted.length) return emptyFigure({ ...base, empty: w.none });
  const hidden = d.cells.filter((cell) => cell.markering === 'sekretess' && cell.enhetskod !== c.group.parent).length;
  return heatmapFigure(
    { ...base, summary: hidden ? w.heatSummary(sorted.length, forms.length, hidden) : w.heatSummary(sorted.length, forms.length, 0), notes: [w.heatNote, w.totalsNote(w.totalsMeasure[c.avser] ?? x.measure)] },
    {
      kind: 'heatmap',
      rows: sorted.flatMap((u) => forms.map((f): [string, string, number | null, string | null] => [u.code, f, u.byForm.get(f)?.antal ?? null, u.byForm.get(f)?.markering ?? (u.byForm.has(f) ? null : 'saknas')])),
      rowOrder: sorted.map((u) => u.code),
      columnOrder: forms,
      rowLabels: Object.fromEntries(sorted.map((u) => [u.code, u.name])),
      columnLabels: Object.fromEntries(forms.map((f) => [f, f === TOTAL ? w.decisionsTotal : formLabel(f)])),
      format: 'count', width: FIGURE_WIDTH, rowHeader: w.unitHeader, columnHeader: w.formHeader, title,
      ...(c.highlight ? { highlight: [c.highlight] } : {}),
    },
  );
}

/** The published totals of the units as bars, highest first; a hidden total is written as its marker. */
export function totalsFigure(c: PlacementCompareChoices, d: PlacementCompareData): FigureModel {
  const { members } = unitsOf(c, d);
  const x = context(c);
  const title = w.totalsTitle(x.p);
  const keys = members.map((u) => u.byForm.get(TOTAL)?.kalla ?? null);
  const base = { id: 'jamforelse-totalt', level: 2 as const, title, subtitle: x.subtitle(w.countsXLabel.toLowerCase()), ...d.sources.cite(keys, anyInvented(c, members.map((u) => u.code))), file: x.file('totalt') };
  const rows = members.filter((u) => u.byForm.has(TOTAL));
  if (!rows.length) return emptyFigure({ ...base, empty: w.none });
  const known = rows.filter((u) => u.byForm.get(TOTAL)?.antal != null).sort((a, b) => (b.byForm.get(TOTAL)?.antal ?? 0) - (a.byForm.get(TOTAL)?.antal ?? 0));
  const summary = known.length > 1
    ? w.rankingSummary(x.p, `${known[0].name} (${formatNumber(known[0].byForm.get(TOTAL)?.antal as number)})`, `${known[known.length - 1].name} (${formatNumber(known[known.length - 1].byForm.get(TOTAL)?.antal as number)})`)
    : '';
  return barsFigure(
    { ...base, summary, notes: [w.totalsNote(w.totalsMeasure[c.avser] ?? x.measure)] },
    {
      kind: 'bars',
      rows: rows.map((u) => [u.code, u.byForm.get(TOTAL)?.antal ?? null, u.byForm.get(TOTAL)?.markering ?? null]),
      labels: Object.fromEntries(rows.map((u) => [u.code, u.name])),
      format: 'count', width: FIGURE_WIDTH, xLabel: w.countsXLabel, categoryHeader: w.unitHeader, title,
      ...(c.highlight ? { highlight: [c.highlight] } : {}),
    },
    w.countsXLabel,
  );
}

/** The rate items: every unit of the group, with its rate or the reason it has none. */
function rateItems(c: PlacementCompareChoices, d: PlacementCompareData): RankItem[] {
  const { members } = unitsOf(c, d);
  return members.map((u) => {
    const total = u.byForm.get(TOTAL);
    const value = ratePer1000(total?.antal, u.befolkning);
    if (value !== null) return { enhetskod: u.code, name: u.name, value, reason: null };
    const reason = total?.antal != null ? 'befolkning' : total ? reasonOf(total) : 'saknas';
    return { enhetskod: u.code, name: u.name, value: null, reason };
  });
}

/** Placements per 1 000 inhabitants 0–20, ranked; left out (a sentence) where no unit has a population. */
export function rateFigure(c: PlacementCompareChoices, d: PlacementCompareData): FigureModel {
  const { members, parent } = unitsOf(c, d);
  const x = context(c);
  const title = w.rateTitle(x.p);
  const keys = members.map((u) => u.byForm.get(TOTAL)?.kalla ?? null);
  const source = d.sources.cite(keys, anyInvented(c, members.map((u) => u.code)));
  const file = x.file('per-1000');
  if (!members.some((u) => u.befolkning != null)) {
    return emptyFigure({ id: 'jamforelse-per-1000', level: 2, title, subtitle: x.subtitle(w.rateXLabel.toLowerCase()), ...source, file, empty: w.rateNone });
  }
  const parentRate = parent ? ratePer1000(parent.byForm.get(TOTAL)?.antal, parent.befolkning) : null;
  const nationRate = d.nation ? ratePer1000(d.nation.antal, d.nation.befolkning) : null;
  return rankingFigure({
    id: 'jamforelse-per-1000',
    title,
    subtitle: x.subtitle(w.rateXLabel.toLowerCase()),
    source,
    items: rateItems(c, d),
    highlight: c.highlight,
    references: [
      ...(parent && parentRate !== null ? [{ label: parent.name, value: parentRate }] : []),
      ...(d.nation && nationRate !== null ? [{ label: d.nation.name, value: nationRate }] : []),
    ],
    format: 'count',
    digits: 1,
    xLabel: w.rateXLabel,
    period: c.period,
    notes: [w.rateNote],
    file,
    empty: w.rateNone,
  });
}

export const placementComparePage: DashboardPage = {
  id: 'jamforelser',
  datasets: ['placeringar', 'kallor', 'enheter'],

  async load(runner, params, env): Promise<PageView> {
    const c = await choosePlacementCompare(runner, params, env);
    const empty = { notice: { kind: 'none' } as Region, table: { kind: 'unitTable', table: null, none: w.none } as Region, missing: { kind: 'none' } as Region };
    if (!c) return { page: 'jamforelser', state: {}, defaults: {}, filters: [], figures: {}, regions: empty, label: '', messages: [] };
    const d = await loadPlacementCompare(runner, c, env);
    const { members, parent } = unitsOf(c, d);
    const codes = [...members.map((u) => u.code), ...(parent ? [parent.code] : [])];
    c.highlight = resolveHighlight(codes, c.highlight || null, c.messages);
    const figures = { totals: totalsFigure(c, d), heat: heatFigure(c, d), rate: rateFigure(c, d) };
    const names = unitNames(c, d.cells);
    const invented = anyInvented(c, codes);
    return {
      page: 'jamforelser',
      state: { [PARAM.group]: c.group.value, [PARAM.measure]: c.avser, [PARAM.period]: c.period, [PARAM.unit]: c.highlight },
      defaults: { [PARAM.group]: c.fallback.value, [PARAM.measure]: c.defaultAvser, [PARAM.period]: c.periods[c.periods.length - 1], [PARAM.unit]: '' },
      filters: [
        ...groupFields(c, c.periods, c.period, codes.map((code) => ({ value: code, label: names.get(code) ?? code })), c.highlight),
        measureField(c.measures, c.avser),
      ],
      figures,
      regions: {
        notice: inventedNotice(c.group.label, invented),
        table: placementTable(c, d),
        missing: figures.rate.recipe ? missingRegion(rateItems(c, d), w.missingRate, c.period) : { kind: 'none' },
      },
      label: `${c.group.label}, ${periodLabel(c.period)}`,
      messages: c.messages,
    };
  },
};
