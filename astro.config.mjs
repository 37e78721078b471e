// @ts-check
import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'astro/config';
import { containsPersonalNumber } from './src/data/personnummer.ts';

// Astro reads this before it sends anything; the build must not talk to any server.
process.env.ASTRO_TELEMETRY_DISABLED = '1';

/**
 * BASE_PATH as Astro wants it: '/' or '/a/b/' (leading and trailing slash, no doubles).
 * @param {string | undefined} value
 */
function basePath(value) {
  const parts = String(value ?? '').split('/').filter(Boolean);
  return parts.length ? `/${parts.join('/')}/` : '/';
}

const base = basePath(process.env.BASE_PATH);

/**
 * `astro dev` only: serve the published data folder (SOCIALSTATISTIK_DATA) at `<base>data/`, where the
 * build puts it, so the browser engine works in development too. The build copies the folder itself.
 * @returns {import('vite').Plugin}
 */
function serveDataInDev() {
  return {
    name: 'socialstatistik:serve-data-in-dev',
    apply: 'serve',
    configureServer(server) {
      const dir = process.env.SOCIALSTATISTIK_DATA;
      if (!dir) return;
      server.middlewares.use((req, res, next) => {
        // Astro's dev server may already have taken the base path off the URL.
        const url = (req.url ?? '').split('?')[0];
        const prefix = [`${base}data/`, '/data/'].find((p) => url.startsWith(p));
        const name = prefix ? url.slice(prefix.length) : '';
        if (!/^(?:[a-z_]+\.duckdb|manifest\.json)$/.test(name)) return next();
        const file = path.join(dir, name);
        if (!existsSync(file)) return next();
        res.setHeader('Content-Type', name.endsWith('.json') ? 'application/json' : 'application/octet-stream');
        res.setHeader('Content-Length', String(statSync(file).size));
        createReadStream(file).pipe(res);
      });
    },
  };
}

/**
 * A third-party chunk may hold integer constants that happen to read as a valid personal identity
 * number: exceljs bundles SHA-2 tables (1203062813, 3609767458 …), and the dist/ scan, rightly, allows no
 * such digits in any file. In a chunk made only of node_modules code (no data ever reaches it: the data
 * goes into the pages and the .duckdb files), such a numeric literal is written in hexadecimal, the same
 * number to JavaScript. Only literals between `,`/`=`/`[`/`(`/`:` and `,`/`;`/`]`/`)`/`}`, as minified
 * arrays and assignments write them, are touched.
 * @returns {import('vite').Plugin}
 */
function vendorNumbersAsHex() {
  return {
    name: 'socialstatistik:vendor-numbers-as-hex',
    apply: 'build',
    // After minification (which would print the number in decimal again), on the files as written.
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        // Rollup's own helpers (ids starting with \0) come with the library; project code never does.
        const ids = chunk.moduleIds ?? Object.keys(chunk.modules ?? {});
        if (!ids.length || !ids.every((id) => id.includes('/node_modules/') || id.startsWith('\0'))) continue;
        chunk.code = chunk.code.replace(/(?<=[,=[(:])(\d{10,12})(?=[,;\])}])/g, (digits) =>
          containsPersonalNumber(digits) ? `0x${Number(digits).toString(16)}` : digits,
        );
      }
    },
  };
}

export default defineConfig({
  output: 'static',
  base,
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
    plugins: [serveDataInDev(), vendorNumbersAsHex()],
    build: {
      // The duckdb-wasm files are large; never inline any asset as a data: URL (CSP, caching).
      assetsInlineLimit: 0,
      chunkSizeWarningLimit: 2000,
      rollupOptions: {
        output: {
          // exceljs in a chunk of its own (loaded only when an Excel file is asked for; see vendorNumbersAsHex).
          manualChunks: (id) => (id.includes('/node_modules/exceljs/') ? 'exceljs' : undefined),
        },
      },
    },
    // duckdb-wasm ships ready-made browser bundles plus a worker and wasm loaded by URL; pre-bundling it
    // breaks those URLs in dev.
    optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
    // The Node engine (a native module) is used only while pages render at build time.
    ssr: { external: ['@duckdb/node-api'] },
  },
});
