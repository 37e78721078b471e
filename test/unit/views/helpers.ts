// What a reader sees of a view: a figure's table as texts, a region as the markup the page shows (drawn by
// the same renderer as the page).
import { cellTexts, type DataTable } from '../../../src/charts/table.ts';
import { regionHtml } from '../../../src/render/regions.ts';
import type { Region } from '../../../src/views/view.ts';

export function rows(figure: { table: DataTable | null } | undefined): string[][] | undefined {
  return figure?.table ? cellTexts(figure.table) : undefined;
}

export function region(view: { regions: Record<string, Region> }, name: string): string {
  return regionHtml(view.regions[name]).html;
}
