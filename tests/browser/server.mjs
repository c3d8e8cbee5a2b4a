// A small static file server for the browser checks.
//
// - binds 127.0.0.1 on a free port chosen by the OS;
// - a directory URL serves its index.html (a directory without a trailing
//   slash is redirected to the slash form, as common static hosts do);
// - anything missing gets the site's own /404.html with status 404;
// - any path with a `..` segment (encoded or not), a NUL byte or a path that
//   would resolve outside the root is refused with 404.
//
// Usable as a module (`startServer(dir)`) or on its own:
//   node server.mjs DIR

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.webmanifest': 'application/manifest+json',
};

function contentType(file) {
  return TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
}

/** Resolve a request path to a file under root, or null when refused. */
export function resolveRequest(root, rawPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..')) return null;
  const full = path.resolve(root, '.' + decoded);
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  return full;
}

export function startServer(dir) {
  const root = fs.realpathSync(path.resolve(dir));
  const server = http.createServer((req, res) => {
    const send404 = () => {
      const page = path.join(root, '404.html');
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.setHeader('Cache-Control', 'no-store');
      if (req.method === 'HEAD') return res.end();
      fs.readFile(page, (err, data) => res.end(err ? '<!doctype html><title>404</title><h1>404</h1>' : data));
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.statusCode = 405;
      return res.end();
    }
    const rawPath = (req.url || '/').split('?')[0].split('#')[0];
    const file = resolveRequest(root, rawPath);
    if (file === null) return send404();
    fs.stat(file, (err, st) => {
      if (err) return send404();
      let target = file;
      if (st.isDirectory()) {
        if (!rawPath.endsWith('/')) {
          const q = (req.url || '').includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
          res.statusCode = 301;
          res.setHeader('Location', rawPath + '/' + q);
          return res.end();
        }
        target = path.join(file, 'index.html');
      }
      // Symlinks pointing outside the root are refused too.
      fs.realpath(target, (err2, real) => {
        if (err2 || (real !== root && !real.startsWith(root + path.sep))) return send404();
        fs.stat(real, (err3, st2) => {
          if (err3 || !st2.isFile()) return send404();
          res.statusCode = 200;
          res.setHeader('Content-Type', contentType(real));
          res.setHeader('Content-Length', st2.size);
          res.setHeader('Cache-Control', 'no-store');
          if (req.method === 'HEAD') return res.end();
          fs.createReadStream(real).pipe(res);
        });
      });
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ server, port, origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node server.mjs DIR');
    process.exit(2);
  }
  const { origin } = await startServer(dir);
  console.log(`serving ${dir} on ${origin}/`);
}
