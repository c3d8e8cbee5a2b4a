// The search relevance set in chromium: every query of
// tests/fixtures/search/relevance.tsv typed into /search/?q= of a build of
// tests/fixtures/search/site, and the cases it lists must be among the
// first three hits. tests/it/relevance.rs holds the Rust ranking to the
// same set, so a miss here and not there is search.js parting from it.
//
//   node relevance.mjs DIR      DIR: the built fixture site
//
// Also: a snippet shows ` · ` where one section ends and the next begins.
//
// Prints each miss, then one line `relevance: Q queries, P passed, F failed`;
// exits 1 on a miss, a page error or a request to another host.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';
import { startServer } from './server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const dir = process.argv[2];
if (!dir || !fs.existsSync(path.join(dir, 'search', 'index.html'))) {
  console.error('usage: node relevance.mjs DIR   (DIR: a build of tests/fixtures/search/site)');
  process.exit(2);
}

const set = fs
  .readFileSync(path.join(HERE, '../fixtures/search/relevance.tsv'), 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#'))
  .map((l) => {
    const [query, cases, kind] = l.split('\t');
    return { query, cases: cases.split(/\s+/).filter(Boolean), kind };
  });

const server = await startServer(dir);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
const problems = [];
let passed = 0;
let failed = 0;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${page.url()}: console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(server.origin) && !r.url().startsWith('data:')) {
      problems.push(`${page.url()}: request to another host: ${r.url()}`);
    }
  });
  for (const { query, cases, kind } of set) {
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`);
    // The status names the query once its results are drawn.
    await page.waitForFunction(
      (q) => (document.querySelector('[data-search-status]')?.textContent || '').includes(q),
      query,
    );
    const top = await page.$$eval('.hit-title a', (links) =>
      links.slice(0, 3).map((a) => new URL(a.href).pathname.replace(/^\/cases\/|\/$/g, '')),
    );
    const missing = cases.filter((c) => !top.includes(c));
    if (missing.length) {
      failed++;
      console.log(`FAIL  «${query}» (${kind}): ${missing.join(', ')} not in the first three [${top.join(', ')}]`);
    } else {
      passed++;
    }
  }
  // Snippets keep the boundary between sections: Bærum's summary ends and
  // its need begins with a separator, not as one sentence.
  {
    await page.goto(`${server.origin}/search/?q=sykefrav%C3%A6r`);
    const hit = page.locator('.hit', { has: page.locator('a[href$="/cases/baerum-naervaer/"]') });
    await hit.locator('.hit-snippet mark').first().waitFor();
    const snippet = (await hit.locator('.hit-snippet').textContent()).trim();
    if (snippet.includes('hjemmetjenesten. · Sykefraværet')) {
      passed++;
    } else {
      failed++;
      console.log(`FAIL  snippet without a section boundary: ${snippet}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
for (const p of problems) console.log(`FAIL  ${p}`);
console.log(`relevance: ${set.length} queries and 1 snippet, ${passed} passed, ${failed + problems.length} failed`);
process.exit(failed || problems.length ? 1 : 0);
