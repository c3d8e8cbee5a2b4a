// Browser checks for a built casebook site (DESIGN.md §4 and §9, issue 6).
//
//   node check.mjs [--expect-kinds LIST] [--label NAME] DIR [DIR …]
//
// For each built folder: serve it on 127.0.0.1, crawl every internal link
// from `/` (plus /404.html, /search/ and every URL in sitemap.xml), open each
// page in headless chromium at 1280, 360 and 320 px, and
//   - run axe-core (WCAG 2.0/2.1 A and AA)             → axe
//   - check that nothing overflows at 320 px (reflow)  → axe
//   - record every request; another host              → external
//   - check every internal link, resource and #anchor  → broken
//   - run the Nu Html Checker on every HTML page       → vnu
//   - keyboard: first Tab reaches a visible skip link  → axe
//   - without JavaScript the catalogue lists the cases → axe
// Prints every finding, then exactly one line
//   pages=N axe=A vnu=V external=E broken=B
// and exits 1 on any finding (or when no page was checked).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';
import { startServer } from './server.mjs';

const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));

// 360 px: the common phone width the catalogue is laid out for (issue 17).
const WIDTHS = [1280, 360, 320];
const HEIGHT = 900;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const CONCURRENCY = Number(process.env.BROWSER_CHECK_JOBS || 2);
const NAV_TIMEOUT = 30_000;
const SKIP_TEXT = /hopp til hovudinnhald|hopp til hovedinnhold/i;
const ALL_KINDS = ['home', 'case', 'themes', 'theme', 'programme', 'county', 'municipality', 'page', 'search', '404'];

const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const vnuJar = path.join(path.dirname(require.resolve('vnu-jar/package.json')), 'build', 'dist', 'vnu.jar');

// ---------------------------------------------------------------- arguments
// Options apply to the DIR that follows them:
//   --label NAME          prefix of this site's findings
//   --expect-kinds LIST   page kinds the crawl must reach (all, or k1,k2,…)
const argv = process.argv.slice(2);
const sites = [];
let pending = {};
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--expect-kinds') {
    const v = argv[++i] || '';
    pending.kinds = v === 'all' ? ALL_KINDS : v.split(',').filter(Boolean);
    const unknown = pending.kinds.filter((k) => !ALL_KINDS.includes(k));
    if (unknown.length) {
      console.error(`check.mjs: unknown page kind ${unknown.join(', ')} (known: ${ALL_KINDS.join(', ')})`);
      process.exit(2);
    }
  } else if (a === '--label') pending.label = argv[++i];
  else if (a.startsWith('--')) {
    console.error(`check.mjs: unknown option ${a}`);
    process.exit(2);
  } else {
    sites.push({ dir: a, ...pending });
    pending = {};
  }
}
if (sites.length === 0) {
  console.error('usage: node check.mjs [--label NAME] [--expect-kinds all|k1,k2] DIR […]');
  process.exit(2);
}

// ---------------------------------------------------------------- findings
const totals = { pages: 0, axe: 0, vnu: 0, external: 0, broken: 0 };
const findings = [];
function finding(kind, where, width, rule, message) {
  totals[kind] += 1;
  const w = width ? ` @${width}px` : '';
  const line = `${kind.toUpperCase().padEnd(8)} ${where}${w} [${rule}] ${message}`;
  findings.push({ where, width: width || 0, line });
}
function note(msg) {
  console.error(`browser-check: ${msg}`);
}

// ---------------------------------------------------------------- helpers
function pageKind(pathname) {
  if (pathname === '/' || pathname === '/index.html') return 'home';
  if (pathname === '/404.html') return '404';
  if (/^\/search\/(index\.html)?$/.test(pathname)) return 'search';
  if (/^\/themes\/(index\.html)?$/.test(pathname)) return 'themes';
  const m = pathname.match(/^\/(cases|themes|programmes|counties|municipalities|pages)\/[^/]+\/(index\.html)?$/);
  if (m) {
    return { cases: 'case', themes: 'theme', programmes: 'programme', counties: 'county', municipalities: 'municipality', pages: 'page' }[m[1]];
  }
  return 'other';
}

function isHtmlPath(pathname) {
  return pathname.endsWith('/') || pathname.endsWith('.html') || pathname.endsWith('.htm');
}

async function get(url) {
  try {
    const res = await fetch(url, { redirect: 'follow' });
    const body = Buffer.from(await res.arrayBuffer());
    return { status: res.status, type: res.headers.get('content-type') || '', body, finalUrl: res.url };
  } catch (e) {
    return { status: 0, type: '', body: Buffer.alloc(0), error: String(e) };
  }
}

// ---------------------------------------------------------------- one site
async function checkSite({ dir, label, kinds: expectKinds }, browser) {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    finding('broken', dir, 0, 'site-missing', 'the built site folder does not exist');
    return;
  }
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    finding('broken', `${label ? label + ' ' : ''}/`, 0, 'site-missing', 'the built site has no index.html');
  }
  const srv = await startServer(dir);
  const origin = srv.origin;
  const short = (u) => {
    const x = new URL(u);
    return `${label ? label + ' ' : ''}${x.pathname}${x.search}${x.hash}`;
  };
  note(`checking ${dir}${label ? ` as ${label}` : ''} on ${origin}/`);

  const context = await browser.newContext({
    viewport: { width: WIDTHS[0], height: HEIGHT },
    bypassCSP: true, // so that axe-core can be injected under a strict CSP
    serviceWorkers: 'block',
    locale: 'nb-NO',
  });
  context.setDefaultNavigationTimeout(NAV_TIMEOUT);
  context.setDefaultTimeout(NAV_TIMEOUT);

  // Status of every internal URL (without fragment), fetched once.
  const statusCache = new Map();
  async function statusOf(url) {
    const key = url.split('#')[0];
    if (!statusCache.has(key)) statusCache.set(key, get(key));
    return statusCache.get(key);
  }

  const queue = [];
  const seen = new Set(); // pathnames queued for a visit
  const visited = []; // { url, kind }
  const idsByPath = new Map(); // pathname → Set of ids / names
  const anchorRefs = []; // { from, width, pathname, fragment, href }
  const linkChecks = []; // promises
  const htmlBodies = new Map(); // pathname → Buffer (raw served HTML, for vnu)

  function enqueue(pathname, search = '') {
    const key = pathname + search;
    if (seen.has(key)) return;
    seen.add(key);
    queue.push(origin + key);
  }

  async function checkLink(fromUrl, width, href, attr) {
    let u;
    try {
      u = new URL(href, fromUrl);
    } catch {
      finding('broken', short(fromUrl), width, 'bad-url', `${attr}="${href}" does not parse`);
      return;
    }
    if (u.origin !== origin) return; // links to other sites are fine; requests are checked separately
    if (u.hash && u.hash !== '#') {
      let frag = u.hash.slice(1);
      try {
        frag = decodeURIComponent(frag);
      } catch {
        /* keep raw */
      }
      anchorRefs.push({ from: fromUrl, width, pathname: u.pathname, fragment: frag, href });
    }
    const r = await statusOf(u.origin + u.pathname + u.search);
    if (r.status !== 200) {
      finding('broken', short(fromUrl), width, 'broken-link', `${attr}="${href}" → HTTP ${r.status || r.error}`);
      return;
    }
    const finalPath = new URL(r.finalUrl || u.href).pathname;
    if (r.type.startsWith('text/html') && isHtmlPath(finalPath)) {
      enqueue(finalPath);
    }
  }

  // Seeds: the front page, 404, search, and every page in the sitemap.
  enqueue('/');
  enqueue('/404.html');
  if (fs.existsSync(path.join(dir, 'search', 'index.html'))) enqueue('/search/');
  const sitemap = path.join(dir, 'sitemap.xml');
  if (fs.existsSync(sitemap)) {
    const xml = fs.readFileSync(sitemap, 'utf8');
    for (const m of xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)) {
      try {
        const loc = new URL(m[1].replace(/&amp;/g, '&'));
        const st = await statusOf(origin + loc.pathname);
        if (st.status !== 200) finding('broken', `${label ? label + ' ' : ''}/sitemap.xml`, 0, 'broken-link', `<loc>${m[1]}</loc> → HTTP ${st.status}`);
        else if (st.type.startsWith('text/html')) enqueue(loc.pathname);
      } catch {
        finding('broken', `${label ? label + ' ' : ''}/sitemap.xml`, 0, 'bad-url', `<loc>${m[1]}</loc> does not parse`);
      }
    }
  }

  async function visit(url) {
    const pathname = new URL(url).pathname;
    const kind = pageKind(pathname);
    const isExtraState = new URL(url).search !== '';
    const raw = await statusOf(url);
    if (raw.status !== 200) {
      finding('broken', short(url), 0, 'broken-link', `HTTP ${raw.status || raw.error}`);
      return;
    }
    if (!isExtraState) htmlBodies.set(pathname, raw.body);
    visited.push({ url, kind });

    const page = await context.newPage();
    let mainRequest = null;
    const requests = [];
    page.on('request', (req) => requests.push(req));
    // Internal requests that failed (CSS url(), fetch() …), once per page;
    // those that are also element links are reported as broken-link instead.
    const failedInternal = new Map();
    const linkedPaths = new Set();
    page.on('response', (resp) => {
      const ru = new URL(resp.url());
      if (ru.origin === origin && resp.status() >= 400 && resp.request() !== mainRequest) {
        failedInternal.set(ru.pathname + ru.search, `${resp.request().resourceType()} ${ru.pathname}${ru.search} → HTTP ${resp.status()}`);
      }
    });
    const jsErrors = [];
    page.on('pageerror', (e) => jsErrors.push(String(e.message || e).split('\n')[0]));

    try {
      for (const width of WIDTHS) {
        requests.length = 0;
        jsErrors.length = 0;
        await page.setViewportSize({ width, height: HEIGHT });
        const resp = await page.goto(url, { waitUntil: isExtraState ? 'networkidle' : 'load' });
        mainRequest = resp ? resp.request() : null;
        if (!resp || resp.status() !== 200) {
          finding('broken', short(url), width, 'broken-link', `navigation → HTTP ${resp ? resp.status() : 'none'}`);
          continue;
        }
        // Let scripts that run after load (search, filters) settle a moment.
        if (await page.evaluate(() => document.scripts.length > 0)) {
          await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
        }

        // Requests to another host.
        for (const req of requests) {
          const ru = req.url();
          if (/^(data|blob|about|chrome|chrome-extension):/.test(ru)) continue;
          let host;
          try {
            host = new URL(ru).hostname;
          } catch {
            host = '?';
          }
          if (host !== '127.0.0.1') {
            finding('external', short(url), width, 'external-request', `${req.resourceType()} ${ru}`);
          }
        }
        for (const e of jsErrors) note(`warning: ${short(url)} @${width}px JavaScript error: ${e}`);

        // axe-core.
        await page.addScriptTag({ content: axeSource });
        const axe = await page.evaluate(async (tags) => {
          // eslint-disable-next-line no-undef
          const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
          return r.violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html.slice(0, 160), summary: (n.failureSummary || '').replace(/\s+/g, ' ').slice(0, 300) })),
          }));
        }, AXE_TAGS);
        for (const v of axe) {
          const nodes = v.nodes
            .slice(0, 5)
            .map((n) => `\n           ${n.target}  ${n.html}${n.summary ? `\n             ${n.summary}` : ''}`)
            .join('');
          const more = v.nodes.length > 5 ? `\n           … and ${v.nodes.length - 5} more` : '';
          finding('axe', short(url), width, v.id, `${v.help} (${v.impact}, ${v.nodes.length} element${v.nodes.length === 1 ? '' : 's'})${nodes}${more}`);
        }

        // Reflow (WCAG 1.4.10): no horizontal scrolling at 320 px.
        if (width === 320) {
          const overflow = await page.evaluate(() => {
            const doc = document.documentElement;
            const vw = doc.clientWidth;
            if (doc.scrollWidth <= vw + 1) return null;
            const over = [];
            for (const el of document.body.querySelectorAll('*')) {
              const r = el.getBoundingClientRect();
              if (r.width === 0 || r.height === 0 || r.right <= vw + 1) continue;
              const st = getComputedStyle(el);
              if (st.position === 'fixed' || st.visibility === 'hidden') continue;
              // Content that scrolls inside its own box (a wide table in a
              // scroll container) does not make the page scroll.
              let clipped = false;
              for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
                const ox = getComputedStyle(a).overflowX;
                if (ox !== 'visible' && a.getBoundingClientRect().right <= vw + 1) {
                  clipped = true;
                  break;
                }
              }
              if (!clipped) over.push(el);
            }
            // The innermost offenders tell most: those with no offending descendant.
            const leaves = over.filter((el) => !over.some((o) => o !== el && el.contains(o)));
            const describe = (el) => {
              const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : e.classList.length ? '.' + [...e.classList].join('.') : '');
              const chain = [];
              for (let e = el; e && e !== document.body && chain.length < 4; e = e.parentElement) chain.unshift(name(e));
              const text = (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 50);
              return `${chain.join(' > ')} "${text}" (right edge ${Math.round(el.getBoundingClientRect().right)}px)`;
            };
            return { scrollWidth: doc.scrollWidth, vw, n: leaves.length, culprits: leaves.slice(0, 3).map(describe) };
          });
          if (overflow) {
            finding('axe', short(url), width, 'reflow-320', `page scrolls sideways: scrollWidth ${overflow.scrollWidth}px > ${overflow.vw}px; ${overflow.n} element(s) stick out, e.g.${overflow.culprits.map((c) => `\n           ${c}`).join('')}`);
          }
        }

        // Links, resources and ids (once, at the first width).
        if (width === WIDTHS[0] && !isExtraState) {
          const { refs, ids } = await page.evaluate(() => {
            const refs = [];
            const pick = (sel, attr) => {
              for (const el of document.querySelectorAll(sel)) {
                const v = el.getAttribute(attr);
                if (v !== null && v.trim() !== '') refs.push([attr, v.trim(), el.tagName.toLowerCase()]);
              }
            };
            pick('a[href], area[href], link[href]', 'href');
            pick('img[src], script[src], source[src], iframe[src], video[src], audio[src], track[src], embed[src], input[src]', 'src');
            pick('object[data]', 'data');
            pick('form[action]', 'action');
            pick('video[poster]', 'poster');
            for (const el of document.querySelectorAll('img[srcset], source[srcset]')) {
              for (const part of el.getAttribute('srcset').split(',')) {
                const u = part.trim().split(/\s+/)[0];
                if (u) refs.push(['srcset', u, el.tagName.toLowerCase()]);
              }
            }
            const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
            const names = [...document.querySelectorAll('a[name]')].map((e) => e.getAttribute('name'));
            return { refs, ids: ids.concat(names) };
          });
          idsByPath.set(pathname, new Set(ids));
          for (const [attr, v, tag] of refs) {
            if (/^(mailto|tel|data|blob):/i.test(v)) continue;
            if (/^javascript:/i.test(v)) {
              finding('broken', short(url), width, 'javascript-url', `<${tag} ${attr}="${v.slice(0, 80)}">`);
              continue;
            }
            try {
              const lu = new URL(v, url);
              linkedPaths.add(lu.pathname + lu.search);
            } catch {
              /* reported by checkLink */
            }
            linkChecks.push(checkLink(url, width, v, `${tag} ${attr}`));
          }
        }
      }
      for (const [p, f] of failedInternal) {
        if (!linkedPaths.has(p)) finding('broken', short(url), 0, 'broken-resource', f);
      }
    } catch (e) {
      finding('broken', short(url), 0, 'page-error', `could not check the page: ${String(e.message || e).split('\n')[0]}`);
    } finally {
      await page.close();
    }
  }

  // Crawl with a small pool of workers.
  let active = 0;
  await new Promise((resolve) => {
    const pump = () => {
      while (active < CONCURRENCY && queue.length) {
        const url = queue.shift();
        active += 1;
        visit(url)
          .catch((e) => finding('broken', short(url), 0, 'page-error', String(e)))
          .then(async () => {
            // Wait for this page's link checks to enqueue what they found.
            await Promise.all(linkChecks);
            active -= 1;
            pump();
          });
      }
      if (active === 0 && queue.length === 0) resolve();
    };
    pump();
  });

  // Extra states that run the page's scripts on a query: a search and a filter.
  const casePaths = visited.filter((v) => v.kind === 'case').map((v) => new URL(v.url).pathname).sort();
  const themePaths = visited.filter((v) => v.kind === 'theme').map((v) => new URL(v.url).pathname).sort();
  const extra = [];
  if (htmlBodies.has('/search/')) {
    let word = 'kommune';
    const firstCase = casePaths[0] && htmlBodies.get(casePaths[0]);
    if (firstCase) {
      const h1 = firstCase.toString('utf8').match(/<h1[^>]*>([\s\S]*?)<\/h1>/i);
      const words = h1 ? h1[1].replace(/<[^>]+>/g, ' ').split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 3) : [];
      if (words.length) word = words[words.length - 1];
    }
    extra.push(`${origin}/search/?q=${encodeURIComponent(word)}`);
  }
  if (themePaths.length) {
    const id = themePaths[0].split('/')[2];
    extra.push(`${origin}/?theme=${encodeURIComponent(id)}`);
  }
  for (const u of extra) await visit(u);

  // Anchors.
  for (const a of anchorRefs) {
    if (a.fragment === 'top') continue; // the HTML spec's built-in "top of the document"
    let ids = idsByPath.get(a.pathname);
    if (!ids && !isHtmlPath(a.pathname)) continue; // a fragment into a non-HTML file
    if (!ids) {
      // Not crawled (e.g. a 404 already reported): parse the served HTML.
      const r = await statusOf(origin + a.pathname);
      if (r.status !== 200) continue;
      ids = new Set([...r.body.toString('utf8').matchAll(/\s(?:id|name)\s*=\s*["']?([^"'\s>]+)/g)].map((m) => m[1]));
      idsByPath.set(a.pathname, ids);
    }
    if (!ids.has(a.fragment)) {
      finding('broken', short(a.from), a.width, 'broken-anchor', `href="${a.href}": no element with id "${a.fragment}" on ${a.pathname}`);
    }
  }

  // Every page kind reached?
  const reached = new Set(visited.map((v) => v.kind));
  if (expectKinds) {
    for (const k of expectKinds) {
      if (!reached.has(k)) finding('broken', `${label ? label + ' ' : ''}/`, 0, 'page-kind-missing', `no page of kind "${k}" was reached by the crawl`);
    }
  }
  const counts = {};
  for (const v of visited) counts[v.kind] = (counts[v.kind] || 0) + 1;
  note(`${label || dir}: visited ${visited.length} pages (${Object.entries(counts).map(([k, n]) => `${k} ${n}`).join(', ')})`);
  totals.pages += visited.length;

  // Keyboard: the first Tab reaches the skip link, and focus is visible.
  const keyboardPages = ['/'];
  if (casePaths.length) keyboardPages.push(casePaths[0]);
  for (const p of keyboardPages) await checkKeyboard(context, origin + p, short);

  // Without JavaScript the catalogue lists the cases and its theme links work.
  await checkNoJs(browser, origin, short, casePaths);

  await context.close();

  // Nu Html Checker on the served HTML of every page.
  runVnu(label, htmlBodies);

  await srv.close();
}

async function checkKeyboard(context, url, short) {
  const page = await context.newPage();
  try {
    await page.setViewportSize({ width: 1280, height: HEIGHT });
    await page.goto(url, { waitUntil: 'load' });
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const st = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      const href = el.getAttribute('href');
      const target = href && href.startsWith('#') ? document.getElementById(decodeURIComponent(href.slice(1))) : null;
      return {
        tag: el.tagName.toLowerCase(),
        href,
        text: (el.textContent || '').trim().replace(/\s+/g, ' '),
        outlineStyle: st.outlineStyle,
        outlineWidth: parseFloat(st.outlineWidth) || 0,
        boxShadow: st.boxShadow,
        rect: { x: r.x, y: r.y, w: r.width, h: r.height },
        vw: document.documentElement.clientWidth,
        vh: window.innerHeight,
        targetExists: !!target,
      };
    });
    if (!f) {
      finding('axe', short(url), 1280, 'keyboard-skip-link', 'the first Tab focuses nothing');
      return;
    }
    const desc = `<${f.tag}${f.href ? ` href="${f.href}"` : ''}> "${f.text.slice(0, 60)}"`;
    note(`keyboard: ${short(url)} first Tab → ${desc}; outline ${f.outlineStyle} ${f.outlineWidth}px, box-shadow ${f.boxShadow}`);
    if (f.tag !== 'a' || !f.href || !f.href.startsWith('#') || !SKIP_TEXT.test(f.text)) {
      finding('axe', short(url), 1280, 'keyboard-skip-link', `the first Tab focuses ${desc}, not a skip link "Hopp til hovedinnhold" to #main`);
    } else if (!f.targetExists) {
      finding('broken', short(url), 1280, 'broken-anchor', `skip link ${desc} points at no element`);
    }
    const outline = f.outlineStyle !== 'none' && f.outlineWidth > 0;
    const shadow = f.boxShadow && f.boxShadow !== 'none';
    if (!outline && !shadow) {
      finding('axe', short(url), 1280, 'focus-visible', `focused ${desc} has no outline and no box-shadow (outline-style ${f.outlineStyle})`);
    }
    const onScreen = f.rect.w >= 1 && f.rect.h >= 1 && f.rect.x >= 0 && f.rect.y >= 0 && f.rect.x + f.rect.w <= f.vw + 1 && f.rect.y < f.vh;
    if (!onScreen) {
      finding('axe', short(url), 1280, 'focus-visible', `focused ${desc} is not on screen (box ${JSON.stringify(f.rect)})`);
    }
  } catch (e) {
    finding('axe', short(url), 1280, 'keyboard-skip-link', `could not check: ${String(e.message || e).split('\n')[0]}`);
  } finally {
    await page.close();
  }
}

async function checkNoJs(browser, origin, short, casePaths) {
  const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: HEIGHT } });
  const page = await ctx.newPage();
  const url = origin + '/';
  try {
    await page.goto(url, { waitUntil: 'load' });
    const info = await page.evaluate(() => {
      const visible = (el) => {
        const r = el.getBoundingClientRect();
        const st = getComputedStyle(el);
        return r.width > 0 && r.height > 0 && st.visibility !== 'hidden' && st.display !== 'none';
      };
      const links = [...document.querySelectorAll('a[href]')].map((a) => ({ href: new URL(a.getAttribute('href'), location.href), vis: visible(a) }));
      const cases = new Set(links.filter((l) => l.vis && /^\/cases\/[^/]+\/$/.test(l.href.pathname)).map((l) => l.href.pathname));
      const themes = [...new Set(links.filter((l) => l.vis && l.href.origin === location.origin && /^\/themes\/[^/]+\/$/.test(l.href.pathname)).map((l) => l.href.pathname))];
      return { cases: [...cases], themes };
    });
    note(`no JavaScript: ${short(url)} shows ${info.cases.length} case links and ${info.themes.length} theme links`);
    const missing = casePaths.filter((p) => !info.cases.includes(p));
    if (casePaths.length && missing.length) {
      finding('axe', short(url), 1280, 'nojs-catalogue', `without JavaScript ${missing.length} of ${casePaths.length} cases have no visible card link on /, e.g. ${missing.slice(0, 3).join(', ')}`);
    }
    if (casePaths.length === 0 && info.cases.length === 0) {
      finding('axe', short(url), 1280, 'nojs-catalogue', 'without JavaScript / shows no case card');
    }
    if (info.themes.length === 0) {
      finding('axe', short(url), 1280, 'nojs-catalogue', 'without JavaScript / has no visible link to a theme page (/themes/<id>/)');
    } else {
      const t = info.themes[0];
      const r = await page.goto(origin + t, { waitUntil: 'load' });
      const n = await page.evaluate(() => [...document.querySelectorAll('a[href]')].filter((a) => /\/cases\/[^/]+\/$/.test(new URL(a.getAttribute('href'), location.href).pathname)).length);
      if (!r || r.status() !== 200) finding('broken', short(url), 1280, 'nojs-catalogue', `theme link ${t} → HTTP ${r ? r.status() : 'none'} without JavaScript`);
      else if (n === 0) finding('axe', short(origin + t), 1280, 'nojs-catalogue', 'without JavaScript the theme page lists no case');
    }
  } catch (e) {
    finding('axe', short(url), 1280, 'nojs-catalogue', `could not check: ${String(e.message || e).split('\n')[0]}`);
  } finally {
    await ctx.close();
  }
}

function runVnu(label, htmlBodies) {
  if (htmlBodies.size === 0) return;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-vnu-'));
  const fileToPath = new Map();
  let i = 0;
  for (const [p, body] of [...htmlBodies.entries()].sort()) {
    const name = `${String(i++).padStart(5, '0')}-${p.replace(/[^a-zA-Z0-9]+/g, '_').replace(/^_|_$/g, '') || 'index'}.html`;
    const file = path.join(tmp, name);
    fs.writeFileSync(file, body);
    fileToPath.set(file, p);
  }
  const r = spawnSync('java', ['-jar', vnuJar, '--errors-only', '--format', 'json', ...fileToPath.keys()], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  fs.rmSync(tmp, { recursive: true, force: true });
  if (r.error) {
    finding('vnu', `${label ? label + ' ' : ''}/`, 0, 'vnu-failed', `could not run java -jar vnu.jar: ${r.error.message}`);
    return;
  }
  let out;
  try {
    out = JSON.parse(r.stderr || r.stdout);
  } catch {
    finding('vnu', `${label ? label + ' ' : ''}/`, 0, 'vnu-failed', `vnu printed no JSON (exit ${r.status}): ${(r.stderr || r.stdout || '').slice(0, 500)}`);
    return;
  }
  for (const m of out.messages || []) {
    if (m.type !== 'error' && m.type !== 'non-document-error') continue;
    let file = '';
    try {
      file = m.url ? fileURLToPath(m.url) : '';
    } catch {
      file = m.url || '';
    }
    const p = fileToPath.get(file) || file;
    const loc = m.lastLine ? `:${m.lastLine}${m.firstColumn ? ':' + m.firstColumn : ''}` : '';
    const extract = m.extract ? `  «${m.extract.replace(/\s+/g, ' ').trim().slice(0, 120)}»` : '';
    finding('vnu', `${label ? label + ' ' : ''}${p}${loc}`, 0, m.subType ? `vnu-${m.subType}` : 'vnu-error', `${m.message}${extract}`);
  }
}

// ---------------------------------------------------------------- main
let browser;
try {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
} catch (e) {
  console.error(`browser-check: could not start ${CHROMIUM}: ${e.message}`);
  console.log(`pages=0 axe=0 vnu=0 external=0 broken=0`);
  process.exit(1);
}
try {
  for (const site of sites) {
    const name = site.label || (sites.length > 1 ? path.basename(site.dir) : '');
    await checkSite({ ...site, label: name ? `[${name}]` : '' }, browser);
  }
} finally {
  await browser.close();
}

// Every finding, grouped by page, then the one summary line.
findings.sort((a, b) => (a.where < b.where ? -1 : a.where > b.where ? 1 : b.width - a.width));
for (const f of findings) console.log(f.line);
console.log(`pages=${totals.pages} axe=${totals.axe} vnu=${totals.vnu} external=${totals.external} broken=${totals.broken}`);
const bad = totals.axe + totals.vnu + totals.external + totals.broken;
process.exit(bad > 0 || totals.pages === 0 ? 1 : 0);
