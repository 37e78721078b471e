// @ts-check
import { defineConfig } from 'astro/config';

// Astro reads this before it sends anything; the build must not talk to any server.
process.env.ASTRO_TELEMETRY_DISABLED = '1';

/** BASE_PATH as Astro wants it: '/' or '/a/b/' (leading and trailing slash, no doubles). */
function basePath(value) {
  const parts = String(value ?? '').split('/').filter(Boolean);
  return parts.length ? `/${parts.join('/')}/` : '/';
}

export default defineConfig({
  output: 'static',
  base: basePath(process.env.BASE_PATH),
  outDir: process.env.OUT_DIR || 'dist',
  // Every page is a folder with index.html and every link ends in '/', so any static file server
  // (nginx, IIS, a plain directory listing) serves it from any sub-path with no rewrites.
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // External CSS and JS only: a strict Content-Security-Policy (no 'unsafe-inline') must hold.
    inlineStylesheets: 'never',
    assets: '_astro',
  },
  // No prefetch, no dev toolbar in the output, no remote images or fonts.
  prefetch: false,
  devToolbar: { enabled: false },
  vite: {
    build: {
      // The duckdb-wasm files are large; never inline any asset as a data: URL (CSP, caching).
      assetsInlineLimit: 0,
      chunkSizeWarningLimit: 2000,
    },
    // duckdb-wasm ships ready-made browser bundles plus a worker and wasm loaded by URL; pre-bundling it
    // breaks those URLs in dev.
    optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
    // The Node engine (a native module) is used only while pages render at build time.
    ssr: { external: ['@duckdb/node-api'] },
  },
});
