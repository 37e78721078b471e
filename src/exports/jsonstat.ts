// JSON-stat 2.0 (https://json-stat.org/format/), the format statistics offices and PxWeb exchange: one
// dataset, its dimensions with Swedish labels, the values in row-major order (the last dimension varies
// fastest), `status` for a missing value's marker, and the source, data date, markers' meaning and the
// suppression rule in `extension` (and the source in `source`). Pure.

import { exportWords as w } from '../i18n/exports.ts';
import { orderMarkers, type ExportMeta, type ExportTable } from './table.ts';

export interface CubeDimension {
  id: string;
  label: string;
  /** Categories in order: code and Swedish label. */
  categories: { code: string; label: string }[];
  /** The time dimension (period). */
  time?: boolean;
}

export interface CubeCell {
  /** One category code per dimension, in the dimensions' order. */
  codes: string[];
  value: number | null;
  marker: string | null;
}

export interface Cube {
  dimensions: CubeDimension[];
  cells: CubeCell[];
  meta: ExportMeta;
}

export interface JsonStatDataset {
  version: '2.0';
  class: 'dataset';
  label: string;
  source: string;
  updated?: string;
  id: string[];
  size: number[];
  role?: { time?: string[] };
  dimension: Record<string, { label: string; category: { index: string[]; label: Record<string, string> } }>;
  value: (number | null)[];
  status?: Record<string, string>;
  note?: string[];
  extension: Record<string, unknown>;
}

export function exportJsonStat(cube: Cube): JsonStatDataset {
  const { dimensions, meta } = cube;
  const size = dimensions.map((d) => d.categories.length);
  const positions = dimensions.map((d) => new Map(d.categories.map((c, i) => [c.code, i])));
  const total = size.reduce((a, b) => a * b, 1);
  const value: (number | null)[] = new Array(total).fill(null);
  const status: Record<string, string> = {};
  const markers = new Set<string>();
  for (const cell of cube.cells) {
    let index = 0;
    let ok = true;
    cell.codes.forEach((code, d) => {
      const p = positions[d].get(code);
      if (p === undefined) ok = false;
      index = index * size[d] + (p ?? 0);
    });
    if (!ok) continue;
    value[index] = cell.value;
    if (cell.value === null) {
      const marker = cell.marker ?? 'saknas';
      status[String(index)] = marker;
      markers.add(marker);
    }
  }
  // A cell no row names (a series that starts later) has no value: say so as the site does.
  for (let i = 0; i < total; i++) if (value[i] === null && !(String(i) in status)) status[String(i)] = 'saknas';
  if (Object.values(status).includes('saknas')) markers.add('saknas');
  const dimension: JsonStatDataset['dimension'] = {};
  for (const d of dimensions) {
    dimension[d.id] = {
      label: d.label,
      category: { index: d.categories.map((c) => c.code), label: Object.fromEntries(d.categories.map((c) => [c.code, c.label])) },
    };
  }
  const time = dimensions.filter((d) => d.time).map((d) => d.id);
  const a = w.about;
  const suppression = meta.threshold === null ? null : meta.threshold > 1 ? a.threshold(meta.threshold - 1) : a.noThreshold;
  return {
    version: '2.0',
    class: 'dataset',
    label: meta.subtitle ? `${meta.title} (${meta.subtitle})` : meta.title,
    source: meta.source,
    ...(meta.published ? { updated: meta.published } : {}),
    id: dimensions.map((d) => d.id),
    size,
    ...(time.length ? { role: { time } } : {}),
    dimension,
    value,
    ...(Object.keys(status).length ? { status } : {}),
    note: [meta.source, ...(suppression ? [suppression] : [])],
    extension: {
      source: meta.source,
      published: meta.published,
      invented: meta.invented ?? false,
      markers: Object.fromEntries(orderMarkers(markers).map((m) => [m, `${a.marker(m)}: ${a.markerMeaning[m] ?? ''}`.trim()])),
      suppression,
      threshold: meta.threshold,
    },
  };
}

/** A column that says why a value is missing (the site's `markering`, `<name>_markering`): not a dimension. */
const MARKER_COLUMN = /(^|_)markering$/;

/**
 * Any flat table as a cube, when it is one: its text columns are the dimensions, its number columns the
 * measures (a dimension `matt` of their names, as PxWeb's ContentsCode), and no two rows name the same
 * cell. Null when it is not (no number column, or a repeated combination): then JSON-stat cannot say it.
 */
export function tableCube(table: ExportTable, labels: Record<string, string> = {}): Cube | null {
  const dims = table.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.kind === 'text' && !MARKER_COLUMN.test(c.name));
  const measures = table.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.kind === 'number');
  if (!measures.length) return null;
  const categories = dims.map(() => new Map<string, string>());
  const seen = new Set<string>();
  const cells: CubeCell[] = [];
  for (const [r, row] of table.rows.entries()) {
    const codes = dims.map(({ i }, d) => {
      const code = row[i] === null ? '' : String(row[i]);
      if (!categories[d].has(code)) categories[d].set(code, code === '' ? '–' : code);
      return code;
    });
    const key = JSON.stringify(codes);
    if (seen.has(key)) return null;
    seen.add(key);
    for (const { c, i } of measures) {
      const value = typeof row[i] === 'number' ? (row[i] as number) : null;
      cells.push({ codes: [...codes, c.name], value, marker: value === null ? table.markers?.[r]?.[i] ?? null : null });
    }
  }
  return {
    dimensions: [
      ...dims.map(({ c }, d) => ({
        id: c.name,
        label: labels[c.name] ?? c.name,
        time: c.name === 'period',
        categories: [...categories[d].entries()].map(([code, label]) => ({ code, label })),
      })),
      { id: 'matt', label: labels.matt ?? 'Mått', categories: measures.map(({ c }) => ({ code: c.name, label: labels[c.name] ?? c.name })) },
    ],
    cells,
    meta: table.meta,
  };
}
