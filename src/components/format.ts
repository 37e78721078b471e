// Formats the site frame needs (counts, dates). TODO: use src/i18n/format.ts once it exists, so that
// every number on the site is formatted by one locale object.

const integer = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
const longDate = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'Europe/Stockholm' });

/** 278 400 (space grouping, as sv-SE writes it). */
export function formatCount(n: number): string {
  return integer.format(n);
}

/** '2025-11-23T18:04:00Z' → '23 november 2025'; a plain 'YYYY-MM-DD' is taken as that calendar day. */
export function formatDate(iso: string): string {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : longDate.format(d);
}
