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

/**
 * A setting that cannot be used: the scripts print its message (Swedish, then English) and stop, with no
 * stack trace.
 */
export class SettingError extends Error {
  readonly sv: string;
  readonly en: string;
  constructor(sv: string, en: string) {
    super(`${sv}\n  ${en}`);
    this.sv = sv;
    this.en = en;
  }
}

/** The setting that lets a build publish every count, however small: without it a threshold below 2 is refused. */
export const PUBLISH_ALL_SETTING = 'PUBLISH_ALL_COUNTS';

/**
 * The suppression threshold: counts from 1 up to (not including) it are never published. A threshold
 * below 2 publishes every count, so it needs a second, explicit setting (PUBLISH_ALL_COUNTS=ja), and then
 * every page of the site says that all counts are shown; a mistyped SUPPRESSION_THRESHOLD=1 alone never
 * turns protection off.
 */
export function suppressionThreshold(env: Record<string, string | undefined> = process.env): number {
  const raw = env.SUPPRESSION_THRESHOLD?.trim() ?? '';
  const flag = (env[PUBLISH_ALL_SETTING] ?? '').trim().toLowerCase();
  if (flag !== '' && flag !== 'ja' && flag !== 'nej') {
    throw new SettingError(
      `FEL: ${PUBLISH_ALL_SETTING} ska vara ja eller nej (var "${env[PUBLISH_ALL_SETTING]}").`,
      `ERROR: ${PUBLISH_ALL_SETTING} must be ja or nej (was "${env[PUBLISH_ALL_SETTING]}").`);
  }
  const publishAll = flag === 'ja';
  if (raw === '') return publishAll ? 1 : DEFAULT_SUPPRESSION_THRESHOLD;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    throw new SettingError(
      `FEL: SUPPRESSION_THRESHOLD måste vara ett heltal, minst 2 (var "${raw}"). Standard är ${DEFAULT_SUPPRESSION_THRESHOLD}: antal 1–${DEFAULT_SUPPRESSION_THRESHOLD - 1} publiceras inte.`,
      `ERROR: SUPPRESSION_THRESHOLD must be a whole number, at least 2 (was "${raw}"). The default is ${DEFAULT_SUPPRESSION_THRESHOLD}: counts 1–${DEFAULT_SUPPRESSION_THRESHOLD - 1} are not published.`);
  }
  if (n < 2 && !publishAll) {
    throw new SettingError(
      `FEL: SUPPRESSION_THRESHOLD=${raw} skulle publicera alla antal, även 1, 2 och 3, så att enskilda personer kan kännas igen. Det minsta värdet som skyddar något är 2. Ska verkligen alla antal publiceras, sätt också ${PUBLISH_ALL_SETTING}=ja; varje sida på webbplatsen säger då att alla antal visas.`,
      `ERROR: SUPPRESSION_THRESHOLD=${raw} would publish every count, also 1, 2 and 3, so that single persons can be recognised. The smallest value that protects anything is 2. If every count really is to be published, also set ${PUBLISH_ALL_SETTING}=ja; every page of the site then says that all counts are shown.`);
  }
  if (n >= 2 && publishAll) {
    throw new SettingError(
      `FEL: ${PUBLISH_ALL_SETTING}=ja säger att alla antal ska publiceras, men SUPPRESSION_THRESHOLD=${raw} döljer antal 1–${n - 1}. Ta bort den ena inställningen.`,
      `ERROR: ${PUBLISH_ALL_SETTING}=ja says that every count is to be published, but SUPPRESSION_THRESHOLD=${raw} hides counts 1–${n - 1}. Remove one of the two settings.`);
  }
  return n;
}
