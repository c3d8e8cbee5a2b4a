// The shipped catalogue as its readers meet it (issue 17, DESIGN.md §4):
// on a phone, on paper, and with no word broken in the middle.
//
//   node reader.mjs DIR        DIR: the built content/ site
//
// In headless chromium:
//   words     every page (all kinds, from sitemap.xml plus /, /search/ and
//             /404.html) at 360, 390 and 1280 px: no word of a table cell,
//             heading, label, term, chip or button lies on two lines. A word
//             is a run of characters between spaces, hyphens, dashes,
//             slashes and soft hyphens, where lines may break;
//   phone     the catalogue at 360 px: search, then one filter button that
//             says how many filters are active, then the results, in that
//             order on screen and for the keyboard; the active filters as
//             removable chips; a heading and count that say what is shown;
//             axe-core on the open filter panel; without JavaScript a notice
//             that filters in the address need it, with links to the
//             theme, programme and county lists;
//   cards     every page at 390 and 1280 px: the cards in one row of a card
//             list are equally tall;
//   print     /cases/porsgrunn/ printed to an A4 PDF has at most 5 pages;
//             printed, a case shows no navigation, search, filters or
//             related cases, keeps each chart with its data table in one
//             unbreakable block shorter than a page, and writes the
//             address after an external link.
// Prints every finding, then one line
//   reader: pages=N words=W cards=C phone=P print=R
// and exits 1 on any finding or when no page was checked.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';
import { startServer } from './server.mjs';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const WORD_WIDTHS = [360, 390, 1280];
const PHONE = 360;
const MAX_PRINT_PAGES = 5;
const PRINT_CASE = '/cases/porsgrunn/';
// A4 less the @page margins (15 mm each side, 16 + 18 mm top and bottom) in CSS px.
const PRINT_WIDTH = Math.floor(((210 - 30) / 25.4) * 96);
const PRINT_HEIGHT = Math.floor(((297 - 34) / 25.4) * 96);

/** Elements whose words must stay whole. */
const WORD_SELECTOR = [
  'th', 'td', 'caption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'label', 'legend', 'dt', 'dd',
  'figcaption', 'button', '.tags a', '.term-list a', '.site-nav a', '.site-title', '.kicker',
].join(', ');

const totals = { pages: 0, words: 0, cards: 0, phone: 0, print: 0 };
const CARD_WIDTHS = new Set([390, 1280]);
const findings = [];
function finding(kind, where, message) {
  totals[kind] += 1;
  findings.push(`${kind.toUpperCase().padEnd(8)} ${where} ${message}`);
}
const note = (msg) => console.error(`reader-check: ${msg}`);

/**
 * In the page: the words of `selector`'s elements whose letters lie on more
 * than one line, as `{ where, word, lines }`. The lines of a word are the
 * distinct tops of its client rects (one rect per line box it touches).
 */
function splitWordsInPage(selector) {
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
      for (const m of node.data.matchAll(/[^\s\-\u2010-\u2015/\u00ad]+/gu)) {
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

/**
 * In the page: the rows of card lists whose cards differ in height, each as
 * the list of its cards' heights. A row is the cards of one list that share
 * a top edge.
 */
function unevenCardRows() {
  const uneven = [];
  for (const list of document.querySelectorAll('.cards')) {
    const rows = new Map();
    for (const card of list.querySelectorAll(':scope > .card')) {
      const r = card.getBoundingClientRect();
      if (r.height === 0) continue;
      const top = Math.round(r.top);
      if (!rows.has(top)) rows.set(top, []);
      rows.get(top).push(Math.round(r.height));
    }
    for (const heights of rows.values()) {
      if (heights.length > 1 && Math.max(...heights) - Math.min(...heights) > 1) uneven.push(heights);
    }
  }
  return uneven;
}

async function settle(page) {
  if (await page.evaluate(() => document.scripts.length > 0)) {
    await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
  }
}

// ---------------------------------------------------------------- words
async function checkWords(browser, origin, paths) {
  const context = await browser.newContext({ locale: 'nb-NO' });
  const page = await context.newPage();
  for (const p of paths) {
    for (const width of WORD_WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      const resp = await page.goto(origin + p, { waitUntil: 'load' });
      if (!resp || (resp.status() !== 200 && p !== '/404.html')) {
        finding('words', `${p} @${width}px`, `[page-error] HTTP ${resp ? resp.status() : 'none'}`);
        continue;
      }
      await settle(page);
      for (const s of await page.evaluate(splitWordsInPage, WORD_SELECTOR)) {
        finding('words', `${p} @${width}px`, `[word-split] «${s.word}» lies on ${s.lines} lines in ${s.where}`);
      }
      if (CARD_WIDTHS.has(width)) {
        for (const row of await page.evaluate(unevenCardRows)) {
          finding('cards', `${p} @${width}px`, `[card-height] cards in one row are ${row.join(', ')} px tall`);
        }
      }
    }
    totals.pages += 1;
  }
  await context.close();
}

// ---------------------------------------------------------------- phone
async function checkPhone(browser, origin) {
  const where = (p) => `${p} @${PHONE}px`;
  // bypassCSP: so that axe-core can be injected under the pages' strict CSP.
  const context = await browser.newContext({ viewport: { width: PHONE, height: 800 }, locale: 'nb-NO', bypassCSP: true });
  const page = await context.newPage();
  const expect = (ok, p, rule, message) => {
    if (!ok) finding('phone', where(p), `[${rule}] ${message}`);
  };

  // 1. The whole catalogue: the button sits between the search and the cards.
  await page.goto(`${origin}/`);
  await page.waitForSelector('[data-catalogue][data-ready]');
  const layout = await page.evaluate(() => {
    const box = (sel) => {
      const e = document.querySelector(sel);
      if (!e) return null;
      const r = e.getBoundingClientRect();
      return { top: r.top + scrollY, height: r.height, visible: r.height > 0 && getComputedStyle(e).visibility !== 'hidden' };
    };
    const toggle = document.querySelector('[data-filters-toggle]');
    return {
      search: box('#katalog-q'),
      toggle: box('[data-filters-toggle]'),
      panel: box('[data-browse]'),
      firstCard: box('[data-results] .card'),
      expanded: toggle && toggle.getAttribute('aria-expanded'),
      controls: toggle && toggle.getAttribute('aria-controls'),
      text: toggle && toggle.textContent.trim(),
    };
  });
  expect(layout.toggle && layout.toggle.visible, '/', 'filter-button', 'no visible filter button');
  if (layout.toggle && layout.search && layout.firstCard) {
    expect(layout.search.top < layout.toggle.top && layout.toggle.top < layout.firstCard.top, '/', 'filters-above-results', `search at ${layout.search.top}px, filter button at ${layout.toggle.top}px, first card at ${layout.firstCard.top}px`);
  }
  expect(layout.panel && !layout.panel.visible, '/', 'filters-folded', 'the filter panel is open before the button is pressed');
  expect(layout.expanded === 'false' && layout.controls === 'filtre', '/', 'filter-button', `aria-expanded="${layout.expanded}" aria-controls="${layout.controls}"`);
  expect(layout.text === 'Filtre', '/', 'filter-count', `with no filter the button says «${layout.text}»`);

  // 2. A shared link with two filters.
  const shared = '/?theme=sykefravaer&county=telemark';
  await page.goto(origin + shared);
  await page.waitForSelector('[data-catalogue][data-ready]');
  await page.waitForFunction(() => document.querySelector('[data-catalogue]').dataset.state === 'filtered');
  const view = await page.evaluate(() => ({
    button: document.querySelector('[data-filters-toggle]').textContent.replace(/\s+/g, ' ').trim(),
    chips: [...document.querySelectorAll('[data-chips] .chip')].map((c) => c.getAttribute('aria-label')),
    heading: document.querySelector('#eksempler').textContent.replace(/\s+/g, ' ').trim(),
    cards: [...document.querySelectorAll('[data-results] .card-title')].map((c) => c.textContent.trim()),
  }));
  expect(view.button === 'Filtre (2 aktive)', shared, 'filter-count', `the button says «${view.button}», not «Filtre (2 aktive)»`);
  expect(JSON.stringify(view.chips) === JSON.stringify(['Fjern Sykefravær og nærvær', 'Fjern Telemark']), shared, 'chips', `chips ${JSON.stringify(view.chips)}`);
  expect(view.heading === 'Utvalg: Sykefravær og nærvær, Telemark 1 av 5 eksempler', shared, 'heading', `the heading says «${view.heading}»`);
  expect(view.cards.length === 1 && view.cards[0].startsWith('Kvalitetskommunen Porsgrunn'), shared, 'results', `cards ${JSON.stringify(view.cards)}`);

  // 3. Keyboard order: search field, filter button, chips, then the cards.
  await page.focus('#katalog-q');
  const order = ['search'];
  for (let i = 0; i < 12 && !order.includes('card'); i++) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => {
      const e = document.activeElement;
      if (e.matches('[data-filters-toggle]')) return 'filters';
      if (e.matches('.chip')) return 'chip';
      if (e.closest('[data-results] .card')) return 'card';
      if (e.closest('[data-browse]')) return 'panel';
      return e.tagName.toLowerCase();
    }));
  }
  const firstOf = (k) => order.indexOf(k);
  expect(firstOf('filters') > 0 && firstOf('filters') < firstOf('chip') && firstOf('chip') < firstOf('card') && !order.includes('panel'), shared, 'keyboard-order', `Tab from the search field goes ${order.join(' → ')}`);

  // 4. Removing a chip drops that filter and keeps the focus in the row.
  await page.getByRole('button', { name: 'Fjern Telemark' }).click();
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('county'));
  const after = await page.evaluate(() => ({
    chips: document.querySelectorAll('[data-chips] .chip').length,
    focus: document.activeElement.getAttribute('aria-label'),
    heading: document.querySelector('[data-results-heading]').textContent,
    button: document.querySelector('[data-filters-toggle]').textContent.replace(/\s+/g, ' ').trim(),
  }));
  expect(after.chips === 1 && after.focus === 'Fjern Sykefravær og nærvær', shared, 'chips', `after removing Telemark: ${after.chips} chip(s), focus on «${after.focus}»`);
  expect(after.heading === 'Utvalg: Sykefravær og nærvær' && after.button === 'Filtre (1 aktivt)', shared, 'heading', `after removing Telemark the heading says «${after.heading}», the button «${after.button}»`);

  // 5. The button opens the panel; axe-core on the open panel.
  await page.click('[data-filters-toggle]');
  const open = await page.evaluate(() => ({
    expanded: document.querySelector('[data-filters-toggle]').getAttribute('aria-expanded'),
    box: document.querySelector('[data-browse] input[type=checkbox]') ? document.querySelector('[data-browse] input[type=checkbox]').getBoundingClientRect().height : 0,
  }));
  expect(open.expanded === 'true' && open.box > 0, shared, 'filters-open', `after a press: aria-expanded="${open.expanded}", checkbox height ${open.box}px`);
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
  for (const v of violations) finding('phone', where(`${shared} (filters open)`), `[axe] ${v}`);

  // 6. On a wide screen there is no button, and the filters are a column.
  await page.setViewportSize({ width: 1280, height: 800 });
  const wide = await page.evaluate(() => ({
    toggle: document.querySelector('[data-filters-toggle]').getBoundingClientRect().height,
    panel: document.querySelector('[data-browse]').getBoundingClientRect(),
    results: document.querySelector('.results').getBoundingClientRect(),
  }));
  expect(wide.toggle === 0 && wide.panel.height > 0 && wide.panel.right <= wide.results.left, shared, 'wide-layout', 'at 1280 px the filter button shows or the filters are not a column left of the results');
  await context.close();

  // 7. Without JavaScript: a notice with links instead of silently showing all.
  const nojs = await browser.newContext({ viewport: { width: PHONE, height: 800 }, javaScriptEnabled: false, locale: 'nb-NO' });
  const np = await nojs.newPage();
  await np.goto(origin + shared);
  const notice = await np.evaluate(() => {
    const n = [...document.querySelectorAll('.notice')].find((e) => e.getBoundingClientRect().height > 0);
    if (!n) return null;
    return { text: n.textContent, links: [...n.querySelectorAll('a')].map((a) => a.getAttribute('href')) };
  });
  expect(notice && /JavaScript/.test(notice.text), `${shared} (no JavaScript)`, 'nojs-filters', 'no visible notice that filters in the address need JavaScript');
  if (notice) {
    for (const list of ['/themes/', '/programmes/', '/counties/']) {
      expect(notice.links.includes(list), `${shared} (no JavaScript)`, 'nojs-filters', `the notice does not link to ${list}`);
    }
  }
  await nojs.close();
}

// ---------------------------------------------------------------- print
function pdfPageCount(pdf) {
  const text = pdf.toString('latin1');
  const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/g)].map((m) => Number(m[1]));
  if (counts.length) return Math.max(...counts);
  return (text.match(/\/Type\s*\/Page\b(?!s)/g) || []).length;
}

async function checkPrint(browser, origin, paths) {
  const context = await browser.newContext({ locale: 'nb-NO' });
  const page = await context.newPage();
  if (!paths.includes(PRINT_CASE)) {
    finding('print', PRINT_CASE, '[print-missing] the case is not in the site');
  } else {
    await page.goto(origin + PRINT_CASE, { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    const n = pdfPageCount(pdf);
    note(`print: ${PRINT_CASE} → ${n} A4 page(s), ${pdf.length} bytes`);
    if (!(n >= 1 && n <= MAX_PRINT_PAGES)) finding('print', PRINT_CASE, `[print-pages] prints on ${n} A4 pages, more than ${MAX_PRINT_PAGES}`);
  }

  // The printed layout of every case, and of a page with an external link.
  await page.setViewportSize({ width: PRINT_WIDTH, height: PRINT_HEIGHT });
  await page.emulateMedia({ media: 'print' });
  for (const p of paths.filter((x) => x.startsWith('/cases/'))) {
    await page.goto(origin + p, { waitUntil: 'load' });
    const r = await page.evaluate((pageHeight) => {
      const shown = (sel) => [...document.querySelectorAll(sel)].filter((e) => e.getBoundingClientRect().height > 0).map((e) => sel);
      const hidden = [...shown('.site-nav'), ...shown('.search-form'), ...shown('.browse'), ...shown('.related'), ...shown('.footer-links'), ...shown('.skip-link')];
      const charts = [...document.querySelectorAll('.chart-block')].map((b) => ({
        avoid: getComputedStyle(b).breakInside,
        height: b.getBoundingClientRect().height,
        table: !!b.querySelector('table') && b.querySelector('table').getBoundingClientRect().height > 0,
        svg: [...b.querySelectorAll('svg')].some((s) => s.getBoundingClientRect().height > 0),
      }));
      return { hidden, charts, pageHeight };
    }, PRINT_HEIGHT);
    for (const h of r.hidden) finding('print', p, `[print-content] ${h} is printed`);
    r.charts.forEach((c, i) => {
      if (!c.svg || !c.table) finding('print', p, `[print-chart] chart ${i + 1} prints without its ${c.svg ? 'data table' : 'drawing'}`);
      if (c.avoid !== 'avoid') finding('print', p, `[print-chart] chart ${i + 1} may split across pages (break-inside: ${c.avoid})`);
      if (c.height > r.pageHeight) finding('print', p, `[print-chart] chart ${i + 1} with its table is ${Math.round(c.height)}px, taller than a page (${r.pageHeight}px)`);
    });
  }
  const external = paths.find((x) => x.startsWith('/pages/tilgjengelighet'));
  if (external) {
    await page.goto(origin + external, { waitUntil: 'load' });
    const links = await page.evaluate(() => [...document.querySelectorAll('main a[href^="http"]')].map((a) => ({ href: a.href, after: getComputedStyle(a, '::after').content })));
    if (links.length === 0) finding('print', external, '[print-links] no external link to check');
    for (const l of links) {
      if (!l.after.includes(l.href.replace(/\/$/, ''))) finding('print', external, `[print-links] ${l.href} prints without its address (::after ${l.after})`);
    }
  }
  await context.close();
}

// ---------------------------------------------------------------- main
const dir = process.argv[2];
if (!dir || !fs.existsSync(path.join(dir, 'index.html'))) {
  console.error('usage: node reader.mjs BUILT_SITE_DIR');
  process.exit(2);
}
const paths = ['/'];
const sitemap = path.join(dir, 'sitemap.xml');
if (fs.existsSync(sitemap)) {
  for (const m of fs.readFileSync(sitemap, 'utf8').matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)) {
    paths.push(new URL(m[1].replace(/&amp;/g, '&')).pathname);
  }
}
paths.push('/search/', '/404.html');
const unique = [...new Set(paths)];

const srv = await startServer(dir);
let browser;
try {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  for (const [kind, check] of [['words', () => checkWords(browser, srv.origin, unique)], ['phone', () => checkPhone(browser, srv.origin)], ['print', () => checkPrint(browser, srv.origin, unique)]]) {
    try {
      await check();
    } catch (e) {
      finding(kind, dir, `[error] could not check: ${String(e.message || e).split('\n')[0]}`);
    }
  }
} finally {
  if (browser) await browser.close();
  await srv.close();
}
for (const f of findings) console.log(f);
console.log(`reader: pages=${totals.pages} words=${totals.words} cards=${totals.cards} phone=${totals.phone} print=${totals.print}`);
process.exit(findings.length > 0 || totals.pages === 0 ? 1 : 0);
