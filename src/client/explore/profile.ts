// A column's profile on demand (the SQL page's results): how many values, distinct values, empty (NULL)
// cells, the smallest and largest, and a small histogram (ten equal bins of a number column, the most
// common values of any other). Pure: the column's values in, the profile out.

export interface ColumnProfile {
  count: number;
  nulls: number;
  distinct: number;
  min: number | string | null;
  max: number | string | null;
  /** Bars of the histogram, in order: label and count. */
  bars: { label: string; count: number }[];
  kind: 'number' | 'text';
}

const BINS = 10;
const TOP = 10;

export function profileColumn(values: readonly unknown[], kind: 'number' | 'text', formatNumber: (x: number) => string = String): ColumnProfile {
  let nulls = 0;
  const seen = new Map<string, number>();
  const numbers: number[] = [];
  let min: number | string | null = null;
  let max: number | string | null = null;
  for (const v of values) {
    if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) {
      nulls++;
      continue;
    }
    const key = typeof v === 'object' ? JSON.stringify(v) : String(v);
    seen.set(key, (seen.get(key) ?? 0) + 1);
    if (kind === 'number') {
      const x = Number(v);
      numbers.push(x);
      if (min === null || x < (min as number)) min = x;
      if (max === null || x > (max as number)) max = x;
    } else {
      if (min === null || key < (min as string)) min = key;
      if (max === null || key > (max as string)) max = key;
    }
  }
  let bars: ColumnProfile['bars'];
  if (kind === 'number' && numbers.length && seen.size > TOP) {
    const lo = min as number;
    const hi = max as number;
    const width = (hi - lo) / BINS || 1;
    const counts = new Array<number>(BINS).fill(0);
    for (const x of numbers) counts[Math.min(BINS - 1, Math.floor((x - lo) / width))]++;
    bars = counts.map((count, i) => ({ label: `${formatNumber(lo + i * width)} – ${formatNumber(i === BINS - 1 ? hi : lo + (i + 1) * width)}`, count }));
  } else {
    const entries = [...seen.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    bars = entries.slice(0, TOP).map(([label, count]) => ({ label: kind === 'number' ? formatNumber(Number(label)) : label, count }));
    const rest = entries.slice(TOP).reduce((n, [, c]) => n + c, 0);
    if (rest) bars.push({ label: '…', count: rest });
  }
  return { count: values.length, nulls, distinct: seen.size, min, max, bars, kind };
}

/** Row order for a sort by one column: nulls last either way, numbers by value, text by the Swedish collation. */
export function sortOrder(values: readonly unknown[], direction: 'ascending' | 'descending'): Uint32Array {
  const order = new Uint32Array(values.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  const collator = new Intl.Collator('sv', { numeric: true });
  const sign = direction === 'ascending' ? 1 : -1;
  const compare = (a: unknown, b: unknown): number => {
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
    if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
    return collator.compare(String(a), String(b));
  };
  order.sort((i, j) => {
    const a = values[i];
    const b = values[j];
    const an = a === null || a === undefined;
    const bn = b === null || b === undefined;
    if (an || bn) return an === bn ? i - j : an ? 1 : -1;
    return sign * compare(a, b) || i - j;
  });
  return order;
}
