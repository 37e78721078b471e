// A build that is cut off (power lost, the job killed) while `astro build` runs leaves the previous site
// exactly as it was and still served: the new site is written beside dist/ and only renamed into place
// at the very end (scripts/build.ts). The failed-build cases (bad data, astro exiting with an error) are
// in test/unit/data/build.test.ts; this is the SIGKILL case, which no cleanup code can soften.

import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../scripts/serve.ts';
import { childEnv } from '../helpers/child-env.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const GOOD = path.join(ROOT, 'test', 'fixtures', 'data-good');
const BASE = '/intranat/socialstatistik/';

function env(dist: string): NodeJS.ProcessEnv {
  return childEnv({ DATA_DIR: GOOD, DIST_DIR: dist, BASE_PATH: BASE });
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const file = path.join(e.parentPath, e.name);
    out[path.relative(dir, file)] = (await readFile(file)).toString('base64');
  }
  return out;
}

/** The child processes of `pid` (Linux /proc), with their command lines. */
function children(pid: number): { pid: number; cmd: string }[] {
  // Threads and children come and go while this reads: one that is gone is skipped.
  const read = (file: string) => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return '';
    }
  };
  const out: { pid: number; cmd: string }[] = [];
  let tasks: string[] = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const task of tasks) {
    const list = read(`/proc/${pid}/task/${task}/children`).trim();
    for (const child of list ? list.split(/\s+/).map(Number) : []) {
      const cmd = read(`/proc/${child}/cmdline`).replaceAll('\0', ' ');
      if (cmd) out.push({ pid: child, cmd });
    }
  }
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function build(dist: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'build.ts')], { cwd: ROOT, env: env(dist), stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', resolve);
  });
}

describe.runIf(process.platform === 'linux')('a build killed while astro runs', () => {
  let parent: string;
  let dist: string;
  let before: Record<string, string>;
  let killedAstro = '';
  let stdout = '';

  beforeAll(async () => {
    parent = await mkdtemp(path.join(os.tmpdir(), 'socialstatistik-interrupted-'));
    dist = path.join(parent, 'dist');
    // The previous site: a real, complete build.
    expect(await build(dist)).toBe(0);
    before = await snapshot(dist);

    // The next build, in its own process group so that it and astro can be killed at once, as a
    // power cut or `kill -9` of the job would.
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'build.ts')], {
      cwd: ROOT,
      env: env(dist),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stdout += d));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, signal) => resolve(signal)));
    const pid = child.pid as number;
    // Wait until astro is running, then give it a moment to write part of the new site.
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && !killedAstro) {
      const astro = children(pid).find((c) => c.cmd.includes('astro.mjs'));
      if (astro) {
        await sleep(700);
        if (existsSync(`/proc/${astro.pid}`)) {
          killedAstro = astro.cmd;
          process.kill(-pid, 'SIGKILL');
        }
        break;
      }
      await sleep(20);
    }
    if (!killedAstro) process.kill(-pid, 'SIGKILL');
    expect(await exited).toBe('SIGKILL');
  }, 240_000);

  afterAll(async () => {
    await rm(parent, { recursive: true, force: true });
  });

  it('was killed while astro build was running, after the data files were written', () => {
    expect(killedAstro).toContain('astro.mjs build');
    expect(stdout).toContain('skrev datafiler');
    expect(stdout).not.toContain('klart:');
  });

  it('left the previous dist/ exactly as it was', async () => {
    expect(await snapshot(dist)).toEqual(before);
  });

  it('the previous site is still served: pages, data and assets', async () => {
    const server = await startServer({ root: dist, base: BASE, port: 0 });
    try {
      const home = await fetch(server.url);
      expect(home.status).toBe(200);
      const html = await home.text();
      expect(html).toBe(Buffer.from(before['index.html'], 'base64').toString('utf8'));
      const assets = [...html.matchAll(/(?:href|src)="(\/intranat\/socialstatistik\/_astro\/[^"]+)"/g)].map((m) => m[1]);
      expect(assets.length).toBeGreaterThan(0);
      for (const a of assets) expect((await fetch(new URL(a, server.url))).status, a).toBe(200);
      const manifest = await fetch(`${server.url}data/manifest.json`);
      expect(manifest.status).toBe(200);
      for (const d of ((await manifest.json()) as { datasets: { file: string }[] }).datasets) {
        expect((await fetch(`${server.url}data/${d.file}`)).status, d.file).toBe(200);
      }
    } finally {
      await server.close();
    }
  });

  it('what the killed build wrote lies beside dist/, hidden, never inside it; the next build succeeds and removes it', async () => {
    const leftovers = (await readdir(parent)).filter((f) => f !== 'dist');
    expect(leftovers.length).toBeGreaterThan(0);
    for (const f of leftovers) expect(f).toMatch(/^\.dist-build-\d+-\d+$/);
    expect(await build(dist)).toBe(0);
    expect(existsSync(path.join(dist, 'index.html'))).toBe(true);
    expect(await snapshot(dist)).not.toEqual(before); // the new build replaced the old site (a new date)
    expect(await readdir(parent)).toEqual(['dist']);
  }, 240_000);

  it('a build killed in the middle of the swap, with no dist/ left, gets the old site back first', async () => {
    // As a kill between the two renames leaves it: dist/ moved into the work folder as old/.
    const stale = path.join(parent, '.dist-build-999999999-1');
    await mkdir(stale);
    await rename(dist, path.join(stale, 'old'));
    const kept = await snapshot(path.join(stale, 'old'));
    // This build fails (bad data) after the clean-up, so dist/ is exactly the site that was put back.
    const r = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'build.ts')], {
        cwd: ROOT,
        env: { ...env(dist), DATA_DIR: path.join(ROOT, 'test', 'fixtures', 'data-bad') },
        stdio: 'ignore',
      });
      child.on('error', reject);
      child.on('close', resolve);
    });
    expect(r).toBe(1);
    expect(await snapshot(dist)).toEqual(kept);
    expect(await readdir(parent)).toEqual(['dist']);
  }, 240_000);
});
