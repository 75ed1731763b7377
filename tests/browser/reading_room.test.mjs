// Browser tests of the reading room: Debian's chromium driven by playwright-core. Starts
// `arkiv serve` on a fixture archive in a temporary directory; saves screenshots and downloads
// to $ARKIV_ARTIFACTS. Run through scripts/browser-test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const binary = process.env.ARKIV_BINARY;
const source = process.env.ARKIV_SOURCE_DIR;
const artifacts = process.env.ARKIV_ARTIFACTS;
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

let tmp, server, base, context;
const anaPassword = 'ana has a long password';

function startServer(dataDir) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['--data', dataDir, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stderr.on('data', (d) => fs.appendFileSync(path.join(artifacts, 'server.log'), d));
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/at (http:\/\/[^\s]+)\n/);
      if (m) resolve({ child, url: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`arkiv serve exited with ${code}`)));
  });
}

async function shot(page, name, fullPage = true) {
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage });
}

before(async () => {
  assert.ok(binary && source && artifacts, 'ARKIV_BINARY, ARKIV_SOURCE_DIR and ARKIV_ARTIFACTS must be set');
  fs.mkdirSync(artifacts, { recursive: true });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'arkiv-browser-'));
  const data = path.join(tmp, 'data');
  const imported = spawnSync(binary, ['--data', data, 'import',
    path.join(source, 'tests/fixtures/wilson'), path.join(source, 'tests/fixtures/multilingual.jsonl')]);
  assert.equal(imported.status, 0, String(imported.stderr));
  const added = spawnSync(binary, ['--data', data, 'user', 'add', 'ana', '--role', 'admin'], { input: anaPassword + '\n' });
  assert.equal(added.status, 0, String(added.stderr));
  ({ child: server, url: base } = await startServer(data));
  context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
    executablePath: chromiumPath,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  if (context) await context.close();
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
  await page.getByLabel('Search the documents').fill('declaration');
  await page.getByLabel('Search the documents').press('Enter');
  await page.waitForURL(/\/search\?q=declaration/);
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
  await page.goto(base + '/search');
  assert.match(await page.locator('.total').innerText(), /5 documents/);
  await page.locator('aside.refine').getByRole('link', { name: 'Pyongyang' }).click();
  await page.waitForURL(/place=Pyongyang/);
  assert.match(await page.locator('.total').innerText(), /2 documents/);
  const chip = page.locator('a.chip', { hasText: 'Place: Pyongyang' });
  assert.equal(await chip.isVisible(), true);
  await shot(page, 'search-facet');
  await chip.click();
  await page.waitForURL((u) => !u.search.includes('place='));
  assert.match(await page.locator('.total').innerText(), /5 documents/);
  assert.equal(await page.locator('a.chip').count(), 0);
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
