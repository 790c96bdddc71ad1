// End-to-end: the whole system (services, consumers, this frontend) in Debian's Chromium,
// driven by playwright-core. scripts/test.sh starts the system and runs:
//   E2E_BASE_URL=http://localhost:19300 node --test frontend/e2e/shop.e2e.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const BASE = process.env.E2E_BASE_URL ?? 'http://localhost:3000';
const SCREENSHOTS = process.env.E2E_SCREENSHOTS; // a folder, when the screenshots are wanted
const ZIPKIN = process.env.E2E_ZIPKIN_URL; // the trace viewer every process of the shop reports to
const PATIENCE = 20_000;
// The realm's own users (kubernetes/base/identity/microshop-realm.json), with the passwords the
// tests' provider was started with.
const ADMIN = { username: 'admin', password: process.env.E2E_ADMIN_PASSWORD };
const SHOPPER = { username: 'shopper', password: process.env.E2E_SHOPPER_PASSWORD };
let browser;
let page;

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(PATIENCE);
});

after(async () => {
  await browser?.close();
});

/**
 * Reloads the page until the condition holds: what the events bring takes a moment, and the
 * pages do not poll. The condition gets a second to become true after each load.
 */
async function eventually(url, condition, what) {
  const deadline = Date.now() + PATIENCE;
  for (;;) {
    await page.goto(url);
    await page.locator('main h1').waitFor();
    if (await condition()) return;
    if (Date.now() > deadline) assert.fail(`not within ${PATIENCE / 1000} s: ${what}`);
  }
}

/** True once the locator shows, within a second. */
async function shows(locator) {
  return locator.first().waitFor({ timeout: 1_000 }).then(() => true, () => false);
}

/** On the identity provider's own login page (where the app sent the browser): signs in. */
async function signInAs({ username, password }) {
  assert.ok(password, `no password for ${username}: scripts/test.sh passes E2E_ADMIN_PASSWORD and E2E_SHOPPER_PASSWORD`);
  await page.waitForURL((url) => !url.href.startsWith(BASE));
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('#kc-login').click();
  await page.waitForURL((url) => url.href.startsWith(BASE));
  await page.getByText(`Signed in as ${username}`).waitFor();
}

async function signOut() {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Sign in' }).first().waitFor();
}

function row(title) {
  return page.locator('tr', { has: page.locator('td', { hasText: new RegExp(`^${title}$`) }) });
}

/**
 * The trace the browser started with this traceparent, as the viewer has it once every process
 * has reported: the browser's call, main's request and its call to admin, admin's request, the
 * relay's publish, and admin-likes' processing with its database transaction below it (and, below
 * that, the driver's statements).
 */
async function traceOfLike(traceparent) {
  assert.ok(ZIPKIN, 'scripts/test.sh passes E2E_ZIPKIN_URL');
  const [, traceId, browserSpan] = traceparent.split('-');
  const deadline = Date.now() + PATIENCE;
  for (;;) {
    const answer = await fetch(`${ZIPKIN}/api/v2/trace/${traceId}`);
    const spans = answer.ok ? await answer.json() : [];
    const of = (service, kind) => spans.filter((s) => s.localEndpoint?.serviceName === service && s.kind === kind);
    const expected = [['frontend', 'CLIENT'], ['main', 'SERVER'], ['main', 'PRODUCER'], ['admin', 'SERVER'],
      ['admin-likes', 'CONSUMER'], ['admin-likes', 'CLIENT']];
    const transaction = of('admin-likes', 'CLIENT').find((s) => s.name.startsWith('transaction '));
    if (expected.every(([service, kind]) => of(service, kind).length > 0) && transaction) {
      const byId = new Map(spans.map((s) => [s.id, s]));
      const [browser] = of('frontend', 'CLIENT');
      assert.equal(browser.id, browserSpan, "the browser's span is the traceparent's");
      assert.equal(browser.parentId, undefined, 'the click starts the trace');
      const [mainServer] = of('main', 'SERVER');
      assert.equal(mainServer.parentId, browser.id, 'main serves the browser\'s call');
      const [adminServer] = of('admin', 'SERVER');
      assert.equal(byId.get(adminServer.parentId)?.localEndpoint.serviceName, 'main', 'admin serves main\'s call');
      const [publish] = of('main', 'PRODUCER');
      assert.equal(publish.parentId, mainServer.id, 'the relay publishes in the request\'s trace');
      const [process] = of('admin-likes', 'CONSUMER');
      assert.equal(process.parentId, publish.id, 'admin-likes processes the published message');
      assert.equal(transaction.parentId, process.id, 'its transaction is part of it');
      return traceId;
    }
    if (Date.now() > deadline) assert.fail(`trace ${traceId} incomplete in the viewer: ${JSON.stringify(spans.map((s) => [s.localEndpoint?.serviceName, s.kind, s.name]))}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function card(title) {
  return page.locator('article', { has: page.getByRole('heading', { name: title, exact: true }) });
}

test('a product goes through the whole shop', async () => {
  const title = `Mug ${Date.now()}`;
  const renamed = `${title} XL`;

  // A visitor who is not signed in sees no forms, and the API refuses a write without a token.
  await page.goto(`${BASE}/admin/products`);
  await page.getByText('Sign in with an administrator\'s account to manage the catalogue.').waitFor();
  assert.equal(await page.getByLabel('Title').count(), 0);
  const refused = await page.request.post(`${BASE}/admin/api/products`, { data: { title, image: `${BASE}/samples/mug.svg` } });
  assert.equal(refused.status(), 401);
  assert.match(refused.headers()['content-type'], /^application\/problem\+json/);
  assert.equal(refused.headers()['www-authenticate'], 'Bearer realm="microshop"');

  // The administrator signs in on the provider's login page and lands back on the dashboard.
  await page.locator('main').getByRole('button', { name: 'Sign in' }).click();
  await signInAs(ADMIN);
  await page.waitForURL(`${BASE}/admin/products`);

  // Create in the admin dashboard; it is in the table.
  await page.getByLabel('Title').first().fill(title);
  // An image the frontend serves itself (this machine reaches no other site).
  await page.getByLabel('Image URL').first().fill(`${BASE}/samples/mug.svg`);
  await page.getByRole('button', { name: 'Create product' }).click();
  await row(title).waitFor();
  // The dashboard names the admin version that served it (X-Service-Version, through the proxy).
  await page.getByText('admin v1', { exact: true }).waitFor();

  // After propagation it is on the storefront, with no likes.
  await eventually(`${BASE}/`, () => shows(card(title)), `${title} on the storefront`);
  assert.match(await card(title).locator('.likes').innerText(), /^0 likes$/);

  // Edit it; the new title reaches the storefront.
  await page.goto(`${BASE}/admin/products`);
  await row(title).getByRole('button', { name: `Edit ${title}` }).click();
  const editor = page.getByRole('form', { name: 'Save' });
  await editor.getByLabel('Title').fill(renamed);
  await editor.getByRole('button', { name: 'Save' }).click();
  await row(renamed).waitFor();
  await eventually(`${BASE}/`, () => shows(card(renamed)), `${renamed} on the storefront`);

  // An invalid form: the server's messages beside each field, nothing created.
  await page.goto(`${BASE}/admin/products`);
  const create = page.getByRole('form', { name: 'Create product' });
  await create.getByLabel('Title').fill('   ');
  await create.getByLabel('Image URL').fill('not a url');
  await create.getByRole('button', { name: 'Create product' }).click();
  await create.locator('.field-error').nth(1).waitFor();
  assert.equal(await create.locator('.field-error').count(), 2);
  assert.equal(await create.getByLabel('Title').getAttribute('aria-invalid'), 'true');
  assert.equal(await create.getByLabel('Image URL').getAttribute('aria-invalid'), 'true');
  if (SCREENSHOTS) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOTS}/admin.png`, fullPage: false });
  }
  await signOut();

  // A visitor may browse, but "like" sends them to sign in; as the shopper the like counts once,
  // here and, after propagation, in admin.
  await page.goto(`${BASE}/`);
  await card(renamed).getByRole('button', { name: `Like ${renamed}` }).click();
  await signInAs(SHOPPER);
  const like = page.waitForRequest((r) => r.method() === 'POST' && /\/main\/api\/products\/\d+\/like$/.test(r.url()));
  await card(renamed).getByRole('button', { name: `Like ${renamed}` }).click();
  await card(renamed).getByText('Thanks for your like!').waitFor();
  assert.equal(await card(renamed).locator('.likes').innerText(), '1 like');
  // The click started one trace, through main, admin and RabbitMQ to admin's database.
  const traceparent = (await like).headers().traceparent;
  assert.match(traceparent ?? '', /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/, 'the like carries a sampled traceparent');
  const traceId = await traceOfLike(traceparent);
  if (SCREENSHOTS) {
    const viewer = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await viewer.goto(`${ZIPKIN}/zipkin/traces/${traceId}`);
    await viewer.getByText('admin-likes').first().waitFor();
    await viewer.waitForTimeout(500);
    await viewer.screenshot({ path: `${SCREENSHOTS}/trace.png` });
    await viewer.close();
  }
  // The same shopper again: already liked, still one like.
  await page.goto(`${BASE}/`);
  await card(renamed).getByRole('button', { name: `Like ${renamed}` }).click();
  await card(renamed).getByText('You already liked this.').waitFor();
  assert.equal(await card(renamed).locator('.likes').innerText(), '1 like');
  if (SCREENSHOTS) {
    await page.screenshot({ path: `${SCREENSHOTS}/storefront.png` });
  }
  // A shopper is not an administrator: the dashboard says so and shows no forms.
  await page.goto(`${BASE}/admin/products`);
  await page.getByText('You are signed in as shopper, who may not manage the catalogue').waitFor();
  assert.equal(await page.getByLabel('Title').count(), 0);
  await signOut();

  // The administrator again: the like has reached admin.
  await page.goto(`${BASE}/admin/products`);
  await page.locator('main').getByRole('button', { name: 'Sign in' }).click();
  await signInAs(ADMIN);
  await eventually(`${BASE}/admin/products`, () => shows(row(renamed).locator('td:nth-child(4)', { hasText: /^1$/ })),
    `one like of ${renamed} in admin`);

  // Delete: cancelled, it stays; confirmed, it is gone here and from the storefront.
  page.once('dialog', (dialog) => dialog.dismiss());
  await row(renamed).getByRole('button', { name: `Delete ${renamed}` }).click();
  await page.getByText('Nothing was deleted.').waitFor();
  assert.equal(await row(renamed).count(), 1);
  page.once('dialog', (dialog) => dialog.accept());
  await row(renamed).getByRole('button', { name: `Delete ${renamed}` }).click();
  await page.getByText(`Deleted “${renamed}”.`).waitFor();
  // The notice shows before the list is read again: wait for the row to go.
  await row(renamed).waitFor({ state: 'detached' });
  assert.equal(await row(renamed).count(), 0);
  await eventually(`${BASE}/`, async () => {
    await page.waitForLoadState('networkidle');
    return (await card(renamed).count()) === 0;
  }, `${renamed} gone from the storefront`);
});

test('the storefront and the admin dashboard fit a phone, and work from the keyboard', async () => {
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  phone.setDefaultTimeout(PATIENCE);
  try {
    for (const path of ['/', '/admin/products']) {
      await phone.goto(`${BASE}${path}`);
      await phone.locator('main h1').waitFor();
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${path} is ${overflow}px wider than a 390px phone`);
    }
    // Keyboard: from the top of the storefront, Tab reaches the navigation links.
    await phone.goto(`${BASE}/`);
    await phone.locator('main h1').waitFor(); // the app has rendered: its links can take focus
    await phone.keyboard.press('Tab');
    assert.equal(await phone.evaluate(() => document.activeElement?.textContent), 'Storefront');
    await phone.keyboard.press('Tab');
    await phone.keyboard.press('Enter');
    await phone.waitForURL(`${BASE}/admin/products`);
  } finally {
    await phone.close();
  }
});
