// The manifest the site reads: what each published data file holds. Also the check-data summary.
import type { DatasetManifest, Manifest } from '../../src/data/manifest.ts';
import { DATASET_ORDER, DATASETS, type DatasetName } from '../../src/data/schema.ts';
import type { PublishResult } from '../../src/data/pipeline.ts';

export type { DatasetManifest, Manifest };

/** Per-dataset facts of published tables (bytes and file filled in by the caller once written). */
export function describeTables(published: PublishResult, files: Partial<Record<DatasetName, string[]>>): Omit<DatasetManifest, 'bytes' | 'file'>[] {
  const out: Omit<DatasetManifest, 'bytes' | 'file'>[] = [];
  for (const name of DATASET_ORDER) {
    const rows = published.tables[name];
    if (!rows) continue;
    const periods = rows.map((r) => r.period).filter((p): p is string => typeof p === 'string' && p !== '').sort(comparePeriods);
    const units = new Set(rows.map((r) => r.enhetskod).filter((c) => c !== undefined && c !== ''));
    out.push({
      name,
      title: DATASETS[name].title,
      rows: rows.length,
      periods: periods.length ? [periods[0], periods[periods.length - 1]] : null,
      units: units.size,
      suppressed: rows.filter((r) => r.markering === 'sekretess').length,
      files: files[name] ?? [],
    });
  }
  return out;
}

/** Orders canonical periods in time: a year sorts before its quarters. */
export function comparePeriods(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function summaryText(published: PublishResult, files: Partial<Record<DatasetName, string[]>>): string {
  const lines: string[] = [];
  for (const d of describeTables(published, files)) {
    const s = published.suppressed[d.name];
    const parts = [
      `${d.rows} rader / rows`,
      d.periods ? `perioder / periods ${d.periods[0]}–${d.periods[1]}` : '',
      d.units ? `${d.units} enheter / units` : '',
      s ? `${s.primary} dolda under gränsen + ${s.secondary} dolda för att skydda dem / hidden below the threshold + hidden to protect them` : '',
    ].filter(Boolean);
    lines.push(`  ${d.name.padEnd(22)} ${parts.join(', ')}  [${d.files.join(', ') || 'härledd / derived'}]`);
  }
  return lines.join('\n');
}
