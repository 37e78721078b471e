// Builds the site once, under a sub-path as an intranet would publish it, serves it with the project's
// own static server, and hands its URL to the browser tests (inject('siteUrl')).
// SITE_DIST=<folder> skips the build and serves a site already built with BASE_PATH=/intranat/socialstatistik/.

import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer } from '../../scripts/serve.ts';
import { childEnv } from '../helpers/child-env.ts';

export const TEST_BASE_PATH = '/intranat/socialstatistik/';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The served site, e.g. http://127.0.0.1:4321/intranat/socialstatistik/ */
    siteUrl: string;
    /** The folder of the built site (for reading data/manifest.json). */
    siteDir: string;
    basePath: string;
  }
}

const projectRoot = path.resolve(import.meta.dirname, '..', '..');

function build(dist: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'scripts', 'build.ts')], {
      cwd: projectRoot,
      env: childEnv({ DIST_DIR: dist, BASE_PATH: TEST_BASE_PATH, DATA_DIR: 'data' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`scripts/build.ts failed (${signal ?? `exit ${code}`}):\n${output}`));
    });
  });
}

export default async function setup(project: TestProject) {
  let siteDir = process.env.SITE_DIST ? path.resolve(process.env.SITE_DIST) : '';
  let tempDir = '';
  if (!siteDir) {
    tempDir = await mkdtemp(path.join(tmpdir(), 'socialstatistik-site-'));
    siteDir = path.join(tempDir, 'dist');
    await build(siteDir);
  }
  const server = await startServer({ root: siteDir, base: TEST_BASE_PATH, port: 0 });
  project.provide('siteUrl', server.url);
  project.provide('siteDir', siteDir);
  project.provide('basePath', TEST_BASE_PATH);
  return async () => {
    await server.close();
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  };
}
