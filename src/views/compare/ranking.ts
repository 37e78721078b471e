// A ranking of units: horizontal bars in order (src/charts/bars.ts), the chosen unit highlighted, the
// parent and the nation as reference lines, and the units without a value listed under the chart with
// the reason, as the source slides do (Göteborgsregionen: Härryda and Partille sekretess, Öckerö bortfall).
// Used by the network-home share and by placements per 1 000 inhabitants.

import { compareWords as w } from '../../i18n/compare.ts';
import { formatValue, periodLabel, type ValueFormat } from '../../i18n/format.ts';
import { capitalize, listText } from '../../i18n/text.ts';
import { barsFigure, emptyFigure, FIGURE_WIDTH, type FigureModel } from '../figure.ts';
import type { Region } from '../view.ts';

/** Why a unit has no value: a hidden cell, a unit that reported nothing, no figure for the period at all. */
export type MissingReason = 'sekretess' | 'bortfall' | 'saknas' | 'inget_att_redovisa' | 'befolkning';

export interface RankItem {
  enhetskod: string;
  name: string;
  value: number | null;
  /** Set when value is null. */
  reason: MissingReason | null;
}

/**
 * The reason for a missing value from the row's marker: a suppressed cell is sekretess; a reported figure
 * the source marks as missing (`..`, Öckerö on Göteborgsregionen's slide) is bortfall (the unit did not
 * report it); no row, or a figure computed from counts that are not there, is saknas.
 */
export function reasonOf(row: { markering: string | null } | undefined, reported = true): MissingReason {
  if (!row) return 'saknas';
  if (row.markering === 'sekretess') return 'sekretess';
  if (row.markering === 'inget_att_redovisa') return 'inget_att_redovisa';
  return reported ? 'bortfall' : 'saknas';
}

export interface RankingInput {
  id: string;
  title: string;
  subtitle: string;
  source: { source: string; invented: boolean };
  items: RankItem[];
  highlight: string;
  references: { label: string; value: number }[];
  format: ValueFormat;
  digits?: number;
  xLabel: string;
  period: string;
  notes: string[];
  file: string;
  empty: string;
}

function rankingSummary(input: RankingInput, known: RankItem[], missing: RankItem[]): string {
  const p = periodLabel(input.period);
  const fmt = (v: number) => formatValue(v, input.format, input.digits);
  // At most eight named in the summary (a county has up to 49 units); the list under the chart has them all.
  const named = missing.slice(0, 8).map((i) => `${i.name} (${w.reason[i.reason ?? 'saknas']})`);
  const more = missing.length - named.length;
  const missingText = missing.length
    ? [`${capitalize(w.missingHeading(input.format === 'percent' ? w.missingShare : w.missingRate, p))}: ${more > 0 ? `${named.join(', ')} ${w.andMore(more)}` : listText(named)}.`]
    : [];
  if (!known.length) return missingText.join(' ') || input.empty;
  const at = (i: RankItem) => `${i.name} (${fmt(i.value as number)})`;
  const rank = known.findIndex((i) => i.enhetskod === input.highlight) + 1;
  const highlighted = known[rank - 1];
  return [
    known.length === 1 ? w.rankingOne(p, known[0].name, fmt(known[0].value as number)) : w.rankingSummary(p, at(known[0]), at(known[known.length - 1])),
    ...(rank > 0 && known.length > 1 ? [w.rankOf(highlighted.name, rank, known.length)] : []),
    ...missingText,
  ].join(' ');
}

/** Known values, highest first (then by name); the missing ones by name. */
export function splitRanking(items: readonly RankItem[]): { known: RankItem[]; missing: RankItem[] } {
  const known = items.filter((i) => i.value !== null).sort((a, b) => (b.value as number) - (a.value as number) || a.name.localeCompare(b.name, 'sv'));
  const missing = items.filter((i) => i.value === null).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  return { known, missing };
}

/** The ranking as a bar figure; the missing units are written where their bar would be, and listed below. */
export function rankingFigure(input: RankingInput): FigureModel {
  const { known, missing } = splitRanking(input.items);
  const base = { id: input.id, level: 2 as const, title: input.title, subtitle: input.subtitle, ...input.source, file: input.file };
  if (!known.length && !missing.length) return emptyFigure({ ...base, empty: input.empty });
  // A missing value's marker in the chart: the contract's markers; bortfall is the source's missing figure.
  const marker = (r: MissingReason | null) => (r === 'sekretess' || r === 'inget_att_redovisa' ? r : 'saknas');
  return barsFigure(
    { ...base, summary: rankingSummary(input, known, missing), notes: input.notes },
    {
      kind: 'bars',
      rows: [...known, ...missing].map((i) => [i.enhetskod, i.value, i.value === null ? marker(i.reason) : null]),
      labels: Object.fromEntries(input.items.map((i) => [i.enhetskod, i.name])),
      format: input.format,
      digits: input.digits,
      width: FIGURE_WIDTH,
      xLabel: input.xLabel,
      references: input.references,
      ...(input.highlight ? { highlight: [input.highlight] } : {}),
      categoryHeader: w.unitHeader,
      title: input.title,
    },
    input.xLabel,
  );
}

/** The units without a value, each with the reason, for the list under the chart. */
export function missingRegion(items: readonly RankItem[], what: string, period: string): Region {
  if (!items.length) return { kind: 'none' };
  const { missing } = splitRanking(items);
  const p = periodLabel(period);
  return {
    kind: 'missingUnits',
    heading: capitalize(w.missingHeading(what, p)),
    units: missing.map((i) => ({ enhetskod: i.enhetskod, name: i.name, markering: i.reason ?? 'saknas', text: `${i.name}: ${w.reason[i.reason ?? 'saknas']}` })),
    none: missing.length ? null : w.missingNone(p),
  };
}

export { FIGURE_WIDTH };
