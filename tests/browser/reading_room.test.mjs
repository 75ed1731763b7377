// Browser tests of the reading room: Debian's chromium driven by playwright-core, axe-core for
// accessibility. Starts `arkiv serve` on a fixture archive in a temporary directory (the
// Wilson Center seed, the multilingual records, FRUS documents of four volumes); saves
// screenshots and downloads to $ARKIV_ARTIFACTS, and a screenshot of every page type at every
// width to $ARKIV_SCREENSHOTS. Run through scripts/browser-test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { fixturePaths, startServer } from './archive_fixture.mjs';

const binary = process.env.ARKIV_BINARY;
const source = process.env.ARKIV_SOURCE_DIR;
const artifacts = process.env.ARKIV_ARTIFACTS;
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const screenshots = process.env.ARKIV_SCREENSHOTS || path.join(artifacts || '.', 'screenshots');
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const launchArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let tmp, server, base, context, browser;
const anaPassword = 'ana has a long password';

async function shot(page, name, fullPage = true) {
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage });
}

before(async () => {
  assert.ok(binary && source && artifacts, 'ARKIV_BINARY, ARKIV_SOURCE_DIR and ARKIV_ARTIFACTS must be set');
  fs.mkdirSync(artifacts, { recursive: true });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'arkiv-browser-'));
  const data = path.join(tmp, 'data');
  fs.mkdirSync(screenshots, { recursive: true });
  const imported = spawnSync(binary, ['--data', data, 'import', ...fixturePaths()]);
  assert.equal(imported.status, 0, String(imported.stderr));
  const added = spawnSync(binary, ['--data', data, 'user', 'add', 'ana', '--role', 'admin'], { input: anaPassword + '\n' });
  assert.equal(added.status, 0, String(added.stderr));
  ({ child: server, url: base } = await startServer(data));
  context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
    executablePath: chromiumPath,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    args: launchArgs,
  });
  // A second browser for axe-core, whose script the pages' Content-Security-Policy would refuse.
  browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: launchArgs });
});

after(async () => {
  if (context) await context.close();
  if (browser) await browser.close();
  if (server) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test('search from the home page and open a document', async () => {
  const page = await context.newPage();
  await page.goto(base + '/');
  await shot(page, 'home');
  await page.getByLabel('Search the documents').fill('joint declaration');
  await page.getByLabel('Search the documents').press('Enter');
  await page.waitForURL(/\/search\?q=joint\+declaration/);
  assert.match(await page.locator('.total').innerText(), /1 document/);
  assert.equal(await page.locator('.snippet mark').first().isVisible(), true);
  await shot(page, 'search');
  await page.getByRole('link', { name: 'Albanian-Korean Joint Declaration' }).click();
  await page.waitForURL(/\/documents\/wcda\/114408$/);
  assert.equal(await page.locator('h1').innerText(), 'Albanian-Korean Joint Declaration');
  assert.ok(await page.locator('.version-text .gap').count() > 0, 'gaps are shown');
  await shot(page, 'document');
  await shot(page, 'document-top', false);
  await page.locator('#cite-heading').scrollIntoViewIfNeeded();
  await shot(page, 'document-cite', false);
  await page.close();
});

test('switch between versions and read them side by side', async () => {
  const page = await context.newPage();
  await page.goto(base + '/documents/test/ru-1');
  assert.equal(await page.locator('.version-text').getAttribute('lang'), 'ru');
  await page.getByRole('link', { name: 'Translation (English)' }).click();
  await page.waitForURL(/version=1/);
  assert.equal(await page.locator('.version-text').getAttribute('lang'), 'en');
  assert.match(await page.locator('.version-text').innerText(), /Conversation with the Albanian ambassador/);
  await page.getByRole('link', { name: 'Side by side' }).click();
  await page.waitForURL(/view=parallel/);
  assert.deepEqual(await page.locator('.version-text').evaluateAll((els) => els.map((e) => e.lang)), ['ru', 'en']);
  await shot(page, 'document-parallel', false);
  await page.close();
});

test('apply and remove a facet', async () => {
  const page = await context.newPage();
  await page.goto(base + '/search?q=pyongyang');
  const everything = await page.locator('.total').innerText();
  assert.match(everything, /^[\d,]+ documents for pyongyang$/);
  await page.locator('aside.refine').getByRole('link', { name: 'Pyongyang' }).click();
  await page.waitForURL(/place=place%2Fpyongyang/);
  assert.match(await page.locator('.total').innerText(), /2 documents/);
  const chip = page.locator('a.chip', { hasText: 'Place: Pyongyang' });
  assert.equal(await chip.isVisible(), true);
  await shot(page, 'search-facet');
  await chip.click();
  await page.waitForURL((u) => !u.search.includes('place='));
  assert.equal(await page.locator('.total').innerText(), everything);
  assert.equal(await page.locator('a.chip').count(), 0);
  await page.close();
});

test('read a FRUS volume in order: its contents, a breadcrumb, previous and next', async () => {
  const page = await context.newPage();
  await page.goto(base + '/collections');
  await page.getByRole('link', { name: /Paris Peace Conference, 1919, Volume I/ }).click();
  await page.waitForURL(/\/collections\/frus1919Parisv01$/);
  // The table of contents lists the chapters with their counts.
  const chapters = page.locator('ol.toc-tree > li');
  assert.ok(await chapters.count() >= 1);
  // Down to the first chapter that holds documents (compilation > chapter).
  await page.locator('ol.toc-tree li:not(:has(ol)) > a').first().click();
  await page.waitForURL(/\/collections\/frus1919Parisv01\/ch1$/);
  await page.locator('ol.unit-documents a').first().click();
  await page.waitForURL(/\/documents\/frus1919Parisv01\/d1$/);
  const crumbs = page.getByRole('navigation', { name: 'Place in the collection' });
  assert.match(await crumbs.innerText(), /Paris Peace Conference[\s\S]*Document 1/);
  await page.locator('a[rel="next"]').click();
  await page.waitForURL(/\/documents\/frus1919Parisv01\/d2$/);
  assert.match(await page.locator('a[rel="prev"]').innerText(), /^Previous: 1\./);
  // A person's name leads to the authority, which lists the volume's other names for him.
  await page.goto(base + '/authorities/person/lansing-robert');
  assert.equal(await page.locator('h1').innerText(), 'Lansing, Robert');
  assert.match(await page.locator('#docs-heading').innerText(), /Documents \(\d+\)/);
  await page.close();
});

test('download a citation', async () => {
  const page = await context.newPage();
  await page.goto(base + '/documents/wcda/114408');
  for (const [label, ext] of [['BibTeX', 'bib'], ['RIS', 'ris'], ['CSL-JSON', 'json'], ['Chicago (text)', 'txt']]) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: label }).click()]);
    const file = path.join(artifacts, `citation.${ext}`);
    await download.saveAs(file);
    const text = fs.readFileSync(file, 'utf8');
    assert.match(text, /AQPPSH/, `${label} names the holding archive`);
    assert.match(text, /MPP Korese, V\. 1966, D 9/, `${label} carries the reference`);
  }
  await page.close();
});

test('keyboard users reach the skip link first; pages fit a phone', async () => {
  const page = await context.newPage();
  await page.goto(base + '/');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
  await page.setViewportSize({ width: 390, height: 844 });
  for (const [name, url] of [['home-phone', '/'], ['search-phone', '/search?q=pyongyang'], ['document-phone', '/documents/wcda/114408']]) {
    await page.goto(base + url);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${url} scrolls sideways by ${overflow}px on a phone`);
    await shot(page, name);
  }
  await page.close();
});

test('staff sign in and out through the forms', async () => {
  const page = await context.newPage();
  await page.goto(base + '/');
  await page.click('footer a[href="/login"]');
  await page.waitForURL(base + '/login');
  await page.fill('#login-name', 'ana');
  await page.fill('#login-password', 'not the password');
  await page.click('main form[action="/login"] button');
  await page.waitForSelector('#login-error');
  assert.match(await page.textContent('#login-error'), /Wrong name or password/);
  assert.equal(await page.inputValue('#login-name'), 'ana', 'the form keeps the name');
  assert.equal(await page.inputValue('#login-password'), '', 'but never the password');
  await shot(page, 'sign-in-error');
  await page.fill('#login-password', anaPassword);
  await page.click('main form[action="/login"] button');
  await page.waitForURL(base + '/');
  const session = (await context.cookies(base)).find((c) => c.name === 'arkiv_session');
  assert.ok(session, 'a session cookie');
  assert.ok(session.httpOnly, 'HttpOnly');
  assert.equal(session.sameSite, 'Strict');
  await page.goto(base + '/login');
  assert.match(await page.textContent('main'), /signed in as ana \(admin\)/);
  await shot(page, 'signed-in');
  await page.click('form[action="/logout"] button');
  await page.waitForURL(base + '/');
  assert.ok(!(await context.cookies(base)).some((c) => c.name === 'arkiv_session'), 'signed out: no session cookie');
  await page.close();
});

// Every page type, by a real address in the fixture archive. The FRUS document has a long
// source URL (the sidebar's widest line) and attachments; the browse page long names.
const pageTypes = [
  ['home', '/'],
  ['search', '/search?q=railway'],
  ['search-empty', '/search?place=Atlantis'],
  ['document', '/documents/wcda/114408'],
  ['document-frus', '/documents/frus1918Russiav03/d49'],
  ['document-frus-1930', '/documents/frus1930v01/d1'],
  ['parallel', '/documents/test/ru-1?view=parallel'],
  ['browse', '/browse/subject'],
  ['browse-person', '/browse/person'],
  ['authority', '/authorities/person/lansing-robert'],
  ['collections', '/collections'],
  ['collection', '/collections/frus1918Russiav03'],
  ['browse-index', '/browse'],
  ['error', '/documents/no/such/record'],
];
const widths = [320, 390, 768, 1280];

test('no page type scrolls sideways at 320, 390, 768 or 1280 px (screenshots of each)', async () => {
  const page = await context.newPage();
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    for (const [name, url] of pageTypes) {
      const r = await page.goto(base + url);
      assert.equal(r.status(), name === 'error' ? 404 : 200, url);
      const { scroll, client, widest } = await page.evaluate(() => {
        const el = document.documentElement;
        // The element reaching furthest right, to name the culprit when one overflows.
        let widest = '';
        let right = el.clientWidth;
        for (const e of document.body.querySelectorAll('*')) {
          const box = e.getBoundingClientRect();
          if (box.right > right + 0.5) { right = box.right; widest = `${e.tagName.toLowerCase()}.${e.className} (${Math.round(box.right)}px)`; }
        }
        return { scroll: el.scrollWidth, client: el.clientWidth, widest };
      });
      assert.ok(scroll <= client, `${url} at ${width}px: scroll width ${scroll} > ${client}; widest: ${widest}`);
      await page.screenshot({ path: path.join(screenshots, `${name}-${width}.png`), fullPage: true });
    }
  }
  await page.close();
});

async function axe(page) {
  await page.evaluate(axeSource);
  return page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
}

test('axe-core finds no serious or critical violation on any page type, at desktop and phone widths', async () => {
  for (const width of [1280, 390]) {
    const ctx = await browser.newContext({ bypassCSP: true, viewport: { width, height: 900 } });
    const page = await ctx.newPage();
    // axe runs and sees: a page with known faults is reported.
    await page.setContent('<!DOCTYPE html><html><body><img src="x.png"><button></button></body></html>');
    const faults = (await axe(page)).violations.map((v) => v.id);
    assert.ok(faults.includes('image-alt') && faults.includes('button-name'), `axe found ${faults}`);
    for (const [name, url] of pageTypes) {
      await page.goto(base + url);
      // Open what a reader may open, so that its content is checked too.
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
      const result = await axe(page);
      const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      fs.writeFileSync(path.join(artifacts, `axe-${name}-${width}.json`), JSON.stringify(result.violations, null, 2));
      assert.deepEqual(bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`), [],
        `${url} at ${width}px`);
    }
    await ctx.close();
  }
});

test('no page explains anything only in a title attribute', async () => {
  const page = await context.newPage();
  for (const [, url] of pageTypes) {
    await page.goto(base + url);
    const titled = await page.evaluate(() => [...document.querySelectorAll('body [title]')].map((e) => e.outerHTML.slice(0, 120)));
    assert.deepEqual(titled, [], url);
  }
  // What a gap and a facet chip mean is said in words.
  await page.goto(base + '/documents/wcda/114408');
  assert.match(await page.locator('.version-text .gap .gap-kind').first().innerText(), /\((left out|garbled|illegible|editor)/);
  await page.goto(base + '/search?place=Pyongyang');
  assert.match(await page.locator('a.chip').first().evaluate((a) => a.innerText + ' | ' + a.getAttribute('aria-label')), /Place: Pyongyang.*\| Remove filter Place: Pyongyang/);
  assert.match(await page.locator('#chips-heading').innerText(), /Active filters \(select one to remove it\)/);
  assert.equal(await page.locator('#chips-heading').isVisible(), true);
  await page.close();
});

test('tabbing through the search page reaches every control, each with a visible focus mark', async () => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(base + '/search?q=railway&from=1918');
  // Every control a keyboard can reach on this page (visible, not taken out of the tab order).
  const controls = await page.evaluate(() => {
    const all = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')];
    const reachable = all.filter((e) => e.getClientRects().length > 0 && !e.closest('[aria-hidden=true]') && e.tabIndex >= 0);
    reachable.forEach((e, i) => e.setAttribute('data-control', String(i)));
    return reachable.length;
  });
  const reached = new Set();
  const unmarked = [];
  for (let i = 0; i < controls + 5; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const e = document.activeElement;
      if (!e || e === document.body) return null;
      const s = getComputedStyle(e);
      const box = e.getBoundingClientRect();
      const visible = box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < window.innerHeight;
      const marked = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
      return { control: e.getAttribute('data-control'), visible, marked, html: e.outerHTML.slice(0, 100) };
    });
    if (!f) break;  // past the last control
    if (!f.visible || !f.marked) unmarked.push(f.html);
    if (f.control !== null) reached.add(f.control);
  }
  assert.deepEqual(unmarked, [], 'focused controls without a visible focus mark, or off screen');
  const missed = await page.evaluate((seen) => [...document.querySelectorAll('[data-control]')]
    .filter((e) => !seen.includes(e.getAttribute('data-control'))).map((e) => e.outerHTML.slice(0, 100)), [...reached]);
  assert.deepEqual(missed, [], `reached ${reached.size} of ${controls} controls by Tab`);
  // The first stop is the skip link; Enter on it moves focus to the results.
  await page.goto(base + '/search?q=railway');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  await page.screenshot({ path: path.join(artifacts, 'search-focus.png') });
  await page.close();
});

test('the document page: title once, date, reference and "Cite this" above the text', async () => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  for (const url of ['/documents/wcda/114408', '/documents/frus1918Russiav03/d49', '/documents/frus1919Parisv01/d1']) {
    await page.goto(base + url);
    const title = await page.locator('h1').innerText();
    const before = await page.evaluate(() => {
      // Visible text of the page up to the document's text.
      const r = document.createRange();
      r.setStartBefore(document.body);
      r.setEndBefore(document.querySelector('#text') || document.querySelector('.doc-side'));
      const div = document.createElement('div');
      div.appendChild(r.cloneContents());
      div.querySelectorAll('details:not([open]) > :not(summary), .print-citation, .visually-hidden, title, meta').forEach((e) => e.remove());
      return div.innerText || div.textContent;
    });
    assert.equal(before.split(title).length - 1, 1, `${url}: "${title}" once before the text`);
    const y = async (sel) => (await page.locator(sel).first().boundingBox()).y;
    const textTop = await y('#text-heading');
    for (const sel of ['.doc-facts', '#cite-heading']) assert.ok((await y(sel)) < textTop, `${url}: ${sel} above the text`);
    assert.match(await page.locator('.doc-facts').innerText(), /Date/);
    // Each format: one <details>, one read-only box holding the whole citation.
    const bibtex = page.locator('details.cite-format', { hasText: 'BibTeX' });
    await bibtex.locator('summary').click();
    const box = bibtex.locator('textarea');
    assert.equal(await box.isVisible(), true);
    assert.equal(await box.getAttribute('readonly'), '');
    assert.match(await box.inputValue(), /^@\w+\{/);
    await box.focus();
    await page.keyboard.press('Control+A');
    assert.equal(await page.evaluate(() => { const t = document.activeElement; return t.value.slice(t.selectionStart, t.selectionEnd); }), await box.inputValue());
  }
  const wcda = await (await fetch(base + '/documents/wcda/114408')).text();
  assert.match(wcda, /Reference:<\/span> AQPPSH, MPP Korese, V\. 1966, D 9/);
  await page.screenshot({ path: path.join(artifacts, 'document-cite-open.png') });
  await page.close();
});

test('a long text has a table of contents of its parts and "back to top"', async () => {
  const page = await context.newPage();
  await page.goto(base + '/documents/frus1918Russiav03/d49');
  const toc = page.locator('nav.toc');
  assert.equal(await toc.isVisible(), true);
  const partLinks = await toc.locator('ol ol a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(partLinks.length >= 1, 'the attachment is listed');
  for (const href of partLinks) assert.equal(await page.locator(href).count(), 1, `${href} is on the page`);
  await toc.locator('ol ol a').first().click();
  await page.waitForURL(/#part-/);
  await page.getByRole('link', { name: 'Back to top' }).last().click();
  await page.waitForURL(/#main$/);
  assert.ok(await page.evaluate(() => { const b = document.querySelector('h1').getBoundingClientRect(); return b.top >= 0 && b.bottom <= window.innerHeight; }),
    'the title is in view again');
  // A short one has neither.
  await page.goto(base + '/documents/test/sq-1');
  assert.equal(await page.locator('nav.toc').count(), 0);
  await page.close();
});

test('printed, a document is its text, the full citation and the permalink, without navigation', async () => {
  const page = await context.newPage();
  await page.goto(base + '/documents/frus1918Russiav03/d49');
  await page.emulateMedia({ media: 'print' });
  for (const sel of ['.site-header', '.site-footer', 'nav.toc', 'nav.versions', '.doc-side', 'section.cite', '.skip-link']) {
    const n = await page.locator(sel).count();
    for (let i = 0; i < n; i++) assert.equal(await page.locator(sel).nth(i).isVisible(), false, `${sel} is not printed`);
  }
  const printed = page.locator('.print-citation');
  assert.equal(await printed.isVisible(), true);
  assert.match(await printed.innerText(), /Permalink: http:\/\/127\.0\.0\.1:\d+\/documents\/frus1918Russiav03\/d49/);
  assert.match(await printed.innerText(), /Foreign Relations of the United States/);
  assert.equal(await page.locator('.version-text').first().isVisible(), true);
  await page.pdf({ path: path.join(artifacts, 'document-print.pdf'), format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await printed.isVisible(), false, 'on screen the citation is in its box');
  await page.close();
});

test('the timeline stays readable at every width, with its counts as a table', async () => {
  const page = await context.newPage();
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(base + '/');
    const m = await page.evaluate(() => {
      const svg = document.querySelector('svg.timeline');
      const labels = [...svg.querySelectorAll('text')].filter((t) => getComputedStyle(t).display !== 'none');
      return {
        bars: [...svg.querySelectorAll('rect')].map((r) => r.getBoundingClientRect().height),
        fonts: labels.map((t) => getComputedStyle(t).fontSize),
        heights: labels.map((t) => t.getBoundingClientRect().height),
        overlaps: labels.some((t, i) => i > 0 && labels[i - 1].getBoundingClientRect().right > t.getBoundingClientRect().left),
        rows: [...document.querySelectorAll('.timeline-table tbody tr')].map((tr) => tr.innerText.trim().split(/\s+/)),
      };
    });
    assert.ok(m.bars.length > 1);
    assert.ok(Math.min(...m.bars) >= 4, `bars at least 4px high at ${width}px: ${Math.min(...m.bars)}`);
    assert.ok(m.fonts.length >= 2 && m.fonts.every((f) => f === '13px'), `labels 13px at ${width}px: ${m.fonts}`);
    assert.ok(Math.min(...m.heights) >= 12, `label boxes ${Math.min(...m.heights)}px high`);
    assert.equal(m.overlaps, false, `labels do not overlap at ${width}px`);
    assert.equal(m.rows.length, m.bars.length, 'one row per bar');
  }
  await page.locator('.timeline-table summary').click();
  const first = page.locator('.timeline-table tbody tr').first();
  assert.equal(await first.isVisible(), true);
  const [year, count] = (await first.innerText()).trim().split(/\s+/);
  await first.locator('a').click();
  await page.waitForURL(new RegExp(`(year|decade)=${year}`));
  assert.match(await page.locator('.total').innerText(), new RegExp(`^${count} document`));
  await page.close();
});

// Signs in as ana through the form, and out again.
async function signIn(page) {
  await page.goto(base + '/login?next=/search');
  await page.fill('#login-name', 'ana');
  await page.fill('#login-password', anaPassword);
  await page.click('main form[action="/login"] button');
  await page.waitForURL(base + '/search');
}

async function signOut(page) {
  await page.goto(base + '/login');
  await page.click('form[action="/logout"] button');
  await page.waitForURL(base + '/');
}

test('staff edit a record, see the diff, publish it, and readers see it', async () => {
  const page = await context.newPage();
  await signIn(page);
  // Withdraw it first, so that publishing is what brings it back to readers.
  await page.goto(base + '/documents/test/sq-1');
  await page.click('.staff-box button:has-text("Withdraw")');
  await page.waitForURL(base + '/documents/test/sq-1');
  assert.match(await page.textContent('.staff-box'), /withdrawn/);
  await page.click('.staff-box a:has-text("Edit")');
  await page.waitForURL(base + '/documents/test/sq-1/edit');
  await page.fill('#f-title', 'Deklaratë e përbashkët (corrected in the browser)');
  await page.fill('#f-message', 'Corrected the title');
  await shot(page, 'edit-form');
  await page.click('form.edit-form button[type="submit"]');
  await page.waitForURL(base + '/documents/test/sq-1');
  assert.match(await page.textContent('h1'), /corrected in the browser/);
  await page.click('.staff-box a:has-text("History")');
  await page.waitForURL(base + '/documents/test/sq-1/history');
  assert.match(await page.textContent('table.revisions'), /Corrected the title/);
  assert.match(await page.textContent('table.changes'), /corrected in the browser/);
  await shot(page, 'history');
  // Readers cannot see a withdrawn record.
  await signOut(page);
  let response = await page.goto(base + '/documents/test/sq-1');
  assert.equal(response.status(), 404);
  await signIn(page);
  await page.goto(base + '/documents/test/sq-1');
  await page.click('.staff-box button:has-text("Publish")');
  await page.waitForURL(base + '/documents/test/sq-1');
  await signOut(page);
  // An anonymous reader: the published, corrected record, without the staff box.
  for (let i = 0; i < 100; i++) {
    response = await page.goto(base + '/documents/test/sq-1');
    if (response.status() === 200) break;
    await page.waitForTimeout(100);
  }
  assert.equal(response.status(), 200);
  assert.match(await page.textContent('h1'), /corrected in the browser/);
  assert.equal(await page.locator('.staff-box').count(), 0);
  await shot(page, 'published-as-reader');
  await page.close();
});
