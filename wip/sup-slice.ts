import { readDataFiles, publish } from '/work/wt/sup/src/data/pipeline.ts';
import { audit } from '/work/wt/sup/src/data/disclosure/audit.ts';
import { benchFiles } from '/work/wt/sup/scripts/lib/bench-data.ts';
const [counties, maxM, quarters] = process.argv.slice(2).map(Number);
const files = benchFiles({ seed: 20260601, counties, maxMunicipalitiesPerCounty: maxM, firstYear: 2024, quarters });
const enc = (s: string) => new TextEncoder().encode(s);
const t0 = performance.now();
const r = readDataFiles(Object.entries(files).map(([name, t]) => ({ name, bytes: enc(t) })), { today: new Date('2026-12-01') });
if (r.errors.length) { console.log(r.errors.slice(0, 3)); process.exit(1); }
const p = publish(r.tables, 4);
const t1 = performance.now();
for (const ds of ['placeringar', 'ej_verkstallda_beslut'] as const) {
  const rows = p.tables[ds]!;
  const lvl = (c: string) => (c === '00' ? 'riket' : c.length === 2 ? 'lan' : 'kommun');
  const st: Record<string, [number, number]> = {};
  for (const x of rows as any[]) { const k = lvl(String(x.enhetskod)); st[k] ??= [0, 0]; st[k][0]++; if (x.markering === 'sekretess') st[k][1]++; }
  const riketTot = (rows as any[]).filter((x) => x.enhetskod === '00' && (ds === 'placeringar' ? x.placeringsform === 'totalt' && x.kon === 'totalt' : x.status === 'totalt' && x.kon === 'totalt'));
  console.log(ds, JSON.stringify(st), 'riket totals hidden', riketTot.filter((x) => x.markering === 'sekretess').length, '/', riketTot.length);
}
console.log('ms', Math.round(t1 - t0), 'audit failures', (await audit(p.models, 4)).failures.length);
