// A chart figure's numbers as a download: the same period × series grid (or bars, or a heat map's units ×
// breakdowns) the figure's table shows, read from the chart's model (src/charts/recipe.ts chartModel), with markers kept apart from the
// values, as a table (CSV, XLSX) and as a cube (JSON-stat). Pure.

import type { ChartModel } from '../charts/recipe.ts';
import type { BarsModel } from '../charts/bars.ts';
import type { HeatmapModel } from '../charts/heatmap.ts';
import type { TrendModel } from '../charts/trend-model.ts';
import { periodLabel } from '../i18n/format.ts';
import type { Cube } from './jsonstat.ts';
import type { ExportMeta, ExportTable } from './table.ts';

function decimalsOf(settings: { format: string; digits?: number }): number {
  return settings.digits ?? (settings.format === 'percent' ? 1 : 0);
}

function trendGrid(model: TrendModel) {
  const lookup = model.series.map((s) => new Map(s.points.map((p) => [p.period, p])));
  return model.periods.map((period) => lookup.map((m) => m.get(period) ?? null));
}

function trendTable(model: TrendModel, meta: ExportMeta): ExportTable {
  const decimals = decimalsOf(model.settings);
  const grid = trendGrid(model);
  return {
    columns: [{ name: model.settings.labels.period, kind: 'text' }, ...model.series.map((s) => ({ name: s.name, kind: 'number' as const, decimals }))],
    rows: model.periods.map((period, i) => [period, ...grid[i].map((p) => p?.varde ?? null)]),
    markers: model.periods.map((_, i) => [null, ...grid[i].map((p) => (p && p.varde === null ? p.markering ?? 'saknas' : null))]),
    meta,
  };
}

function barsTable(model: BarsModel, meta: ExportMeta, valueHeader?: string): ExportTable {
  const grouped = model.groups.length > 0;
  const { labels } = model.settings;
  return {
    columns: [
      { name: labels.category, kind: 'text' },
      ...(grouped ? [{ name: labels.group, kind: 'text' as const }] : []),
      { name: valueHeader ?? labels.value, kind: 'number', decimals: decimalsOf(model.settings) },
    ],
    rows: model.items.map((i) => [i.name, ...(grouped ? [i.group ?? ''] : []), i.varde]),
    markers: model.items.map((i) => [null, ...(grouped ? [null] : []), i.varde === null ? i.markering ?? 'saknas' : null]),
    meta,
  };
}

/** A heat map as its table shows it: a row per unit (the row header, "Enhet"), a column per breakdown. */
function heatmapTable(model: HeatmapModel, meta: ExportMeta): ExportTable {
  const decimals = decimalsOf(model.settings);
  const cells = new Map(model.cells.map((c) => [`${c.rad}\u0000${c.kolumn}`, c]));
  const grid = model.rows.map((r) => model.columns.map((c) => cells.get(`${r.key}\u0000${c.key}`) ?? null));
  return {
    columns: [{ name: model.settings.rowHeader, kind: 'text' }, ...model.columns.map((c) => ({ name: c.name, kind: 'number' as const, decimals }))],
    rows: model.rows.map((r, i) => [r.name, ...grid[i].map((cell) => cell?.varde ?? null)]),
    markers: model.rows.map((_, i) => [null, ...grid[i].map((cell) => (cell?.varde == null ? cell?.markering ?? 'saknas' : null))]),
    meta,
  };
}

export function figureTable(chart: ChartModel, meta: ExportMeta): ExportTable {
  if (chart.kind === 'heatmap') return heatmapTable(chart.model, meta);
  return chart.kind === 'trend' ? trendTable(chart.model, meta) : barsTable(chart.model, meta);
}

/** The figure as a cube: period × series (a trend), category (× group) (bars) or unit × breakdown (a heat map). */
export function figureCube(chart: ChartModel, meta: ExportMeta, seriesLabel = 'Serie'): Cube {
  if (chart.kind === 'heatmap') {
    const m = chart.model;
    return {
      dimensions: [
        { id: 'rad', label: m.settings.rowHeader, categories: m.rows.map((r) => ({ code: r.key, label: r.name })) },
        { id: 'kolumn', label: m.settings.columnHeader, categories: m.columns.map((c) => ({ code: c.key, label: c.name })) },
      ],
      cells: m.cells.map((c) => ({ codes: [c.rad, c.kolumn], value: c.varde, marker: c.varde === null ? c.markering ?? 'saknas' : null })),
      meta,
    };
  }
  if (chart.kind === 'trend') {
    const m = chart.model;
    return {
      dimensions: [
        { id: 'period', label: m.settings.labels.period, time: true, categories: m.periods.map((p) => ({ code: p, label: periodLabel(p) })) },
        { id: 'serie', label: seriesLabel, categories: m.series.map((s) => ({ code: s.code, label: s.name })) },
      ],
      cells: m.series.flatMap((s) => s.points.map((p) => ({ codes: [p.period, s.code], value: p.varde, marker: p.varde === null ? p.markering : null }))),
      meta,
    };
  }
  const m = chart.model;
  const { labels } = m.settings;
  const categories = [...new Map(m.items.map((i) => [i.kategori, i.name])).entries()].map(([code, label]) => ({ code, label }));
  const groups = [...new Map(m.items.filter((i) => i.grupp !== null).map((i) => [i.grupp as string, i.group ?? ''])).entries()].map(([code, label]) => ({ code, label }));
  return {
    dimensions: [
      { id: 'kategori', label: labels.category, categories },
      ...(groups.length ? [{ id: 'grupp', label: labels.group, categories: groups }] : []),
    ],
    cells: m.items.map((i) => ({ codes: groups.length ? [i.kategori, i.grupp ?? ''] : [i.kategori], value: i.varde, marker: i.varde === null ? i.markering : null })),
    meta,
  };
}
