// Running a project script (build, check-data) from a test as a user runs it, and comparing a folder
// before and after: shared by the build tests.
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { childEnv } from './child-env.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface ScriptRun { code: number | null; stdout: string; stderr: string }

/** Runs scripts/<script> with the Node running the tests, in the project folder, with `env` (DATA_DIR, DIST_DIR …) set. */
export function runScript(script: string, env: Record<string, string>): Promise<ScriptRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', script)], { cwd: ROOT, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Every file under a folder with its contents, to compare a folder before and after. */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const file = path.join(e.parentPath, e.name);
    out[path.relative(dir, file)] = (await readFile(file)).toString('base64');
  }
  return out;
}
