// Debugging aid: reads a data folder, runs suppression (publish) and the audit, prints per dataset
// how long each took, the cells hidden (primary / secondary / restored) and the audit's failures.
// `node_modules/.bin/node scripts/dbg-anon.ts DIR [threshold]` (SOCIALSTATISTIK_PROFILE=1: CPU time per step of protect)
import { audit } from '../src/data/disclosure/audit.ts';
import { DATASET_ORDER, DATASETS } from '../src/data/schema.ts';
import { suppress } from '../src/data/suppress.ts';
import { unitParents } from '../src/data/disclosure/model.ts';
import { readDataDir } from './lib/read-data-dir.ts';
import { createHash } from 'node:crypto';
import * as protectModule from '../src/data/disclosure/protect.ts';
const STATS = (protectModule as { STATS?: Record<string, number> }).STATS;

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const dir = args[0] ?? 'data';
const threshold = Number(args[1] ?? 4);
const cpu = () => process.cpuUsage().user / 1000;
const t0 = performance.now();
const r = await readDataDir(dir);
console.log(`read ${dir}: ${((performance.now() - t0) / 1000).toFixed(1)} s, ${r.errorCount} errors`);
const tables = r.tables;
const context = {
  parentOf: unitParents(tables),
  visibleOnlySources: new Set((tables.kallor ?? []).filter((k) => k.totaler === 'bara_synliga').map((k) => String(k.kalla))),
};
if (process.argv.includes('--parallel')) {
  // publish() as the build runs it (publish-parallel.ts), then the audit of every dataset.
  const { publishParallel, lastRun } = await import('./lib/publish-parallel.ts');
  const a = cpu();
  const aw = performance.now();
  const p = await publishParallel(tables, threshold);
  const b = cpu();
  const bw = performance.now();
  const result = await audit(p.models, threshold);
  console.log(`publishParallel ${((bw - aw) / 1000).toFixed(2)} s wall (cpu: main thread ${lastRun.mainCpu.toFixed(2)} s, worker ${lastRun.workerCpu.toFixed(2)} s; waited ${lastRun.workerWait.toFixed(2)} s); audit ${((performance.now() - bw) / 1000).toFixed(2)} s wall, ${result.failures.length} failures`);
  for (const [name, e] of Object.entries(p.models)) {
    const hash = createHash('sha1').update(e.model.state).digest('hex').slice(0, 12);
    console.log(`${name}: primary ${e.protection.primary}, secondary ${e.protection.secondary}, restored ${e.protection.restored}; pattern ${hash}`);
  }
  for (const d of result.datasets) console.log(`  audit ${d.name}: checked ${d.checked} exact ${d.exact} bounded ${d.bounded} narrowest ${d.narrowestValues}`);
  process.exit(0);
}
let protectTotal = 0;
let auditTotal = 0;
let failuresTotal = 0;
for (const name of DATASET_ORDER) {
  const rows = tables[name];
  if (!rows || DATASETS[name].valueColumn !== 'antal') continue;
  const a = cpu();
  const aw = performance.now();
  const s = suppress(DATASETS[name], rows, threshold, context);
  const b = cpu();
  const bw = performance.now();
  const result = await audit({ [name]: { model: s.model!, protection: s.protection! } }, threshold);
  const c = cpu();
  protectTotal += b - a;
  auditTotal += c - b;
  failuresTotal += result.failures.length;
  const p = s.protection!;
  const hash = createHash('sha1').update(s.model!.state).digest('hex').slice(0, 12);
  const d = result.datasets[0];
  console.log(`${name}: ${rows.length} rows; protect ${((b - a) / 1000).toFixed(2)} s cpu (${((bw - aw) / 1000).toFixed(2)} wall), audit ${((c - b) / 1000).toFixed(2)} s; ` +
    `primary ${p.primary}, secondary ${p.secondary}, restored ${p.restored}, unprotected ${p.unprotected.length}; ` +
    `audit checked ${d?.checked} exact ${d?.exact} bounded ${d?.bounded} narrowest ${d?.narrowestValues}; failures ${result.failures.length}; pattern ${hash}`);
  if (STATS) {
    console.log('  ' + Object.entries(STATS).map(([k, v]) => `${k}=${Math.round(v)}`).join(' '));
    for (const k of Object.keys(STATS)) delete STATS[k];
  }
  for (const f of result.failures.slice(0, 5)) console.log(`  FAIL ${JSON.stringify(f.row)} ${f.min}..${f.max}`);
}
console.log(`total cpu protect ${(protectTotal / 1000).toFixed(2)} s, audit ${(auditTotal / 1000).toFixed(2)} s, failures ${failuresTotal}`);
