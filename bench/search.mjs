// Per-query cost of casebook's search against Pagefind's on one built site,
// in headless chromium with the cache off (bench/search.sh runs it).
//
//   node bench/search.mjs DIR [QUERY...]
//
// DIR is a casebook build with a Pagefind index in DIR/pagefind
// (`npx pagefind@1.6.0 --site DIR`). Both are served by one small server
// that gzip-compresses text as a web server does (level 6; Pagefind's own
// files are already compressed and go as they are) and counts the bytes it
// sends. For each query and tool: a fresh page with the cache off, the
// query typed at once into the search field, the time from that input
// event to the first result on screen, then the bytes and files until the
// network has been quiet for 800 ms (snippets and Pagefind's result
// fragments included). The HTML page itself is not counted, since the
// Pagefind page is a stub: everything it loads is. casebook's page is
// /search/; Pagefind's is its default UI (PagefindUI, no debounce).
// "catalogue" is casebook's catalogue page (/) with the query typed into
// its search field: the same search, plus the facet values of every hit
// (search/facets.json and the search/k/ blocks the hits are in), for the
// filters' counts. A last row, "(one theme ticked)", times a click on the
// first theme filter with no query: the one case that reads every block.
//
// Prints a Markdown table and a summary line per tool (medians).

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const BROWSER = path.join(HERE, '../tests/browser');
const { chromium } = createRequire(path.join(BROWSER, 'package.json'))('playwright-core');
const { CHROMIUM, CHROMIUM_ARGS } = await import(path.join(BROWSER, 'chromium.mjs'));

const [dir, ...given] = process.argv.slice(2);
if (!dir || !fs.existsSync(path.join(dir, 'search/index.json'))) {
  console.error('usage: node bench/search.mjs DIR [QUERY...]   (DIR: a casebook build with DIR/pagefind)');
  process.exit(2);
}
const QUERIES = given.length
  ? given
  : ['sykefravær', 'sjukefråvær', 'sykefraværet', 'heltid', 'turnus', 'barum', 'tromso', 'velferdsteknologi',
    'kompetanse', 'rekruttering', 'heltidskultur', 'uønsket deltid', 'nærvær molde', 'hjemmetjenesten'];
const pagefind = fs.existsSync(path.join(dir, 'pagefind/pagefind.js'));

// ---- the server ------------------------------------------------------------

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};
const STUB = `<!doctype html><html lang="nb"><meta charset="utf-8"><title>Pagefind</title>
<link href="/pagefind/pagefind-ui.css" rel="stylesheet"><script src="/pagefind/pagefind-ui.js"></script>
<div id="search"></div><script>window.ui = new PagefindUI({ element: "#search", showSubResults: false, debounceTimeoutMs: 0 });</script>`;
const root = fs.realpathSync(dir);
const gzipped = new Map();
let sent = [];
let lastActivity = Date.now();
const server = http.createServer((req, res) => {
  lastActivity = Date.now();
  let p = decodeURIComponent((req.url || '/').split('?')[0]);
  let body;
  let type;
  if (p === '/__pagefind/') {
    body = Buffer.from(STUB);
    type = TYPES['.html'];
  } else {
    if (p.endsWith('/')) p += 'index.html';
    const file = path.resolve(root, `.${p}`);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.statusCode = 404;
      return res.end();
    }
    body = fs.readFileSync(file);
    type = TYPES[path.extname(file)] || 'application/octet-stream';
  }
  res.setHeader('Content-Type', type);
  res.setHeader('Cache-Control', 'no-store');
  if (type !== 'application/octet-stream' && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
    const key = `${p}\u0000${body.length}`;
    if (!gzipped.has(key)) gzipped.set(key, zlib.gzipSync(body, { level: 6 }));
    body = gzipped.get(key);
    res.setHeader('Content-Encoding', 'gzip');
  }
  res.setHeader('Content-Length', body.length);
  sent.push({ path: p, bytes: body.length, html: type === TYPES['.html'] });
  res.end(body);
  lastActivity = Date.now();
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

// ---- the browser -------------------------------------------------------------

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });

async function quiet(ms) {
  while (Date.now() - lastActivity < ms) await new Promise((r) => setTimeout(r, 100));
}

/** One query on one tool: { ms, bytes, files, hits }. */
async function measure(tool, query) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  sent = [];
  let ms;
  let hits;
  if (tool === 'casebook') {
    await page.goto(`${origin}/search/`);
    await page.waitForSelector('[data-search-page][data-ready]');
    await quiet(300);
    ms = await page.evaluate(async (q) => {
      const input = document.querySelector('#q');
      const results = document.querySelector('[data-search-results]');
      const status = document.querySelector('[data-search-status]');
      const t0 = performance.now();
      input.value = q;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => {
        const done = () => results.querySelector('.hit') || document.querySelector('[data-search-page]').dataset.state === 'none';
        const obs = new MutationObserver(() => {
          if (done()) {
            obs.disconnect();
            resolve();
          }
        });
        obs.observe(results, { childList: true, subtree: true });
        obs.observe(status, { childList: true, characterData: true, subtree: true });
      });
      return performance.now() - t0;
    }, query);
    await quiet(800);
    hits = (await page.locator('[data-search-status]').textContent()).trim();
  } else if (tool === 'catalogue') {
    await page.goto(`${origin}/`);
    await page.waitForSelector('[data-catalogue][data-ready]');
    await quiet(300);
    // What the page fetched to get ready (its index.json and facets.json)
    // counts, as the search page's index.json does.
    ms = await page.evaluate(async (q) => {
      const root = document.querySelector('[data-catalogue]');
      const status = root.querySelector('[data-status]');
      const t0 = performance.now();
      status.textContent = '';
      if (q === null) {
        root.querySelector('.facets input[name="theme"]').click();
      } else {
        const input = root.querySelector('[data-filter-search] input[name="q"]');
        input.value = q;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
      await new Promise((resolve) => {
        const obs = new MutationObserver(() => {
          if (status.textContent) {
            obs.disconnect();
            resolve();
          }
        });
        obs.observe(status, { childList: true, characterData: true, subtree: true });
      });
      return performance.now() - t0;
    }, query);
    await quiet(800);
    hits = (await page.locator('[data-catalogue] [data-status]').textContent()).trim();
  } else {
    await page.goto(`${origin}/__pagefind/`);
    await page.waitForSelector('.pagefind-ui__search-input');
    await quiet(300);
    ms = await page.evaluate(async (q) => {
      const input = document.querySelector('.pagefind-ui__search-input');
      const t0 = performance.now();
      input.value = q;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => {
        const done = () =>
          document.querySelector('.pagefind-ui__result-title') ||
          /\b0\b|No results|Ingen/.test(document.querySelector('.pagefind-ui__message')?.textContent || '');
        const timer = setInterval(() => {
          // Give up after 30 s rather than hang the benchmark.
          if (done() || performance.now() - t0 > 30_000) {
            clearInterval(timer);
            resolve();
          }
        }, 2);
      });
      return performance.now() - t0;
    }, query);
    await quiet(800);
    hits = ((await page.locator('.pagefind-ui__message').textContent().catch(() => '')) || '').trim();
  }
  await context.close();
  const counted = sent.filter((s) => !s.html);
  return {
    ms,
    bytes: counted.reduce((a, s) => a + s.bytes, 0),
    files: counted.length,
    hits,
    errors,
    biggest: [...counted].sort((a, b) => b.bytes - a.bytes).slice(0, 3),
  };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const kB = (b) => `${(b / 1000).toFixed(1)} kB`;

const tools = pagefind ? ['casebook', 'catalogue', 'pagefind'] : ['casebook', 'catalogue'];
const rows = [];
const all = Object.fromEntries(tools.map((t) => [t, []]));
try {
  for (const q of QUERIES) {
    const row = { q };
    for (const t of tools) {
      // One warm-up on the first query, so the browser's start is not timed.
      if (rows.length === 0) await measure(t, q);
      const m = await measure(t, q);
      row[t] = m;
      all[t].push(m);
      if (m.errors.length) console.error(`${t} "${q}": page errors: ${m.errors.join('; ')}`);
      if (process.env.VERBOSE) {
        console.error(`${t} "${q}": ${m.biggest.map((b) => `${b.path} ${b.bytes}`).join(', ')}`);
      }
    }
    rows.push(row);
  }
  // A filter with no search: not a query, so not in the medians.
  const m = await measure('catalogue', null);
  if (m.errors.length) console.error(`catalogue (one theme ticked): page errors: ${m.errors.join('; ')}`);
  rows.push({ q: '(one theme ticked)', catalogue: m });
} finally {
  await browser.close();
  server.close();
}

const head = ['query', ...tools.flatMap((t) => [`${t} gzip`, `${t} files`, `${t} first results`, `${t} says`])];
console.log(`| ${head.join(' | ')} |`);
console.log(`|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`);
for (const r of rows) {
  const cells = [r.q];
  for (const t of tools) {
    const m = r[t];
    if (!m) {
      cells.push('', '', '', '');
      continue;
    }
    cells.push(kB(m.bytes), String(m.files), `${m.ms.toFixed(0)} ms`, m.hits.replace(/\|/g, '/').slice(0, 40));
  }
  console.log(`| ${cells.join(' | ')} |`);
}
console.log();
for (const t of tools) {
  const ms = all[t].map((m) => m.ms);
  const bytes = all[t].map((m) => m.bytes);
  const files = all[t].map((m) => m.files);
  console.log(
    `${t}: median ${kB(median(bytes))} (max ${kB(Math.max(...bytes))}), ` +
      `files ${Math.min(...files)}–${Math.max(...files)}, first results median ${median(ms).toFixed(0)} ms (max ${Math.max(...ms).toFixed(0)} ms)`,
  );
}
