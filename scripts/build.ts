// `npm run build`: DATA_DIR → validated, anonymised data files → static site in DIST_DIR (default dist/),
// published under BASE_PATH. Everything is written to a temporary folder first and swapped in at the
// end, so a failed or interrupted build leaves the previous site untouched.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { errorCount } from '../src/data/errors.ts';
import { basePath, dataDir, distDir, projectRoot, suppressionThreshold } from './lib/config.ts';
import { summaryText } from './lib/manifest.ts';
import { readDataDir } from './lib/read-data-dir.ts';
import { printIssues, runScript, thresholdText } from './lib/report.ts';
import { writePublishedData } from './lib/write-published.ts';
import { anonymise } from './lib/anonymise.ts';

const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);

await runScript(build);

async function build(): Promise<void> {
  const dir = dataDir();
  const dist = distDir();
  const base = basePath();
  const threshold = suppressionThreshold();

  await clearKilledBuilds(dist);
  const result = await readDataDir(dir);
  printIssues(result);
  if (result.errorCount > 0) {
    console.error(`\n${result.errorCount} fel i ${dir}: bygget avbröts och ${dist} är orörd.`);
    console.error(`${errorCount(result.errorCount)} in ${dir}: the build stopped and ${dist} is untouched.`);
    process.exitCode = 1;
    return;
  }
  console.log(`[${seconds()} s] läste och kontrollerade ${dir} (${thresholdText(threshold)})`);
  const { published, audit, issues, text } = await anonymise(result, threshold);
  console.log(`[${seconds()} s] ${text}`);
  if (issues.length > 0) {
    printIssues({ errors: issues, warnings: [], errorCount: issues.length, warningCount: 0 });
    console.error(`\n${issues.length} fel i anonymiseringen: bygget avbröts och ${dist} är orörd.`);
    console.error(`${errorCount(issues.length)} in the anonymisation: the build stopped and ${dist} is untouched.`);
    process.exitCode = 1;
    return;
  }

  // The work folder sits beside dist so that the final rename stays on one file system.
  const work = path.join(path.dirname(dist), `.${path.basename(dist)}-build-${process.pid}-${Date.now()}`);
  let movedAside = false;
  const dataOut = path.join(work, 'data');
  const siteOut = path.join(work, 'site');
  await mkdir(dataOut, { recursive: true });
  try {
    await writePublishedData(published, audit, result.files, dataOut, threshold);
    console.log(`[${seconds()} s] skrev datafiler:\n${summaryText(published, result.files)}`);

    await run(process.execPath, [path.join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--silent'], {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      OUT_DIR: siteOut,
      BASE_PATH: base,
      SOCIALSTATISTIK_DATA: dataOut,
    });
    await cp(dataOut, path.join(siteOut, 'data'), { recursive: true });
    console.log(`[${seconds()} s] byggde webbplatsen`);

    // Swap: the old site is moved aside before the new one takes its place, then removed.
    const old = path.join(work, 'old');
    await rename(dist, old).then(() => { movedAside = true; }, (e: NodeJS.ErrnoException) => { if (e.code !== 'ENOENT') throw e; });
    await rename(siteOut, dist);
    movedAside = false;
    console.log(`[${seconds()} s] klart: ${dist} (bas ${base})`);
  } catch (e) {
    if (movedAside) await rename(path.join(work, 'old'), dist);
    console.error(`Bygget misslyckades / the build failed: ${(e as Error).message}\n${dist} är orörd / is untouched.`);
    process.exitCode = 1;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * Removes the work folders of earlier builds that were killed (kill -9, a power cut) and so could not
 * clean up after themselves. A build killed between moving the old site aside and moving the new one in
 * left no dist at all: the old site is put back first. Folders of builds still running are left alone.
 */
async function clearKilledBuilds(dist: string): Promise<void> {
  const parent = path.dirname(dist);
  const prefix = `.${path.basename(dist)}-build-`;
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    const m = name.startsWith(prefix) ? /^(\d+)-\d+$/.exec(name.slice(prefix.length)) : null;
    if (!m || Number(m[1]) === process.pid || isRunning(Number(m[1]))) continue;
    const stale = path.join(parent, name);
    if (!existsSync(dist) && existsSync(path.join(stale, 'old'))) await rename(path.join(stale, 'old'), dist);
    await rm(stale, { recursive: true, force: true });
    console.log(`tog bort ${stale} från ett avbrutet bygge / removed the folder of an interrupted build`);
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: projectRoot, env, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`astro build: ${signal ?? `exit ${code}`}`))));
  });
}
