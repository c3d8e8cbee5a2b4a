// Browser test of the editor in the browser (DESIGN.md §5), in headless
// chromium against a real `casebook serve`:
//
//   node editor.mjs CASEBOOK SITE [--shots DIR]
//
// CASEBOOK is the binary, SITE a copy of a site it may write into. The
// test opens /_casebook/edit/ and creates a case for «Ålesund»; fills the
// five sections, a measure, and an indicator with two quarters written
// `9,5` and `8,7`, and uploads an image into a section; shows a problem at its field (an unknown period) and
// fixes it; unticks «Utkast» and saves; is shown both versions when the
// file changed on disk, and keeps its own; and then sees the case page
// show what was written. axe-core finds 0 violations on both editor pages, no
// page logs an error or asks another host for anything, and the keyboard
// reaches the save button. With --shots, screenshots at 1280 and 390 px
// of the list, the form with a problem at its field and the saved page go
// to DIR.
//
// Prints one line `editor: N passed, M failed` and exits 1 on a failure.

import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const args = process.argv.slice(2);
const shotsAt = args.indexOf('--shots');
const shots = shotsAt >= 0 ? args.splice(shotsAt, 2)[1] : null;
const [casebook, site] = args;
if (!casebook || !site || !fs.existsSync(path.join(site, 'content'))) {
  console.error('usage: node editor.mjs CASEBOOK SITE [--shots DIR]');
  process.exit(2);
}

// A PNG of one pixel.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGMAAQAABQABDQottAAAAABJRU5ErkJggg==', 'base64');

let passed = 0;
let failed = 0;
function check(name, ok, detail = '') {
  if (ok) {
    passed++;
  } else {
    failed++;
    console.log(`FAIL  ${name}${detail ? `: ${detail}` : ''}`);
  }
}

// serve in bokmål on a free port; the URL comes from its first lines.
const server = spawn(casebook, ['--root', site, '--lang', 'nb', 'serve', '--port', '0'], {
  stdio: ['ignore', 'ignore', 'pipe'],
});
let log = '';
const url = await new Promise((resolve, reject) => {
  server.stderr.on('data', (chunk) => {
    log += chunk;
    const m = log.match(/http:\/\/127\.0\.0\.1:\d+\//);
    if (m) resolve(m[0]);
  });
  server.on('exit', (code) => reject(new Error(`casebook serve exited (${code}):\n${log}`)));
});
const origin = new URL(url).origin;

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
const problems = [];

async function newPage(width) {
  // bypassCSP: so that axe-core can be injected under the pages' strict CSP.
  const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
  const page = await context.newPage();
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:')) problems.push(`request to another host: ${u}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    // The one answer the walk asks for on purpose: 409 for a changed file.
    const expected = /status of 409/.test(m.text()) && /\/_casebook\/api\/cases\//.test(m.location().url || '');
    if (m.type() === 'error' && !expected && !/favicon/.test(m.location().url || '')) {
      problems.push(`console error: ${m.text()} at ${m.location().url}`);
    }
  });
  return page;
}

async function axe(page, label) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { resultTypes: ['violations'] }));
  const found = result.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  check(`axe on ${label}`, found.length === 0, found.join('; '));
  return found.length;
}

async function shot(page, name, width) {
  if (!shots) return;
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${name}-${width}.png`), fullPage: name !== 'form-problem' });
}

let axeViolations = 0;
try {
  // 1. The list, and a new case for Ålesund.
  const page = await newPage(1280);
  await page.goto(`${url}_casebook/edit/`);
  check('the list names a shipped case', (await page.textContent('main')).includes('Molde'));
  axeViolations += await axe(page, '/_casebook/edit/');
  await shot(page, 'list', 1280);
  await page.fill('#new-municipality', 'Ålesund');
  await Promise.all([
    page.waitForURL(/\/_casebook\/edit\/alesund\/$/),
    page.click('#new-case button[type="submit"]'),
  ]);
  check('the case file was created', fs.existsSync(path.join(site, 'content/cases/alesund.md')));

  // 2. The form: five sections, a measure, an indicator.
  await page.waitForSelector('#case-form .summary:not(:empty)');
  const area = (p) => page.locator(`[data-path="${p}"] textarea`).first();
  const texts = {
    need: 'Sjukefråværet i pleie og omsorg var for høyt.',
    goal: 'Ålesund ville få sykefraværet under åtte prosent.',
    result: 'Fraværet gikk ned gjennom hele året.',
    anchoring: 'Arbeidet var forankret i bystyret og hos de tillitsvalgte.',
  };
  for (const [key, text] of Object.entries(texts)) await area(key).fill(text);

  // An image goes in where the cursor was, with its description.
  await area('need').focus();
  await area('need').evaluate((a) => { a.selectionStart = a.selectionEnd = a.value.length; });
  await page.click('#image-description');
  await page.fill('#image-description', 'Sjukeheimen i Ålesund');
  await page.setInputFiles('#image-file', { name: 'sjukeheim.png', mimeType: 'image/png', buffer: PNG });
  await page.getByRole('button', { name: 'Last opp og sett inn' }).click();
  await page.waitForFunction(() => document.querySelector('[data-path="need"] textarea').value.includes('!['), null, { timeout: 10000 }).catch(() => {});
  const need = await area('need').inputValue();
  check('the image is inserted at the cursor', need === `${texts.need}![Sjukeheimen i Ålesund](/media/sjukeheim.png)`, need);
  check('the image is saved in content/media', fs.existsSync(path.join(site, 'content/media/sjukeheim.png')));
  await area('measures.0').fill('Tettere oppfølging av sykmeldte medarbeidere.');
  await page.getByRole('button', { name: 'Legg til tall' }).click();
  await page.locator('[data-path="indicators.0.name"] input').fill('Sykefravær');
  await page.locator('[data-path="indicators.0.unit"] select').selectOption('percent');
  const addPoint = page.locator('[data-path="indicators.0"]').getByRole('button', { name: 'Legg til måling' });
  await addPoint.click();
  await addPoint.click();
  const cell = (row, col) => page.locator(`[data-path="indicators.0.series.${row}"] input`).nth(col);
  await cell(0, 0).fill('2023-Q1');
  await cell(0, 1).fill('9,5');
  await cell(1, 0).fill('2023-Q7');
  await cell(1, 1).fill('8,7');

  // A problem is shown at its field within the debounce.
  const rowProblem = page.locator('[data-problems="indicators.0.series.1"] li.error');
  await rowProblem.first().waitFor({ timeout: 10000 }).catch(() => {});
  check('an unknown quarter is shown at its row', (await rowProblem.count()) > 0,
    await page.locator('.problems li').allTextContents().then((t) => t.join(' | ')));
  await rowProblem.first().scrollIntoViewIfNeeded().catch(() => {});
  await shot(page, 'form-problem', 1280);
  await cell(1, 0).fill('2023-Q2');
  await page.waitForFunction(() => !document.querySelector('[data-problems="indicators.0.series.1"] li'), null, { timeout: 10000 }).catch(() => {});
  check('the problem goes when fixed', (await rowProblem.count()) === 0);

  // The summary counts its characters as one types.
  await page.locator('[data-path="summary"] input').fill('Ålesund fikk ned sykefraværet.');
  check('the summary counter counts', (await page.textContent('.counter')).startsWith('30 av 300'),
    await page.textContent('.counter'));

  // Keyboard: Tab from the summary field reaches the save button.
  let reached = false;
  await page.locator('[data-path="summary"] input').focus();
  for (let i = 0; i < 400 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement && document.activeElement.matches('.bar button[type="submit"]'));
  }
  check('the keyboard reaches the save button', reached);

  await page.locator('[data-path="draft"] input[type="checkbox"]').uncheck();
  await page.waitForTimeout(700);
  axeViolations += await axe(page, '/_casebook/edit/alesund/');
  await page.click('.bar button[type="submit"]');
  await page.waitForFunction(() => /Lagret|Ble ikke/.test(document.querySelector('.save-status').textContent), null, { timeout: 20000 });
  const saved = await page.textContent('.save-status');
  check('the case is saved', saved.startsWith('Lagret'), `${saved} | ${await page.textContent('.summary')}`);
  const file = fs.readFileSync(path.join(site, 'content/cases/alesund.md'), 'utf8');
  check('the file keeps the decimal point', file.includes('{ period: 2023-Q1, value: 9.5 }') && file.includes('{ period: 2023-Q2, value: 8.7 }'), file);

  // A change on disk since the form was opened is never overwritten: both
  // versions are shown, and the editor chooses.
  const onDisk = path.join(site, 'content/cases/alesund.md');
  fs.writeFileSync(onDisk, `${fs.readFileSync(onDisk, 'utf8')}\nEndret i et tekstprogram.\n`);
  await page.locator('[data-path="summary"] input').fill('Ålesund fikk ned sykefraværet i 2023.');
  await page.click('.bar button[type="submit"]');
  await page.locator('.conflict:not([hidden]) pre').nth(1).waitFor({ timeout: 20000 }).catch(() => {});
  const versions = await page.locator('.conflict pre').allTextContents();
  check('a changed file shows both versions', versions.length === 2
    && versions[0].includes('i 2023.') && versions[1].includes('Endret i et tekstprogram.'), versions.join('\n----\n'));
  check('the changed file was not overwritten', fs.readFileSync(onDisk, 'utf8').includes('Endret i et tekstprogram.'));
  await page.getByRole('button', { name: 'Lagre min versjon likevel' }).click();
  await page.waitForFunction(() => document.querySelector('.save-status').textContent.startsWith('Lagret'), null, { timeout: 20000 }).catch(() => {});
  check('keeping one\'s own version saves it', fs.readFileSync(onDisk, 'utf8').includes('i 2023.'));

  // 3. The case page shows it (after serve's rebuild).
  const caseUrl = `${url}cases/alesund/`;
  // Polled outside the page, so that a 404 before the rebuild is no
  // console error.
  for (let i = 0; i < 600; i++) {
    const r = await page.request.get(caseUrl);
    if (r.status() === 200 && (await r.text()).includes('Tettere oppfølging')) break;
    await page.waitForTimeout(100);
  }
  await page.goto(caseUrl);
  const body = await page.textContent('main');
  for (const [key, text] of Object.entries(texts)) check(`the page shows ${key}`, body.includes(text));
  check('the page shows the image with its description', await page.locator('main img[alt="Sjukeheimen i Ålesund"]').count() === 1);
  check('the page shows the measure', body.includes('Tettere oppfølging av sykmeldte medarbeidere.'));
  check('the page shows 9,5 and 8,7', body.includes('9,5') && body.includes('8,7'), body.slice(0, 400));
  await shot(page, 'saved', 1280);

  // The same three pages at 390 px, for the record.
  if (shots) {
    const phone = await newPage(390);
    await phone.goto(`${url}_casebook/edit/`);
    await shot(phone, 'list', 390);
    await phone.goto(`${url}_casebook/edit/alesund/`);
    await phone.waitForSelector('#case-form .summary:not(:empty)');
    await phone.locator('[data-path="indicators.0.series.1"] input').nth(0).fill('2023-Q7');
    await phone.locator('[data-problems="indicators.0.series.1"] li.error').first().waitFor({ timeout: 10000 }).catch(() => {});
    await phone.locator('[data-problems="indicators.0.series.1"]').scrollIntoViewIfNeeded().catch(() => {});
    await shot(phone, 'form-problem', 390);
    await phone.goto(caseUrl);
    await shot(phone, 'saved', 390);
  }
} catch (e) {
  check('the walk through the editor', false, `${e.stack}\n--- serve printed:\n${log}`);
} finally {
  for (const p of problems) check('no error and no other host', false, p);
  await browser.close();
  server.kill('SIGINT');
}

console.log(`editor: ${passed} passed, ${failed} failed (axe=${axeViolations})`);
process.exit(failed ? 1 : 0);
