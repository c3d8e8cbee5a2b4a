// Words never break in the middle (issue 17, DESIGN.md §4).
//
//   node words.mjs DIR
//
// Serves a built site, opens every page of every kind in headless chromium at
// 360, 390 and 1280 px and reports each word in a table cell, heading, label,
// term or button whose letters lie on more than one line: a word broken
// inside by `overflow-wrap` or squeezed by a narrow column. Breaks at spaces,
// hyphens, dashes and slashes are where words may wrap and are not counted.
// Prints every split word, then one line
//   words: pages=N splits=S
// and exits 1 when S > 0 or no page was checked.

import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';
import { startServer } from './server.mjs';

export const WORD_WIDTHS = [360, 390, 1280];

/** Elements whose words must stay whole. */
export const WORD_SELECTOR = [
  'th', 'td', 'caption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'label', 'legend',
  'dt', 'dd', 'figcaption', 'button', '.tags a', '.chip', '.term-list a', '.site-nav a', '.site-title',
].join(', ');

/**
 * In the page: the words of `selector`'s elements that lie on more than one
 * line, as `{ where, word, lines }`. A word is a run of characters between
 * spaces, hyphens, dashes and slashes; its lines are the distinct tops of
 * its client rects (one rect per line box it touches).
 */
export function splitWordsInPage(selector) {
  const found = [];
  const seen = new Set();
  const describe = (el) => {
    const name = (e) => e.tagName.toLowerCase() + (e.id ? `#${e.id}` : e.classList.length ? `.${[...e.classList].join('.')}` : '');
    const chain = [];
    for (let e = el; e && e !== document.body && chain.length < 3; e = e.parentElement) chain.unshift(name(e));
    return chain.join(' > ');
  };
  for (const el of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (seen.has(node)) continue;
      seen.add(node);
      const text = node.data;
      for (const m of text.matchAll(/[^\s\-\u2010-\u2015/\u00ad]+/gu)) {
        if (m[0].length < 2) continue;
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = [];
        for (const r of range.getClientRects()) {
          if (r.width < 0.5 || r.height < 0.5) continue;
          if (!tops.some((t) => Math.abs(t - r.top) < r.height / 2)) tops.push(r.top);
        }
        if (tops.length > 1) found.push({ where: describe(node.parentElement), word: m[0], lines: tops.length });
      }
    }
  }
  return found;
}

/** The split words of one open page at one width. */
export async function splitWords(page) {
  return page.evaluate(splitWordsInPage, WORD_SELECTOR);
}

async function main() {
  const dir = process.argv[2];
  if (!dir || !fs.existsSync(path.join(dir, 'index.html'))) {
    console.error('usage: node words.mjs BUILT_SITE_DIR');
    process.exit(2);
  }
  const pages = ['/'];
  const sitemap = fs.readFileSync(path.join(dir, 'sitemap.xml'), 'utf8');
  for (const m of sitemap.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)) {
    const p = new URL(m[1].replace(/&amp;/g, '&')).pathname;
    if (!pages.includes(p)) pages.push(p);
  }
  pages.push('/search/', '/404.html');
  const srv = await startServer(dir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  let splits = 0;
  let checked = 0;
  try {
    const context = await browser.newContext({ locale: 'nb-NO' });
    const page = await context.newPage();
    for (const p of [...new Set(pages)]) {
      for (const width of WORD_WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(srv.origin + p, { waitUntil: 'load' });
        if (await page.evaluate(() => document.scripts.length > 0)) {
          await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
        }
        for (const s of await splitWords(page)) {
          splits += 1;
          console.log(`WORD     ${p} @${width}px [word-split] «${s.word}» lies on ${s.lines} lines in ${s.where}`);
        }
      }
      checked += 1;
    }
  } finally {
    await browser.close();
    await srv.close();
  }
  console.log(`words: pages=${checked} splits=${splits}`);
  process.exit(splits > 0 || checked === 0 ? 1 : 0);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
