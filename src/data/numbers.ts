// Numbers as Swedish Excel and statistics offices write them: decimal comma, spaces (also no-break and
// narrow no-break) as thousands separators, `%` after a share.

const SPACES = /[\s\u00a0\u202f\u2007\u2009]/g;
const MINUS = /^[\u2212\u2013]/; // a real minus sign or an en dash used as one

/** Parses a number; null when the text is not a number. Accepts `2 044`, `15,2`, `15,2 %`, `-3`, `1.5`. */
export function parseNumber(cell: string, { percent = false } = {}): number | null {
  let s = cell.trim().replace(SPACES, '');
  if (percent) s = s.replace(/%$/, '');
  s = s.replace(MINUS, '-');
  if (s.includes(',') && s.includes('.')) return null; // 1.234,5: ambiguous, refuse rather than guess
  s = s.replace(',', '.');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}
