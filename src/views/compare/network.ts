// Jämförelser, nätverkshem: the network-home share of every unit of a group for one period, ranked as
// horizontal bars with the chosen unit highlighted and the parent and the nation as reference lines, the
// units without a share listed under the chart with the reason (Göteborgsregionen's slide: Härryda and
// Partille sekretess, Öckerö bortfall), and the shares with the counts behind them as a sortable table.

import { compareWords as w } from '../../i18n/compare.ts';
import { formatNumber, formatPercent, periodLabel } from '../../i18n/format.ts';
import { groupShareMeasuresQuery, groupSharePeriodsQuery, groupWhere, sharesQuery, type MeasureCountRow, type ShareCell } from '../../queries/compare.ts';
import { NATION } from '../../queries/contract.ts';
import { runQuery, type Runner } from '../../queries/runner.ts';
import { sql } from '../../queries/sql.ts';
import { measureLabel } from '../choices.ts';
import { fileName, type FigureModel } from '../figure.ts';
import { SourceBook } from '../sources.ts';
import { PARAM } from '../url.ts';
import { inventedNotice, type DashboardPage, type PageEnv, type PageView, type Region } from '../view.ts';
import { anyInvented, chooseGroup, groupFields, measureField, resolveHighlight, resolvePeriod, unitNames, type GroupChoice } from './choices.ts';
import { missingRegion, rankingFigure, reasonOf, type RankItem } from './ranking.ts';
import { unitTable } from './table.ts';

export interface NetworkCompareChoices extends GroupChoice {
  measures: MeasureCountRow[];
  /** The measure of the computed shares; null when the group has reported shares only. */
  avser: string | null;
  defaultAvser: string | null;
  periods: string[];
  period: string;
  highlight: string;
}

export async function chooseNetworkCompare(runner: Runner, params: URLSearchParams, env: PageEnv): Promise<NetworkCompareChoices | null> {
  const g = await chooseGroup(runner, params, env, 'natverkshem');
  if (!g) return null;
  const measures = env.datasets.includes('placeringar') ? await runQuery<MeasureCountRow>(runner, groupShareMeasuresQuery(g.group.spec)) : [];
  const asked = params.get(PARAM.measure);
  const best = [...measures].sort((a, b) => b.perioder - a.perioder || b.varden - a.varden || a.avser.localeCompare(b.avser))[0]?.avser ?? null;
  const avser = asked && measures.some((m) => m.avser === asked) ? asked : best;
  const periods = (await runQuery<{ period: string }>(runner, groupSharePeriodsQuery(g.group.spec, avser, env.datasets))).map((r) => r.period);
  if (!periods.length) return null;
  const period = resolvePeriod(periods, params.get(PARAM.period), g.messages);
  return { ...g, measures, avser, defaultAvser: best, periods, period, highlight: params.get(PARAM.unit) ?? '' };
}

export interface NetworkCompareData {
  shares: ShareCell[];
  sources: SourceBook;
}

export async function loadNetworkCompare(runner: Runner, c: NetworkCompareChoices, env: PageEnv): Promise<NetworkCompareData> {
  const where = sql`(${groupWhere(c.group.spec)} OR enhetskod = ${NATION})`;
  const [shares, sources] = await Promise.all([runQuery<ShareCell>(runner, sharesQuery(where, c.period, c.avser, env.datasets)), SourceBook.load(runner, env)]);
  return { shares, sources };
}

interface UnitShare {
  enhetskod: string;
  name: string;
  /** The share shown: computed when it has a number, else reported. */
  shown: ShareCell | undefined;
  computed: ShareCell | undefined;
  reason: RankItem['reason'];
}

/** Each unit's share: computed before reported; without a number, the reason. */
export function unitShares(codes: readonly string[], shares: readonly ShareCell[], names: ReadonlyMap<string, string>): UnitShare[] {
  return codes.map((code) => {
    const computed = shares.find((s) => s.enhetskod === code && s.kind === 'beraknad');
    const reported = shares.find((s) => s.enhetskod === code && s.kind === 'rapporterad');
    const shown = computed?.andel != null ? computed : reported?.andel != null ? reported : undefined;
    // A protected share says more than a missing one: sekretess wins over bortfall.
    const rows = [computed, reported].filter((r): r is ShareCell => !!r);
    const reason = shown ? null : rows.some((r) => r.markering === 'sekretess') ? 'sekretess' : reported ? reasonOf(reported, true) : reasonOf(computed, false);
    return { enhetskod: code, name: `${names.get(code) ?? code}${shown?.kind === 'rapporterad' ? ` (${w.reported})` : ''}`, shown, computed, reason };
  });
}

/** The members of the group: every unit enheter puts in it (with or without a share), else those with a row. */
function members(c: NetworkCompareChoices, d: NetworkCompareData): string[] {
  const fromUnits = c.units.map((u) => u.enhetskod).filter((code) => code !== c.group.parent);
  const codes = fromUnits.length ? fromUnits : [...new Set(d.shares.map((s) => s.enhetskod))].filter((code) => code !== NATION);
  return [...new Set(codes)].sort();
}

function context(c: NetworkCompareChoices) {
  const p = periodLabel(c.period);
  const measure = c.avser ? `${measureLabel(c.avser).toLowerCase()} · ` : '';
  return { p, subtitle: `${c.group.label} · ${measure}procent, ${p}`, file: (what: string) => fileName('jamforelse-natverkshem', what, c.group.value, c.period) };
}

export function shareRanking(c: NetworkCompareChoices, d: NetworkCompareData): { figure: FigureModel; missing: Region; items: RankItem[] } {
  const names = unitNames(c);
  const list = unitShares(members(c, d), d.shares, names);
  const items: RankItem[] = list.map((u) => ({ enhetskod: u.enhetskod, name: u.name, value: u.shown?.andel ?? null, reason: u.reason }));
  const refUnits = [c.group.parent, NATION].filter((code, i, all): code is string => !!code && all.indexOf(code) === i);
  const refs = unitShares(refUnits, d.shares, names).filter((u) => u.shown?.andel != null).map((u) => ({ label: names.get(u.enhetskod) ?? u.enhetskod, value: u.shown?.andel as number }));
  const x = context(c);
  const keys = d.shares.map((s) => s.kalla);
  const figure = rankingFigure({
    id: 'jamforelse-andel',
    title: w.shareTitle(x.p),
    subtitle: x.subtitle,
    source: d.sources.cite(keys, anyInvented(c, [...items.map((i) => i.enhetskod), ...refUnits])),
    items,
    highlight: c.highlight,
    references: refs,
    format: 'percent',
    xLabel: w.shareHeader,
    period: c.period,
    notes: [w.missingSummary(items.filter((i) => i.value === null).length)].filter(() => items.some((i) => i.value === null)),
    file: x.file('andel'),
    empty: w.none,
  });
  return { figure, missing: missingRegion(items, w.missingShare, c.period), items };
}

export function shareTable(c: NetworkCompareChoices, d: NetworkCompareData): Region {
  const names = unitNames(c);
  const codes = members(c, d);
  if (!codes.length) return { kind: 'unitTable', table: null, none: w.none };
  const x = context(c);
  const values = (u: UnitShare) => {
    const m = u.shown ? null : u.reason === 'sekretess' ? 'sekretess' : 'saknas';
    return [
      { value: u.shown?.andel ?? null, markering: m },
      { value: u.computed?.natverkshem ?? null, markering: u.computed?.natverkshem == null ? (u.computed?.markering ?? 'saknas') : null },
      { value: u.computed?.familjehem_alla ?? null, markering: u.computed?.familjehem_alla == null ? (u.computed?.markering ?? 'saknas') : null },
    ];
  };
  const parent = c.group.parent ? unitShares([c.group.parent], d.shares, names)[0] : null;
  return {
    kind: 'unitTable',
    none: w.none,
    table: unitTable({
      id: 'jamforelse-tabell',
      caption: w.shareCaption(c.group.label, x.p),
      columns: [w.shareHeader, w.networkHeader, w.allHomesHeader],
      rows: unitShares(codes, d.shares, names).map((u) => ({ enhetskod: u.enhetskod, name: u.name, values: values(u) })),
      totals: parent && (parent.shown || parent.computed) ? [{ enhetskod: parent.enhetskod, name: names.get(parent.enhetskod) ?? parent.enhetskod, values: values(parent) }] : [],
      highlight: c.highlight,
      shown: [(v: number) => formatPercent(v), (v: number) => formatNumber(v), (v: number) => formatNumber(v)],
      notes: [w.reasonNote],
      ...d.sources.cite(d.shares.map((s) => s.kalla), anyInvented(c, codes)),
      file: x.file('tabell'),
    }),
  };
}

export const networkComparePage: DashboardPage = {
  id: 'jamforelser/natverkshem',
  datasets: ['placeringar', 'natverkshemsandel', 'kallor', 'enheter'],

  async load(runner, params, env): Promise<PageView> {
    const c = await chooseNetworkCompare(runner, params, env);
    const none: Region = { kind: 'none' };
    if (!c) return { page: networkComparePage.id, state: {}, defaults: {}, filters: [], figures: {}, regions: { notice: none, table: { kind: 'unitTable', table: null, none: w.none }, missing: none }, label: '', messages: [] };
    const d = await loadNetworkCompare(runner, c, env);
    const codes = members(c, d);
    c.highlight = resolveHighlight([...codes, ...(c.group.parent ? [c.group.parent] : [])], c.highlight || null, c.messages);
    const ranking = shareRanking(c, d);
    const names = unitNames(c);
    return {
      page: networkComparePage.id,
      state: { [PARAM.group]: c.group.value, [PARAM.period]: c.period, [PARAM.unit]: c.highlight, ...(c.avser ? { [PARAM.measure]: c.avser } : {}) },
      defaults: { [PARAM.group]: c.fallback.value, [PARAM.period]: c.periods[c.periods.length - 1], [PARAM.unit]: '', ...(c.defaultAvser ? { [PARAM.measure]: c.defaultAvser } : {}) },
      filters: [...groupFields(c, c.periods, c.period, codes.map((code) => ({ value: code, label: names.get(code) ?? code })), c.highlight), measureField(c.measures, c.avser ?? '')],
      figures: { share: ranking.figure },
      regions: { notice: inventedNotice(c.group.label, ranking.figure.invented), table: shareTable(c, d), missing: ranking.missing },
      label: `${c.group.label}, ${periodLabel(c.period)}`,
      messages: c.messages,
    };
  },
};
