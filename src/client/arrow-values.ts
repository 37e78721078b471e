// Nested Arrow values as plain JavaScript: what both the engine's runner (rows as objects) and the SQL
// page's result cells show for a LIST, a STRUCT or a MAP.

import { isoDate } from '../queries/runner.ts';

/** Nested Arrow values (list vectors, struct and map rows) as plain arrays and objects. */
export function plainNested(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value !== 'object') return value;
  if (value instanceof Date) return isoDate(value);
  if (Array.isArray(value)) return value.map(plainNested);
  const v = value as { toJSON?: () => unknown; data?: unknown; type?: unknown };
  // An Arrow Vector (a LIST cell): iterate its values.
  if ('data' in v && 'type' in v && typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function') {
    return Array.from(value as Iterable<unknown>, plainNested);
  }
  // A StructRow or MapRow: toJSON gives a plain object.
  if (typeof v.toJSON === 'function') {
    const json = v.toJSON();
    if (json && typeof json === 'object' && !Array.isArray(json)) {
      return Object.fromEntries(Object.entries(json).map(([k, x]) => [k, plainNested(x)]));
    }
    return plainNested(json);
  }
  return value;
}

