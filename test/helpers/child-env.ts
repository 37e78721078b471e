// The environment for a project script (build, check-data) started from a test.
//
// Vitest copies Vite's import.meta.env into process.env (BASE_URL=/, MODE=test, DEV, PROD, SSR) and adds
// its own VITEST_* and NODE_ENV=test; a build that inherits them links some assets outside the base path.
// The project's own settings are removed too, so a developer's shell (BASE_PATH=/x/, a lower
// SUPPRESSION_THRESHOLD) cannot change what a test builds: each test sets what it needs in `env`.

const RUNNER = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST', 'NODE_OPTIONS'];
const PROJECT = ['DATA_DIR', 'DIST_DIR', 'BASE_PATH', 'SUPPRESSION_THRESHOLD', 'PUBLISH_ALL_COUNTS', 'CONTACT_EMAIL', 'ORGANISATION_NAME'];

export function childEnv(env: Record<string, string> = {}): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(base)) if (k.startsWith('VITEST') || RUNNER.includes(k) || PROJECT.includes(k)) delete base[k];
  return { ...base, ASTRO_TELEMETRY_DISABLED: '1', ...env };
}
