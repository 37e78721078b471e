// Build settings from the environment, read in one place.
import path from 'node:path';
import { DEFAULT_SUPPRESSION_THRESHOLD } from '../../src/data/schema.ts';

export const projectRoot = path.resolve(import.meta.dirname, '..', '..');

export function dataDir(): string {
  return path.resolve(projectRoot, process.env.DATA_DIR || 'data');
}

export function distDir(): string {
  return path.resolve(projectRoot, process.env.DIST_DIR || 'dist');
}

/** The base path the site is published under, with a leading and a trailing slash. */
export function basePath(): string {
  const raw = (process.env.BASE_PATH || '/').trim();
  const withLead = raw.startsWith('/') ? raw : `/${raw}`;
  return withLead.endsWith('/') ? withLead : `${withLead}/`;
}

export function suppressionThreshold(): number {
  const raw = process.env.SUPPRESSION_THRESHOLD;
  if (raw === undefined || raw === '') return DEFAULT_SUPPRESSION_THRESHOLD;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`SUPPRESSION_THRESHOLD måste vara ett heltal ≥ 1 (var "${raw}") / must be a whole number ≥ 1 (was "${raw}")`);
  }
  return n;
}
