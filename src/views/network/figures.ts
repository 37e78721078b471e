// Nätverkshem: the page's figures from its data (./data.ts), one function per figure, and the list of
// units without a share. Words and numbers in Swedish, no markup.

import { summarizeTrend } from '../../charts/summary.ts';
import { csvValue, valueCell, type CsvCell } from '../../charts/table.ts';
import type { TrendRow } from '../../charts/trend.ts';
import { dashboard as words } from '../../i18n/dashboard.ts';
import { formatNumber, formatPercent, periodLabel, periodRangeLabel } from '../../i18n/format.ts';
import { capitalize, listText, markerText } from '../../i18n/text.ts';
import { measureLabel } from '../choices.ts';
import { barsFigure, emptyFigure, fileName, FIGURE_WIDTH, recipeRows, trendFigure, type FigureModel, type FigureTable } from '../figure.ts';
import type { Region } from '../view.ts';
import type { NetworkChoices } from './choices.ts';
import { comparisonGroup, latestKnown, mergeComparison, type ComparisonItem } from './comparison.ts';
import type { NetworkData } from './data.ts';
import { hierarchyRegion } from '../compare/hierarchy.ts';
import { compareWords } from '../../i18n/compare.ts';

const w = words.network;
type Ref = { label: string; value: number };

function context(c: NetworkChoices) {
  const measure = c.avser ? measureLabel(c.avser).toLowerCase() : null;
  return {
    measureText: measure ? `${measure} · ` : '',
    range: periodRangeLabel(c.range.from, c.range.to),
    file: (what: string) => fileName('natverkshem', what, c.unit.enhetskod, c.range.from, c.range.to),
  };
}

/**
 * The reference lines: the latest share of each unit above the unit (its county, from enheter), the latest
 * national share and the unit's latest target, each labelled with its period.
 */
function references(d: NetworkData): { refs: Ref[]; keys: (string | null)[] } {
  const national = latestKnown(d.national);
  const target = latestKnown(d.targets);
  const above = d.above.map((a) => ({ name: a.enhetsnamn, row: latestKnown(a.rows) })).filter((a) => a.row);
  return {
    refs: [
      ...above.map((a) => ({ label: `${a.name} ${periodLabel(a.row?.period ?? '')}`, value: a.row?.andel as number })),
      ...(national ? [{ label: w.nationalRef(periodLabel(national.period)), value: national.andel as number }] : []),
      ...(target ? [{ label: w.targetRef(periodLabel(target.period)), value: target.andel as number }] : []),
    ],
    keys: [...above.map((a) => a.row?.kalla ?? null), national?.kalla ?? null, target?.kalla ?? null],
  };
}

/** The share's rows: computed and reported as two series, never merged. */
function shareRows(d: NetworkData): TrendRow[] {
  return [
    ...d.computed.map((r) => ({ period: r.period, serie: 'beraknad', varde: r.andel, markering: r.markering })),
    ...d.reported.map((r) => ({ period: r.period, serie: 'rapporterad', varde: r.andel, markering: r.markering })),
  ];
}

/** The share's table and CSV: per period the computed share with the two counts, and the reported share. */
function shareTable(d: NetworkData, series: readonly string[]): { table: FigureTable; csv: CsvCell[][] } {
  const periods = [...new Set(shareRows(d).map((r) => r.period))].sort();
  const hasComputed = series.includes('beraknad');
  const hasReported = series.includes('rapporterad');
  const header = [w.tablePeriod, ...(hasComputed ? [w.tableComputed, w.tableNetwork, w.tableAll] : []), ...(hasReported ? [w.tableReported] : [])];
  const at = (p: string) => ({ c: d.computed.find((r) => r.period === p), rep: d.reported.find((r) => r.period === p) });
  const percent = (x: number) => formatPercent(x);
  const count = (x: number) => formatNumber(x);
  const rows = periods.map((p) => {
    const { c, rep } = at(p);
    const computed = hasComputed ? [valueCell(c?.andel, c?.markering, percent, markerText), valueCell(c?.natverkshem, c?.markering, count, markerText), valueCell(c?.familjehem_alla, c?.markering, count, markerText)] : [];
    return [{ text: periodLabel(p) }, ...computed, ...(hasReported ? [valueCell(rep?.andel, rep?.markering, percent, markerText)] : [])];
  });
  const csv = periods.map((p) => {
    const { c, rep } = at(p);
    const computed = hasComputed ? [csvValue(c?.andel, c?.markering, markerText), csvValue(c?.natverkshem, c?.markering, markerText), csvValue(c?.familjehem_alla, c?.markering, markerText)] : [];
    return [p, ...computed, ...(hasReported ? [csvValue(rep?.andel, rep?.markering, markerText)] : [])];
  });
  return { table: { header, numericFrom: 1, rows }, csv: [header, ...csv] };
}

/** 1. The share over time, with the national share and the unit's target as reference lines. */
export function shareFigure(c: NetworkChoices, d: NetworkData): FigureModel {
  const x = context(c);
  const rows = shareRows(d);
  const series = ['beraknad', 'rapporterad'].filter((s) => rows.some((r) => r.serie === s));
  const { refs, keys } = references(d);
  const allKeys = [...d.computedSources, ...d.reported.map((r) => r.kalla), ...keys];
  const summary = [
    ...(series.includes('beraknad') ? [summarizeTrend(rows, { serie: 'beraknad', format: 'percent', subject: w.subject })] : []),
    ...(series.includes('rapporterad') ? [summarizeTrend(rows, { serie: 'rapporterad', format: 'percent', subject: w.subjectReported })] : []),
    ...refs.map((r) => `${r.label}: ${formatPercent(r.value)}.`),
  ];
  const notes = [...(series.includes('beraknad') ? [w.definition] : []), ...(d.computed.some((r) => r.markering === 'sekretess') ? [w.hiddenShare] : [])];
  return trendFigure(
    {
      id: 'natverkshem-andel',
      level: 2,
      title: w.shareTitle,
      subtitle: `${c.unit.enhetsnamn} · ${x.measureText}${words.figure.percent}, ${x.range}`,
      ...d.sources.cite(allKeys, c.unit.pahittad),
      summary: summary.join(' '),
      notes,
      file: x.file('andel'),
    },
    {
      kind: 'trend', rows: recipeRows(rows), chart: 'line', series, labels: { beraknad: w.computed, rapporterad: w.reported },
      format: 'percent', width: FIGURE_WIDTH, height: 340, yLabel: w.yLabel, events: d.events, references: refs, title: w.shareTitle,
    },
    rows.length ? shareTable(d, series) : undefined,
  );
}

/** 2. The counts behind the computed share. */
export function countsFigure(c: NetworkChoices, d: NetworkData): FigureModel {
  const x = context(c);
  const rows: TrendRow[] = d.computed.flatMap((r) => [
    { period: r.period, serie: 'natverkshem', varde: r.natverkshem, markering: r.natverkshem === null ? (r.markering ?? 'saknas') : null },
    { period: r.period, serie: 'familjehem_alla', varde: r.familjehem_alla, markering: r.familjehem_alla === null ? r.markering : null },
  ]);
  const base = {
    id: 'natverkshem-antal',
    level: 2 as const,
    title: w.countsTitle,
    subtitle: `${c.unit.enhetsnamn} · ${x.measureText}${w.countsYLabel.toLowerCase()}, ${x.range}`,
    ...d.sources.cite(d.computedSources, c.unit.pahittad),
    file: x.file('antal'),
  };
  if (!rows.length) return emptyFigure({ ...base, empty: w.noCounts });
  return trendFigure(
    { ...base, summary: summarizeTrend(rows, { serie: 'natverkshem', subject: w.subjectCounts }), notes: d.computed.some((r) => r.markering === 'sekretess') ? [w.hiddenShare] : [] },
    {
      kind: 'trend', rows: recipeRows(rows), chart: 'line', series: ['familjehem_alla', 'natverkshem'], labels: { natverkshem: w.natverkshem, familjehem_alla: w.familjehemAlla },
      format: 'count', width: FIGURE_WIDTH, height: 300, yLabel: w.countsYLabel, events: d.events, title: w.countsTitle,
    },
  );
}

/** The units compared for the period, split into those with a share (highest first) and those without. */
function comparedUnits(c: NetworkChoices, d: NetworkData) {
  const names = new Map(c.units.map((u) => [u.enhetskod, u.enhetsnamn]));
  for (const l of d.links) if (!names.has(l.enhetskod)) names.set(l.enhetskod, l.enhetsnamn);
  const merged = mergeComparison(d.comparison, names);
  const group = comparisonGroup(c.unit.enhetskod, merged.map((i) => i.enhetskod), d.links);
  const items = merged.filter((i) => group.codes.has(i.enhetskod));
  const known = items.filter((i) => i.andel !== null).sort((a, b) => (b.andel ?? 0) - (a.andel ?? 0));
  const missing = items.filter((i) => i.andel === null).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  const groupText = group.kind === 'children' ? w.groupChildren(c.unit.enhetsnamn) : group.kind === 'siblings' ? w.groupSiblings(names.get(group.parent ?? '') ?? group.parent ?? '') : w.groupAll;
  return { items, known, missing, groupText };
}

const itemLabel = (i: ComparisonItem) => `${i.name}${i.reported ? w.reportedSuffix : ''}`;

function comparisonSummary(c: NetworkChoices, period: string, known: ComparisonItem[], missing: ComparisonItem[]): string {
  if (!known.length) return w.noComparison;
  const p = periodLabel(period);
  const at = (i: ComparisonItem) => `${itemLabel(i)} (${formatPercent(i.andel as number)})`;
  const rank = known.findIndex((i) => i.enhetskod === c.unit.enhetskod) + 1;
  return [
    known.length === 1 ? w.comparisonOne(p, itemLabel(known[0]), formatPercent(known[0].andel as number)) : w.comparisonSummary(p, at(known[0]), at(known[known.length - 1])),
    ...(rank > 0 && known.length > 1 ? [w.comparisonUnit(c.unit.enhetsnamn, rank, known.length)] : []),
    ...(missing.length ? [`${w.missingHeading(p)}: ${listText(missing.map((i) => `${i.name} (${markerText(i.markering)})`))}.`] : []),
  ].join(' ');
}

/** 3. The comparison between units for the latest period of the range that has a share for the unit. */
export function comparisonFigure(c: NetworkChoices, d: NetworkData): FigureModel {
  const period = d.comparedPeriod;
  const { items, known, missing, groupText } = comparedUnits(c, d);
  const national = latestKnown(d.national, period) ?? latestKnown(d.national);
  const refs = national ? [{ label: w.nationalRef(periodLabel(national.period)), value: national.andel as number }] : [];
  const keys = [...d.computedSources, ...items.map((i) => i.kalla), national?.kalla];
  const unitsInvented = items.some((i) => c.units.find((u) => u.enhetskod === i.enhetskod)?.pahittad);
  const title = w.comparisonTitle(periodLabel(period));
  return barsFigure(
    {
      id: 'natverkshem-jamforelse',
      level: 2,
      title,
      subtitle: `${capitalize(groupText)} · ${context(c).measureText}${words.figure.percent}, ${periodLabel(period)} · ${words.figure.highlighted(c.unit.enhetsnamn)}`,
      ...d.sources.cite(keys, !!unitsInvented),
      summary: comparisonSummary(c, period, known, missing),
      notes: [w.comparisonNote],
      file: fileName('natverkshem-jamforelse', period),
    },
    {
      kind: 'bars', rows: items.map((i) => [i.enhetskod, i.andel, i.markering]), labels: Object.fromEntries(items.map((i) => [i.enhetskod, itemLabel(i)])),
      format: 'percent', width: FIGURE_WIDTH, xLabel: w.xLabel, references: refs, highlight: [c.unit.enhetskod], categoryHeader: words.filters.unit, title,
    },
    w.xLabel,
  );
}

/** The units without a share for the compared period, with why (nothing when no unit is compared). */
export function missingUnits(c: NetworkChoices, d: NetworkData): Region {
  const { items, missing } = comparedUnits(c, d);
  if (!items.length) return { kind: 'none' };
  const p = periodLabel(d.comparedPeriod);
  return {
    kind: 'missingUnits',
    heading: w.missingHeading(p),
    units: missing.map((i) => ({ enhetskod: i.enhetskod, name: i.name, markering: i.markering ?? 'saknas', text: w.missingItem(i.name, markerText(i.markering)) })),
    none: missing.length ? null : w.noMissing(p),
  };
}

/** "Kommunen – Länet – Riket": the unit's share beside its county's and the nation's for the compared period. */
export function hierarchyTable(c: NetworkChoices, d: NetworkData): Region {
  const values = new Map<string, { value: number | null; markering: string | null }>();
  for (const code of [c.unit.enhetskod, ...d.ancestors.map((a) => a.enhetskod)]) {
    const computed = d.hierarchy.find((r) => r.enhetskod === code && r.kind === 'beraknad');
    const reported = d.hierarchy.find((r) => r.enhetskod === code && r.kind === 'rapporterad');
    const shown = computed?.andel != null ? computed : reported?.andel != null ? reported : (computed ?? reported);
    if (shown) values.set(code, { value: shown.andel, markering: shown.andel === null ? (shown.markering ?? 'saknas') : null });
  }
  return hierarchyRegion({
    id: 'natverkshem-nivaer',
    unit: c.unit,
    ancestors: d.ancestors,
    values,
    period: d.comparedPeriod,
    what: compareWords.hierarchy.share,
    format: 'percent',
    difference: true,
  });
}

export function networkFigures(c: NetworkChoices, d: NetworkData): Record<string, FigureModel> {
  return { share: shareFigure(c, d), counts: countsFigure(c, d), comparison: comparisonFigure(c, d) };
}
