// Markers that stand in place of a number. A marker is kept as a marker: the value is NULL and the
// `markering` column says why. It is never turned into 0 or a guess.

export const MARKERS = ['sekretess', 'saknas', 'inget_att_redovisa'] as const;
export type Marker = (typeof MARKERS)[number];

export const MARKER_LABELS: Record<Marker, string> = {
  sekretess: 'skyddad av sekretess',
  saknas: 'uppgift saknas',
  inget_att_redovisa: 'inget att redovisa',
};

/** The marker a cell holds, or null when the cell is not a marker (it may be a number or garbage). */
export function parseMarker(cell: string): Marker | null {
  const s = cell.trim();
  if (s === '' || s === '..' || s === '.' || s === 'NA' || s === 'na' || s === 'N/A') return 'saknas';
  if (s === '*' || s === 'x' || s === 'X' || s === 'U' || /^<\s*\d+$/.test(s)) return 'sekretess';
  if (s === '-' || s === '–' || s === '—') return 'inget_att_redovisa';
  return null;
}
