// Bundles bench-client.ts with Vite into `<dist>/_bench/` of the benchmark's temporary site, under the
// site's base path, so the client fetches the data files from `<base>data/` like the pages do. It is
// added after the site's build (which is timed without it) and only to the benchmark's copy.
import path from 'node:path';
import { build } from 'vite';
import { projectRoot } from './config.ts';

export const BENCH_CLIENT_DIR = '_bench';

/** Builds the client; returns its URL path under `base` (e.g. `/bench/socialstatistik/_bench/bench.js`). */
export async function bundleBenchClient(dist: string, base: string): Promise<string> {
  await build({
    configFile: false,
    root: projectRoot,
    base,
    logLevel: 'error',
    publicDir: false,
    build: {
      outDir: dist,
      emptyOutDir: false,
      assetsInlineLimit: 0,
      modulePreload: false,
      minify: false,
      rollupOptions: {
        input: { bench: path.join(projectRoot, 'scripts', 'lib', 'bench-client.ts') },
        output: {
          format: 'es',
          entryFileNames: `${BENCH_CLIENT_DIR}/[name].js`,
          chunkFileNames: `${BENCH_CLIENT_DIR}/[name]-[hash].js`,
          assetFileNames: `${BENCH_CLIENT_DIR}/[name]-[hash][extname]`,
        },
      },
    },
  });
  return `${base}${BENCH_CLIENT_DIR}/bench.js`;
}
