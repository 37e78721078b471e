// `npm run serve`: serves the built site (dist/) under BASE_PATH on 127.0.0.1, like any plain static
// file server would: files as they are, a folder's index.html, 404 otherwise. No dependency, no rewrites,
// no special headers, so what works here works on an intranet's nginx or IIS.
//   PORT (default 4321; the next free port is used if it is taken), BASE_PATH (default /), DIST_DIR.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.duckdb': 'application/octet-stream',
  '.arrow': 'application/vnd.apache.arrow.file',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml; charset=utf-8',
  '.pdf': 'application/pdf',
};

export function mimeType(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** '/' or '/a/b/': leading and trailing slash. */
export function normaliseBase(base: string | undefined): string {
  const parts = String(base ?? '').split('/').filter(Boolean);
  return parts.length ? `/${parts.join('/')}/` : '/';
}

export interface ServerOptions {
  /** The folder to serve (the built site). */
  root: string;
  /** The sub-path the site lives under. Default '/'. */
  base?: string;
  /** The first port to try; 0 picks any free port. Default 4321. */
  port?: number;
  /** Log each request to stdout. */
  log?: boolean;
}

export interface RunningServer {
  /** The site's URL, ending in '/': http://127.0.0.1:4321/intranat/socialstatistik/ */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The file for a URL path under `base`, or null when the path is outside the site. */
export function resolvePath(root: string, base: string, urlPath: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const withSlash = pathname.endsWith('/') ? pathname : `${pathname}/`;
  if (!withSlash.startsWith(base)) return null;
  const rest = pathname.slice(base.length - 1);
  const file = path.resolve(root, `.${path.posix.normalize(rest)}`);
  const inside = path.relative(root, file);
  if (inside.startsWith('..') || path.isAbsolute(inside)) return null;
  return file;
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function handler(root: string, base: string, log: boolean) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    if (log) console.log(`${req.method} ${url}`);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      send(res, 405, 'Method Not Allowed');
      return;
    }
    const pathname = url.split('?')[0];
    // The site's root without its trailing slash: redirect, as static servers do for folders.
    if (`${pathname}/` === base) {
      res.writeHead(301, { Location: base });
      res.end();
      return;
    }
    // Convenience for `npm start` with a BASE_PATH: the server's root points at the site.
    if (pathname === '/' && base !== '/') {
      res.writeHead(302, { Location: base });
      res.end();
      return;
    }
    const target = resolvePath(root, base, url);
    if (!target) return send(res, 404, 'Not Found');
    let file = target;
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        const query = url.includes('?') ? url.slice(url.indexOf('?')) : '';
        res.writeHead(301, { Location: `${pathname}/${query}` });
        res.end();
        return;
      }
      file = path.join(file, 'index.html');
      info = await stat(file).catch(() => null);
    }
    if (!info?.isFile()) return send(res, 404, 'Not Found');
    res.writeHead(200, {
      'Content-Type': mimeType(file),
      'Content-Length': info.size,
      'Last-Modified': info.mtime.toUTCString(),
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, '127.0.0.1');
  });
}

/** Serve `root` under `base` on 127.0.0.1, from `port` upwards (the first free one of the next 20). */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const root = path.resolve(options.root);
  const base = normaliseBase(options.base);
  const server = createServer(handler(root, base, options.log ?? false));
  const first = options.port ?? 4321;
  let port = -1;
  for (let attempt = 0; attempt < (first === 0 ? 1 : 20); attempt++) {
    try {
      port = await listen(server, first === 0 ? 0 : first + attempt);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    }
  }
  if (port < 0) throw new Error(`No free port from ${first} to ${first + 19}`);
  return {
    url: `http://127.0.0.1:${port}${base}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

if (import.meta.main) {
  const root = path.resolve(import.meta.dirname, '..', process.env.DIST_DIR || 'dist');
  const info = await stat(path.join(root, 'index.html')).catch(() => null);
  if (!info) {
    console.error(`Hittar ingen byggd webbplats i ${root}: kör \`npm run build\` först.`);
    console.error(`No built site in ${root}: run \`npm run build\` first.`);
    process.exit(1);
  }
  const server = await startServer({
    root,
    base: process.env.BASE_PATH,
    port: process.env.PORT ? Number(process.env.PORT) : 4321,
    log: process.env.LOG === '1',
  });
  console.log(`Socialstatistik: ${server.url}`);
  console.log('Avsluta med Ctrl+C / stop with Ctrl+C.');
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
