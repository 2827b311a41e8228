/**
 * The storefront in a real browser (Debian's Chromium driven by playwright-core) against the real service on
 * loopback with the sandbox network: search with a filter and a facet, product details, a cart across two
 * sellers, phone sign-in with the code typed as a person would, a new address, the quote breakup checked against
 * the API, one seller paid on the sandbox gateway's page (which brings the shopper back, after a failed first
 * attempt, and the shop verifies the payment) and the other cash on delivery, the confirmation, a
 * cancel, the live order page following the seller's updates without a reload, a return and a complaint.
 * Screenshots go to .tap/screenshots/ (STOREFRONT_SCREENSHOTS=docs/screenshots refreshes the README's); an
 * accessibility smoke check runs on every page visited.
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import t, { type Test } from 'tap';
import { rupeesString } from '../src/core/money.js';
import { DELIVERY, twoSellerBasket } from './helpers/checkout.js';
import { openTestShop } from './helpers/shop.js';
import { A11Y_SMOKE, ensureStorefrontBuilt } from './helpers/storefront.js';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SHOTS = new URL(`../${process.env['STOREFRONT_SCREENSHOTS'] ?? '.tap/screenshots'}/`, import.meta.url);
/** Long enough for a shopper's few clicks between placing an order and cancelling it (pickup is three steps on). */
const STATUS_STEP_SECONDS = '4';
/** Waits for what the sellers do on their own clock; a failure names the step it stopped at. */
const SELLER_WAIT = 60_000;

const missing = existsSync(CHROMIUM) ? false : `Chromium is not installed at ${CHROMIUM}: apt-get install chromium (.ci/run installs it when missing)`;

/** A whole journey waits for sandbox sellers to deliver, return and resolve: longer than .taprc's default. */
t.setTimeout(300_000);

/** Rupees as the storefront shows them: ₹1,234.50 from paise. */
function shown(paise: number): string {
  const rupees = Math.floor(Math.abs(paise) / 100);
  return `₹${rupees.toLocaleString('en-IN')}.${String(Math.abs(paise) % 100).padStart(2, '0')}`;
}

t.test('a shopper buys from two sellers in the storefront and follows the orders', { skip: missing }, async (t) => {
  ensureStorefrontBuilt();
  const shop = await openTestShop({ SANDBOX_PRODUCTS_PER_PROVIDER: '30', SANDBOX_STATUS_STEP_SECONDS: STATUS_STEP_SECONDS });
  t.teardown(shop.close);
  const base = `http://127.0.0.1:${(shop.app.server.address() as AddressInfo).port}`;
  const basket = await twoSellerBasket(shop.runtime.deps.catalog);
  const [grocery, beauty] = basket.items as [(typeof basket.items)[number], (typeof basket.items)[number]];
  mkdirSync(SHOTS, { recursive: true });

  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  t.teardown(() => browser.close());
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-IN' });
  const page: Page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  // the Content-Security-Policy is strict: anything it blocks is a defect of the page
  page.on('console', (m) => void (m.type() === 'error' && /Content Security Policy|Refused to/.test(m.text()) && pageErrors.push(m.text())));
  let apiCalls = 0;
  page.on('request', (r) => void (new URL(r.url()).pathname.startsWith('/api/') && (apiCalls += 1)));

  const audited = new Set<string>();
  const audit = async (t: Test, name: string, on: Page = page) => {
    audited.add(name);
    t.same(await on.evaluate<string[]>(A11Y_SMOKE), [], `accessibility smoke check: ${name}`);
  };
  const shot = (name: string, p: Page = page) => p.screenshot({ path: new URL(`${name}.png`, SHOTS).pathname });
  /** The API as the browser's shopper: the identity the page keeps in localStorage. */
  const api = async (method: string, path: string, body?: unknown) => {
    const who = JSON.parse((await page.evaluate<string | null>('localStorage.getItem("ondc-shop.identity")')) ?? '{}') as { session_id: string; token?: string };
    const headers: Record<string, string> = who.token ? { authorization: `Bearer ${who.token}` } : { 'x-session-id': who.session_id };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${base}/api/v1${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const json = (await res.json()) as { data: any };
    if (res.status !== 200) throw new Error(`${method} ${path} -> ${res.status} ${JSON.stringify(json)}`);
    return json.data;
  };
  const heading = () => page.locator('h1').innerText();
  const nav = page.getByRole('navigation', { name: 'Main' });

  /** The journey's steps depend on each other: once one fails, the rest are skipped, naming it. */
  let broken = '';
  const step = (name: string, run: (t: Test) => Promise<void>) =>
    t.test(name, { skip: broken ? `an earlier step failed: ${broken}` : false }, async (t) => {
      try {
        await run(t);
      } catch (err) {
        broken = name;
        throw err;
      }
      if (!t.passing()) broken = name;
    });

  await step('the accessibility smoke check notices what it looks for', async (t) => {
    const probe = await context.newPage();
    await probe.setContent('<h1>One</h1><h1>Two</h1><main><input name="q"><img src="data:,"><button></button><p id="x"></p><p id="x"></p></main>');
    const found = await probe.evaluate<string[]>(A11Y_SMOKE);
    await probe.close();
    for (const problem of [/^no label: input\[name=q\]$/, /^no alt/, /^2 h1 elements$/, /^no banner/, /^no navigation/, /^no contentinfo/, /^no accessible name: button$/, /^duplicate id: x$/]) {
      t.ok(found.some((f) => problem.test(f)), `reports ${problem}`);
    }
  });

  await step('front page: search box, popular searches, categories; keyboard focus is visible', async (t) => {
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Browse by category' }).waitFor();
    t.match(await heading(), /open network/);
    await page.keyboard.press('Tab');
    t.same(
      await page.evaluate('[document.activeElement.textContent, getComputedStyle(document.activeElement).outlineStyle]'),
      ['Skip to content', 'solid'],
      'the first Tab lands on the skip link, with a visible focus ring',
    );
    await audit(t, 'front page');
  });

  await step('search, then a filter and a facet narrow the results to what the API finds', async (t) => {
    await page.getByRole('list', { name: 'Popular searches' }).getByRole('link', { name: 'atta' }).click();
    await page.getByRole('heading', { level: 1, name: 'Results for “atta”' }).waitFor();
    await page.getByLabel('In stock only').check();
    await page.getByRole('link', { name: 'Remove filter In stock' }).waitFor();
    const facet = page.locator('.facet-group', { has: page.getByRole('heading', { name: 'Category' }) }).getByRole('link').first();
    const category = new URL((await facet.getAttribute('href'))!, base).searchParams.get('category')!;
    const label = (await facet.innerText()).replace(/\s*\(\d+\)$/, '');
    await facet.click();
    await page.getByRole('link', { name: `Remove filter Category: ${label}` }).waitFor();
    const expected = await api('GET', `/products?query=atta&in_stock=true&category=${encodeURIComponent(category)}&limit=24`);
    t.ok(expected.total > 0, `the API finds in-stock atta in ${category}`);
    t.match(await page.locator('#result-count').innerText(), new RegExp(`^${expected.total} products?`), 'the count is the API’s');
    t.same(await page.locator('.grid .card-title').allInnerTexts(), expected.results.map((r: any) => r.name), 'the products are the API’s, in its order');
    const prices = await page.locator('.grid .price').evaluateAll((els) => els.map((e) => e.getAttribute('value')));
    t.same(prices, expected.results.map((r: any) => r.price.value), 'prices are the API’s decimal strings');
    t.match(await page.locator('.facet[aria-current="true"]').innerText(), label, 'the chosen facet is marked current');
    await audit(t, 'search results');
    await shot('search');
  });

  const addToCart = async (item: typeof grocery) => {
    // by address, not by name: two sellers may list a product under the same name
    await page.locator(`a.card-link[href="/p/${encodeURIComponent(item.product.id)}"]`).click();
    await page.getByRole('heading', { level: 1, name: item.product.name }).waitFor();
    await page.getByLabel('Quantity').selectOption(String(item.quantity));
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByRole('status').filter({ hasText: `Added ${item.quantity} ×` }).waitFor();
  };

  await step('product details, and a cart across two sellers', async (t) => {
    // the grocer's product: its brand, narrowed to the grocer by the seller facet
    await page.getByLabel('Search products').fill(grocery.product.brand);
    await page.getByLabel('Search products').press('Enter');
    await page.getByRole('heading', { level: 1, name: `Results for “${grocery.product.brand}”` }).waitFor();
    await page.locator('.facet-group', { has: page.getByRole('heading', { name: 'Seller' }) }).getByRole('link', { name: basket.grocer.name }).click();
    await page.getByRole('link', { name: `Remove filter Seller: ${basket.grocer.name}` }).waitFor();
    t.ok((await page.locator('.grid .seller').allInnerTexts()).every((s) => s === basket.grocer.name), 'only the grocer’s products');
    await addToCart(grocery);
    t.equal(await page.locator('.product .price').getAttribute('value'), rupeesString(grocery.product.pricePaise), 'the price as the API writes it');
    t.equal(await page.locator('.product .price').innerText(), shown(grocery.product.pricePaise), 'and as a shopper reads it');
    await audit(t, 'product details');
    await shot('product');

    await nav.getByRole('link', { name: 'Shop' }).click();
    await page.getByLabel('Search products').fill(beauty.product.name);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/query=/);
    await addToCart(beauty);

    await nav.getByRole('link', { name: /^Cart/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Your cart' }).waitFor();
    const cart = await api('GET', '/cart');
    t.equal(cart.sellers.length, 2, 'two sellers in the cart');
    t.same((await page.locator('.seller-group h2').allInnerTexts()).sort(), cart.sellers.map((s: any) => s.provider.name).sort(), 'one group per seller');
    const total = await api('GET', '/cart/total');
    t.equal(await page.locator('.summary .grand').getAttribute('value'), total.estimated_total.value, 'the estimated total is the API’s');
    t.equal(await page.locator('#cart-count').innerText(), String(cart.item_count), 'the header counts the packs');
    await audit(t, 'cart');
  });

  let checkoutId = '';
  await step('sign in by phone, add an address, get quotes', async (t) => {
    await page.getByRole('link', { name: 'Checkout' }).click();
    await page.getByLabel('Mobile number', { exact: true }).fill(DELIVERY.phone);
    await audit(t, 'checkout: sign in');
    await page.getByRole('button', { name: 'Send code' }).click();
    await page.getByLabel('Six-digit code').waitFor();
    const inbox = (await (await fetch(`${base}/dev/otp-inbox/${DELIVERY.phone}`)).json()) as { code: string };
    await page.getByLabel('Six-digit code').pressSequentially(inbox.code);
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.locator('#account .who').waitFor();
    t.match(await page.locator('#account .who').innerText(), /\+91 98\*+10/, 'the header shows the masked number');

    const form = page.locator('form.address-form');
    await form.getByLabel('Full name').fill(DELIVERY.name);
    await form.getByLabel('Mobile number', { exact: true }).fill(DELIVERY.phone);
    await form.getByLabel('Email').fill(DELIVERY.email);
    await form.getByLabel('Flat, house no., floor').fill(DELIVERY.house);
    await form.getByLabel('Building or apartment').fill(DELIVERY.building);
    await form.getByLabel('Street and locality').fill(DELIVERY.locality);
    await form.getByLabel('Pincode').fill(basket.pincode);
    await audit(t, 'checkout: address');
    await form.getByRole('button', { name: 'Save address' }).click();
    await page.locator('.address-choice input:checked').waitFor();
    const { addresses } = await api('GET', '/addresses');
    t.equal(addresses.length, 1, 'the address was saved for the signed-in user');
    await page.getByRole('button', { name: 'Get quotes from the sellers' }).click();
    await page.waitForURL(/\/checkout\/chk_/);
    await page.getByRole('heading', { level: 1, name: 'Choose how to pay' }).waitFor();
    checkoutId = new URL(page.url()).pathname.split('/').pop()!;
  });

  await step('the quote breakup on the page is the API’s, line by line', async (t) => {
    const checkout = await api('GET', `/checkouts/${checkoutId}`);
    for (const seller of checkout.sellers) {
      const section = page.locator(`[data-provider="${seller.provider.id}"]`);
      const lines = await section.locator('tbody data').evaluateAll((els) => els.map((e) => e.getAttribute('value')));
      t.same(lines, seller.quote.lines.map((l: any) => l.price.value), `${seller.provider.name}: every line`);
      t.equal(await section.locator('tfoot data').getAttribute('value'), seller.quote.total.value, `${seller.provider.name}: the total`);
      t.ok(seller.quote.lines.some((l: any) => l.type === 'tax') && seller.quote.lines.some((l: any) => l.type === 'delivery'), 'the breakup has delivery and tax lines');
    }
    await audit(t, 'checkout: payment');
  });

  await step('cash on delivery for one seller, the sandbox gateway for the other', async (t) => {
    const grocer = page.locator(`[data-provider="${basket.grocer.id}"]`);
    await grocer.getByLabel(/Cash on delivery/).check();
    await grocer.getByRole('button', { name: 'Use this' }).click();
    await grocer.getByText('✓ Cash on delivery').waitFor();

    const store = page.locator(`[data-provider="${basket.beauty.id}"]`);
    await store.getByLabel(/Pay online now/).check();
    await store.getByRole('button', { name: 'Use this' }).click();
    const payLink = store.getByRole('link', { name: /^Pay ₹/ });
    const sellerState = async () => (await api('GET', `/checkouts/${checkoutId}`)).sellers.find((s: any) => s.provider.id === basket.beauty.id).state;

    // first the payment fails at the gateway: its page brings the shopper back here, told so, with the way to retry
    await payLink.click();
    await page.getByRole('button', { name: 'Simulate a failed payment' }).click();
    await store.getByRole('alert').filter({ hasText: `The payment to ${basket.beauty.name} did not go through` }).waitFor();
    t.equal(new URL(page.url()).pathname, `/checkout/${checkoutId}`, 'back in the shop, on this checkout');
    t.equal(new URL(page.url()).hash, '', 'the gateway’s fields are gone from the address bar');
    t.equal(await sellerState(), 'payment_pending', 'a failed payment pays nothing');
    t.equal(await page.evaluate('document.activeElement.getAttribute("role")'), 'alert', 'the failure takes focus, so it is seen and read first');
    await audit(t, 'checkout: payment failed');
    await shot('payment-failed');

    // then it succeeds: back in the shop, the payment is verified with the gateway without anything pasted
    await payLink.click();
    await page.getByRole('button', { name: /^Pay ₹/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Review your order' }).waitFor();
    t.match(await store.getByRole('status').filter({ hasText: 'verified' }).innerText(), `Payment to ${basket.beauty.name} received and verified`);
    t.equal(await store.getByLabel('Payment confirmation').count(), 0, 'nothing was pasted: the paid seller offers no paste form');
    const checkout = await api('GET', `/checkouts/${checkoutId}`);
    t.same(checkout.sellers.map((s: any) => [s.provider.id, s.state]).sort(), [[basket.beauty.id, 'paid'], [basket.grocer.id, 'cod']].sort(), 'paid online and cash on delivery');
  });

  await step('review: the totals on the page equal the API’s review; then the order is placed', async (t) => {
    const review = await api('POST', `/checkouts/${checkoutId}/review`, {});
    const panel = page.locator('#review');
    await panel.waitFor();
    t.equal(await panel.locator('tfoot data').getAttribute('value'), review.total.value, 'the grand total');
    t.equal(await panel.locator('tfoot data').innerText(), shown(review.total.paise), 'shown in rupees and paise');
    const perSeller = await panel.locator('tbody data').evaluateAll((els) => els.map((e) => e.getAttribute('value')));
    t.same(perSeller, review.checkout.sellers.map((s: any) => s.quote.total.value), 'each seller’s total');
    t.match(await panel.innerText(), review.deliver_to, 'the delivery address');
    await audit(t, 'review');
    await shot('review');
    await panel.getByRole('button', { name: `Place order · ${shown(review.total.paise)}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Thank you! Your 2 orders are placed' }).waitFor();
    t.equal(await page.getByRole('link', { name: /^Follow this order/ }).count(), 2, 'a link to follow each order');
    await audit(t, 'confirmation');
    t.equal(await page.locator('#cart-count').innerText(), '0', 'what was ordered left the cart');
  });

  const orderIds = async () => {
    const { orders } = await api('GET', '/orders');
    const byProvider = (id: string) => orders.find((o: any) => o.provider.id === id).order_id as string;
    return { cod: byProvider(basket.grocer.id), prepaid: byProvider(basket.beauty.id) };
  };

  await step('cancel the cash-on-delivery order before it is picked up', async (t) => {
    const ids = await orderIds();
    await page.getByRole('link', { name: `Follow this order from ${basket.grocer.name}` }).click();
    await page.getByRole('heading', { level: 1, name: `Order from ${basket.grocer.name}` }).waitFor();
    await audit(t, 'order page');
    await page.getByLabel('Why cancel?').selectOption('010');
    await page.getByRole('button', { name: 'Cancel this order' }).click();
    await page.locator('#status-now', { hasText: 'Cancelled' }).waitFor();
    t.match(await page.locator('main').innerText(), /Cancelled by you: the buyer wants to change the order details/);
    t.equal((await api('GET', `/orders/${ids.cod}`)).state, 'Cancelled', 'the seller has it cancelled');
  });

  await step('the live order page follows the seller, then takes a return and a complaint', async (t) => {
    const ids = await orderIds();
    await nav.getByRole('link', { name: 'Orders' }).click();
    await page.getByRole('link', { name: basket.beauty.name }).click();
    await page.getByRole('heading', { level: 1, name: `Order from ${basket.beauty.name}` }).waitFor();
    // a mark on this very document: were the page reloaded, it would be gone
    await page.evaluate('window.stillTheSamePage = true');
    const first = await page.locator('#status-now').innerText();
    await page.locator('#status-now', { hasNotText: first }).waitFor({ timeout: SELLER_WAIT });
    t.not(await page.locator('#status-now').innerText(), first, `the status moved on by itself from "${first}"`);
    await shot('order');
    await page.locator('#status-now', { hasText: 'Order delivered' }).waitFor({ timeout: SELLER_WAIT });
    t.equal(await page.evaluate('window.stillTheSamePage'), true, 'followed without a reload');
    t.equal((await api('GET', `/orders/${ids.prepaid}`)).state, 'Completed');

    await page.getByRole('heading', { name: 'Return items' }).waitFor();
    await page.getByLabel('Reason', { exact: true }).selectOption('003');
    await page.getByLabel('Anything the seller should know?').fill('The bottle arrived cracked');
    await page.getByRole('button', { name: 'Request a return' }).click();
    await page.locator('.returns').waitFor();
    await page.locator('.returns', { hasText: 'Return delivered' }).waitFor({ timeout: SELLER_WAIT });
    const view = await api('GET', `/orders/${ids.prepaid}`);
    t.equal(view.returns[0].state, 'Return_Delivered');
    t.match(await page.locator('.returns').innerText(), shown(view.returns[0].refund.paise), 'the refund, as the seller reported it');

    await page.getByLabel('What went wrong?').selectOption('ITM04');
    await page.getByLabel('About', { exact: true }).selectOption(beauty.product.id);
    await page.getByLabel('Tell the seller what happened').fill('The lotion smelled stale when opened');
    await page.getByRole('button', { name: 'Send complaint' }).click();
    await page.locator('.grievance').waitFor();
    t.match(await page.locator('.grievance').innerText(), /Poor quality/);
    await page.locator('.grievance', { hasText: 'Resolved' }).waitFor({ timeout: SELLER_WAIT });
    t.match(await page.locator('.grievance').innerText(), /Refund/, 'resolved with a refund');
    await audit(t, 'order page after delivery');

    // the same order on a phone: the shopper's session travels with the browser's storage
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true, storageState: await context.storageState() });
    t.teardown(() => phone.close());
    const small = await phone.newPage();
    await small.goto(`${base}/orders/${ids.prepaid}`);
    await small.locator('#status-now', { hasText: 'Order delivered' }).waitFor();
    await audit(t, 'order page at 390 px', small);
    await shot('mobile-order', small);
    await small.setViewportSize({ width: 360, height: 740 });
    await small.goto(`${base}/?query=${encodeURIComponent(beauty.product.brand)}`);
    await small.locator('#result-count').waitFor();
    await audit(t, 'search results at 360 px', small);
  });

  t.same(pageErrors, [], 'no script errors and nothing blocked by the security policy');
  t.ok(audited.size >= 10, `${audited.size} pages passed the accessibility smoke check`);
  t.comment(`the journey made ${apiCalls} REST calls from the browser`);
});
