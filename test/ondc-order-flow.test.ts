/**
 * select -> init -> confirm -> status against the sandbox sellers over loopback: the checkout messages the buyer
 * app builds, the terms the sellers state, the orders they place, and the refusals on the way.
 */
import t, { type Test } from 'tap';
import type { Product, Provider } from '../src/core/catalog.js';
import { newTransactionId } from '../src/ondc/context.js';
import { parseOnSearch, type OnSearchBody } from '../src/ondc/ingest.js';
import {
  confirmMessage,
  initMessage,
  selectMessage,
  statusMessage,
  type BuyerParty,
  type InitRequest,
  type OnInitOrder,
  type PaymentType,
  type PostalAddress,
  type WireQuote,
} from '../src/ondc/messages.js';
import type { RequestAction } from '../src/ondc/context.js';
import { gstinCheckCharacter } from '../src/sandbox/bpp/terms.js';
import { openTestShop } from './helpers/shop.js';

const shop = await openTestShop();
t.teardown(shop.close);
const { catalog } = shop.runtime.deps;
const kirana = (await catalog.getProvider('sri-lakshmi-kirana'))!;
const fresh = (await catalog.getProvider('namma-fresh-basket'))!;
const productsOf = async (p: Provider) => (await catalog.search({ providerId: p.id, limit: 10_000, page: 1 })).hits.map((h) => h.product);
// Dearest first, so any two clear the seller's minimum order value; each test takes its own products.
const kiranaStock = (await productsOf(kirana)).filter((p) => p.stock >= 6 && p.maxPerOrder >= 2).sort((a, b) => b.pricePaise - a.pricePaise);
const freshStock = (await productsOf(fresh)).filter((p) => p.stock >= 6).sort((a, b) => b.pricePaise - a.pricePaise);
/** Takes n products out of the list, so no two tests order the same item. */
function take(list: Product[], n: number, fits: (p: Product) => boolean = () => true): Product[] {
  const picked: Product[] = [];
  for (let i = 0; i < list.length && picked.length < n; ) {
    if (fits(list[i]!)) picked.push(...list.splice(i, 1));
    else i++;
  }
  if (picked.length < n) throw new Error('the sandbox seller has too few products in stock');
  return picked;
}

const paise = (value: string) => Math.round(Number(value) * 100);
const BILLING_AT = '2026-01-15T10:00:00.000Z';
const BAP_GSTIN = '27AAPFU0939F1ZV';

function address(areaCode: string): PostalAddress {
  return { name: 'Flat 12B', building: 'Lakshmi Residency', locality: '11th Main Road, 4th Block', city: 'Bengaluru', state: 'Karnataka', areaCode };
}
function party(areaCode: string): BuyerParty {
  return { name: 'Asha Rao', address: address(areaCode), phone: '9876543210', email: 'asha.rao@example.com' };
}

interface Breakup {
  '@ondc/org/item_id': string;
  '@ondc/org/title_type': string;
  '@ondc/org/item_quantity'?: { count: number };
  price: { currency: string; value: string };
  item?: { price: { value: string }; quantity?: unknown };
}
type Quote = WireQuote & { breakup: Breakup[] };
interface Order {
  id?: string;
  state?: string;
  provider: { id: string; locations: Array<{ id: string }> };
  items: Array<{ id: string; fulfillment_id: string; quantity?: { count: number } }>;
  billing: Record<string, unknown>;
  fulfillments: Array<Record<string, any>>;
  quote: Quote;
  payment: Record<string, any>;
  tags?: Array<{ code: string; list: Array<{ code: string; value: string }> }>;
  created_at?: string;
  updated_at?: string;
}
type Answer = { order: Order };

/** One transaction: every request goes after the previous callback, and the callbacks' times are kept. */
class Flow {
  readonly transactionId = newTransactionId();
  readonly stamps: string[] = [];
  constructor(readonly provider: Provider) {}

  async call<T = Answer>(action: RequestAction, message: unknown) {
    const res = await shop.runtime.buyer.call<T>({
      action,
      bppId: this.provider.bppId,
      domain: this.provider.domain,
      city: this.provider.city,
      transactionId: this.transactionId,
      after: this.stamps.at(-1),
      message,
      deadlineMs: 5000,
    });
    this.stamps.push(res.context.timestamp);
    return res;
  }

  select(lines: Array<{ product: Product; count: number }>, areaCode = this.provider.serviceablePincodes[0]!) {
    const location = this.provider.locations[0]!;
    return this.call('select', selectMessage({
      providerId: this.provider.id,
      locationId: location.id,
      items: lines.map((l) => ({ itemId: l.product.itemId, count: l.count })),
      areaCode,
      gps: `${location.gps.lat},${location.gps.lon}`,
    }));
  }
}

function initRequest(flow: Flow, fulfillmentId: string, lines: Array<{ product: Product; count: number }>, paymentType?: PaymentType): InitRequest {
  const areaCode = flow.provider.serviceablePincodes[0]!;
  return {
    providerId: flow.provider.id,
    locationId: flow.provider.locations[0]!.id,
    fulfillmentId,
    items: lines.map((l) => ({ itemId: l.product.itemId, count: l.count })),
    billing: party(areaCode),
    billingAt: BILLING_AT,
    delivery: { ...party(areaCode), gps: '12.929900,77.582600' },
    ...(paymentType ? { paymentType } : {}),
  };
}

function addsUp(t: Test, quote: Quote, step: string) {
  t.equal(paise(quote.price.value), quote.breakup.reduce((n, l) => n + paise(l.price.value), 0), `${step}: the breakup adds up to the total`);
  t.match(quote.price.value, /^\d+\.\d{2}$/, `${step}: two decimals on the wire`);
}

/** select then init, checked on the way; returns what a confirm needs. */
async function checkout(t: Test, provider: Provider, lines: Array<{ product: Product; count: number }>, paymentType?: PaymentType) {
  const flow = new Flow(provider);
  const selected = await flow.select(lines);
  t.equal(selected.error, undefined, `on_select without error: ${JSON.stringify(selected.error)}`);
  addsUp(t, selected.message.order.quote, 'on_select');
  const fulfillmentId = selected.message.order.items[0]!.fulfillment_id;
  const init = initRequest(flow, fulfillmentId, lines, paymentType);
  const initialized = await flow.call('init', initMessage(init));
  t.equal(initialized.context.action, 'on_init');
  t.equal(initialized.error, undefined, `on_init without error: ${JSON.stringify(initialized.error)}`);
  addsUp(t, initialized.message.order.quote, 'on_init');
  t.equal(initialized.message.order.quote.price.value, selected.message.order.quote.price.value, 'init quotes what select quoted');
  const onInit: OnInitOrder = initialized.message.order;
  return { flow, init, onInit, selected: selected.message.order, initialized: initialized.message.order };
}

function confirmRequest(c: { init: InitRequest; onInit: OnInitOrder }, orderId: string, status: 'PAID' | 'NOT-PAID', at: string) {
  return confirmMessage({
    orderId,
    init: c.init,
    onInit: c.onInit,
    payment: { status, ...(status === 'PAID' ? { transactionId: `pay_${orderId}` } : {}) },
    bapTaxNumber: BAP_GSTIN,
    recipientName: 'Asha Rao',
    at,
  });
}

const increasing = (stamps: string[]) => stamps.every((s, i) => i === 0 || Date.parse(s) > Date.parse(stamps[i - 1]!));

/** The seller's live stock of an item, as its on_search states it now. */
async function sellerStock(provider: Provider, product: Product): Promise<number> {
  const answers = await shop.runtime.buyer.search({ domain: provider.domain, city: provider.city, request: { itemName: product.name }, expectSellers: 2, deadlineMs: 5000 });
  const mine = answers.find((a) => a.from === provider.bppId);
  if (!mine) throw new Error(`${provider.bppId} did not answer the search`);
  const item = parseOnSearch(mine.body as OnSearchBody).products.find((p) => p.itemId === product.itemId);
  if (!item) throw new Error(`${product.itemId} is not in the on_search`);
  return item.stock;
}

t.test('a prepaid order goes select -> init -> confirm -> status on the terms of the on_init', async (t) => {
  const [a, b] = take(kiranaStock, 2) as [Product, Product];
  const lines = [
    { product: a, count: 2 },
    { product: b, count: 1 },
  ];
  const c = await checkout(t, kirana, lines);
  const onInit = c.initialized;
  const sent = initMessage(c.init).order as Record<string, any>;

  t.same(onInit.provider, { id: kirana.id, locations: [{ id: kirana.locations[0]!.id }] });
  t.same(onInit.items, [
    { id: a.itemId, fulfillment_id: c.init.fulfillmentId, quantity: { count: 2 } },
    { id: b.itemId, fulfillment_id: c.init.fulfillmentId, quantity: { count: 1 } },
  ]);
  t.same(onInit.billing, sent['billing'], 'billing echoed');
  t.same(onInit.fulfillments, [{ id: c.init.fulfillmentId, type: 'Delivery', tracking: false, end: sent['fulfillments'][0].end }], 'delivery end echoed');
  t.equal(paise(onInit.quote.price.value), a.pricePaise * 2 + b.pricePaise + kirana.deliveryChargePaise + kirana.packingChargePaise + Math.round(((kirana.deliveryChargePaise + kirana.packingChargePaise) * 18) / 100));
  t.same(onInit.quote.breakup.map((l) => l['@ondc/org/title_type']), ['item', 'item', 'delivery', 'packing', 'tax']);
  t.same(onInit.quote.breakup[0]!.item, { price: { currency: 'INR', value: (a.pricePaise / 100).toFixed(2) } }, 'item lines carry the unit price only, as in the samples');
  t.equal(onInit.quote.ttl, 'PT1H');

  const { ['@ondc/org/settlement_details']: settlement, ...terms } = onInit.payment;
  t.same(terms, {
    type: 'ON-ORDER',
    collected_by: 'BAP',
    '@ondc/org/buyer_app_finder_fee_type': 'percent',
    '@ondc/org/buyer_app_finder_fee_amount': '3',
    '@ondc/org/settlement_basis': 'delivery',
    '@ondc/org/settlement_window': 'P1D',
    '@ondc/org/withholding_amount': '0.00',
  });
  t.equal(settlement.length, 1);
  t.match(settlement[0], { settlement_counterparty: 'seller-app', settlement_phase: 'sale-amount', beneficiary_name: kirana.name });
  if (settlement[0].settlement_type === 'upi') {
    t.match(settlement[0].upi_address, /^[a-z0-9.]+@[a-z]+$/);
  } else {
    t.equal(settlement[0].settlement_type, 'neft');
    t.match(settlement[0], { settlement_bank_account_no: /^\d{9,18}$/, settlement_ifsc_code: /^[A-Z]{4}0[A-Z0-9]{6}$/, bank_name: String, branch_name: String });
  }
  const bpp = onInit.tags!;
  t.same(bpp.map((tag) => tag.code), ['bpp_terms']);
  t.same(bpp[0]!.list.map((e) => e.code), ['np_type', 'tax_number', 'provider_tax_number']);
  const [npType, gstin, pan] = bpp[0]!.list.map((e) => e.value) as [string, string, string];
  t.equal(npType, 'ISN');
  t.match(gstin, /^29[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/, 'a Karnataka GSTIN');
  t.equal(gstin.at(-1), gstinCheckCharacter(gstin.slice(0, 14)), 'its checksum holds');
  t.match(pan, /^[A-Z]{3}F[A-Z]\d{4}[A-Z]$/);
  t.equal(gstin.slice(2, 12), pan, 'the GSTIN embeds the PAN');

  const confirmAt = new Date(Date.parse(c.flow.stamps.at(-1)!) + 1).toISOString();
  const confirm = confirmRequest(c, 'ORD-PREPAID-1', 'PAID', confirmAt);
  const confirmed = await c.flow.call('confirm', confirm);
  t.equal(confirmed.context.action, 'on_confirm');
  t.equal(confirmed.error, undefined, `on_confirm without error: ${JSON.stringify(confirmed.error)}`);
  const order = confirmed.message.order;
  t.equal(order.id, 'ORD-PREPAID-1');
  t.equal(order.state, 'Accepted');
  t.same(order.quote, onInit.quote, 'the quote stands as quoted at init');
  addsUp(t, order.quote, 'on_confirm');
  t.same(order.items, onInit.items);
  t.same(order.billing, sent['billing']);
  t.match(order.payment, { type: 'ON-ORDER', status: 'PAID', collected_by: 'BAP', params: { amount: onInit.quote.price.value, currency: 'INR', transaction_id: 'pay_ORD-PREPAID-1' } });
  t.same(order.tags, [bpp[0], { code: 'bap_terms', list: [{ code: 'tax_number', value: BAP_GSTIN }] }]);
  t.equal(order.created_at, confirmAt, 'created_at is the confirm time');
  t.equal(order.updated_at, confirmed.context.timestamp, 'updated_at is the on_confirm time');

  const f = order.fulfillments[0]!;
  const store = kirana.locations[0]!;
  t.match(f, {
    id: c.init.fulfillmentId,
    type: 'Delivery',
    tracking: false,
    '@ondc/org/provider_name': kirana.name,
    '@ondc/org/TAT': c.selected.fulfillments[0]!['@ondc/org/TAT'],
    state: { descriptor: { code: 'Pending' } },
  });
  t.same(f['start'].location, {
    id: store.id,
    descriptor: { name: kirana.name },
    gps: `${store.gps.lat.toFixed(6)},${store.gps.lon.toFixed(6)}`,
    address: { locality: store.address.locality, street: store.address.street, city: store.address.city, area_code: store.address.areaCode, state: store.address.state },
  });
  t.match(f['start'].contact, { phone: /^\d{10}$/, email: `care@${kirana.bppId}` });
  t.same(f['end'].location, sent['fulfillments'][0].end.location);
  t.same(f['end'].person, { name: 'Asha Rao' });
  t.same(f['end'].contact, { phone: '9876543210', email: 'asha.rao@example.com' });
  const times = [f['start'].time.range.start, f['start'].time.range.end, f['end'].time.range.start, f['end'].time.range.end].map(Date.parse);
  t.ok(times.every((x, i) => i === 0 || x >= times[i - 1]!), 'pickup comes before delivery');
  t.ok(times[0]! >= Date.parse(confirmed.context.timestamp), 'pickup after the order');
  t.ok(times[1]! > times[0]! && times[3]! > times[2]!, 'both windows have length');

  const status = await c.flow.call('status', statusMessage('ORD-PREPAID-1'));
  t.equal(status.context.action, 'on_status');
  t.equal(status.error, undefined);
  t.same(status.message.order, order, 'status returns the order as placed');

  t.equal(c.flow.stamps.length, 4);
  t.ok(increasing(c.flow.stamps), `timestamps strictly increase: ${c.flow.stamps.join(' < ')}`);
});

t.test('cash on delivery at a seller that takes it', async (t) => {
  t.equal(kirana.cod, true);
  const [a, b] = take(kiranaStock, 2, (p) => p.cod) as [Product, Product];
  const c = await checkout(t, kirana, [{ product: a, count: 1 }, { product: b, count: 1 }], 'ON-FULFILLMENT');
  t.same(initMessage(c.init).order['payment'], { type: 'ON-FULFILLMENT' }, 'the init asks for it');
  t.match(c.initialized.payment, { type: 'ON-FULFILLMENT', collected_by: 'BPP' });
  const confirmed = await c.flow.call('confirm', confirmRequest(c, 'ORD-COD-1', 'NOT-PAID', new Date().toISOString()));
  t.equal(confirmed.error, undefined, JSON.stringify(confirmed.error));
  t.equal(confirmed.message.order.state, 'Accepted');
  t.match(confirmed.message.order.payment, { type: 'ON-FULFILLMENT', status: 'NOT-PAID', collected_by: 'BPP', params: { amount: c.initialized.quote.price.value } });
  t.notOk('transaction_id' in confirmed.message.order.payment['params'], 'no gateway reference for cash');
  const status = await c.flow.call('status', statusMessage('ORD-COD-1'));
  t.same(status.message.order, confirmed.message.order);
  t.ok(increasing(c.flow.stamps));
});

t.test('cash on delivery at a seller without it is refused at init with 40004', async (t) => {
  t.equal(fresh.cod, false, 'Namma Fresh Basket is prepaid only');
  const [a] = take(freshStock, 1) as [Product];
  const flow = new Flow(fresh);
  const selected = await flow.select([{ product: a, count: 1 }]);
  t.equal(selected.error, undefined);
  const init = initRequest(flow, selected.message.order.items[0]!.fulfillment_id, [{ product: a, count: 1 }], 'ON-FULFILLMENT');
  const res = await flow.call('init', initMessage(init));
  t.match(res.error, { type: 'DOMAIN-ERROR', code: '40004', message: /cash on delivery/ });
  t.equal(res.message.order.payment['type'], 'ON-ORDER', 'the answer names the type the seller does take');
  addsUp(t, res.message.order.quote, 'refused on_init');
  // Nothing was agreed, so a confirm is out of sequence.
  const onInit = res.message.order as OnInitOrder;
  await t.rejects(
    flow.call('confirm', confirmRequest({ init, onInit }, 'ORD-COD-REFUSED', 'NOT-PAID', new Date().toISOString())),
    /refused confirm \(200\).*30000.*No successful init/,
  );
  // Prepaid is fine at the same seller.
  const prepaid = await flow.call('init', initMessage({ ...init, paymentType: undefined }));
  t.equal(prepaid.error, undefined);
  t.equal(prepaid.message.order.payment['type'], 'ON-ORDER');
  t.match(prepaid.message.order.payment['@ondc/org/settlement_details'][0], { settlement_type: /^(upi|neft)$/ });
});

t.test('a confirm must carry the on_init quote and the right payment', async (t) => {
  const [a, b] = take(kiranaStock, 2) as [Product, Product];
  const c = await checkout(t, kirana, [{ product: a, count: 1 }, { product: b, count: 2 }]);
  const at = () => new Date().toISOString();

  const cheaper = structuredClone(c.onInit);
  const first = cheaper.quote.breakup[0]!;
  first.price.value = (paise(first.price.value) / 100 - 1).toFixed(2);
  cheaper.quote.price.value = (paise(cheaper.quote.price.value) / 100 - 1).toFixed(2);
  const tampered = await c.flow.call('confirm', confirmRequest({ init: c.init, onInit: cheaper }, 'ORD-TAMPERED', 'PAID', at()));
  t.match(tampered.error, { type: 'DOMAIN-ERROR', code: '40003', message: /not the one sent in on_init/ }, 'a quote one rupee cheaper, even adding up, is refused');

  const wrongAmount = confirmRequest(c, 'ORD-WRONG-AMOUNT', 'PAID', at());
  (wrongAmount.order['payment'] as { params: { amount: string } }).params.amount = '1.00';
  const underpaid = await c.flow.call('confirm', wrongAmount);
  t.match(underpaid.error, { type: 'DOMAIN-ERROR', code: '30019', message: `payment.params.amount 1.00 does not equal the quote total ${c.onInit.quote.price.value}` });

  const unpaid = await c.flow.call('confirm', confirmRequest(c, 'ORD-UNPAID', 'NOT-PAID', at()));
  t.match(unpaid.error, { code: '30019', message: /must be PAID/ });

  const codSwitch = confirmRequest(c, 'ORD-SWITCHED', 'NOT-PAID', at());
  (codSwitch.order['payment'] as { type: string }).type = 'ON-FULFILLMENT';
  const switched = await c.flow.call('confirm', codSwitch);
  t.match(switched.error, { code: '40004', message: /not the ON-ORDER agreed at init/ });

  const honest = await c.flow.call('confirm', confirmRequest(c, 'ORD-HONEST', 'PAID', at()));
  t.equal(honest.error, undefined, 'the refusals left the init standing');
  t.equal(honest.message.order.id, 'ORD-HONEST');
  const gone = await c.flow.call('status', statusMessage('ORD-TAMPERED'));
  t.match(gone.error, { code: '30018' }, 'a refused confirm placed no order');
  t.ok(increasing(c.flow.stamps));
});

t.test('a repeated confirm answers with the same order and takes the stock once', async (t) => {
  const [a] = take(kiranaStock, 1) as [Product];
  const count = 2;
  const before = await sellerStock(kirana, a);
  const c = await checkout(t, kirana, [{ product: a, count }]);
  const confirm = confirmRequest(c, 'ORD-TWICE', 'PAID', new Date().toISOString());
  const first = await c.flow.call('confirm', confirm);
  t.equal(first.error, undefined, JSON.stringify(first.error));
  t.equal(await sellerStock(kirana, a), before - count, 'the confirm took the stock');
  const again = await c.flow.call('confirm', confirm);
  t.equal(again.error, undefined);
  t.same(again.message.order, first.message.order, 'the same order, not a second one');
  t.equal(await sellerStock(kirana, a), before - count, 'and the stock was taken once');

  const elsewhere = new Flow(kirana);
  await t.rejects(elsewhere.call('confirm', confirm), /refused confirm \(200\).*30000.*another transaction/, 'the order id is not reusable in another transaction');
});

t.test('status of an order the seller does not have is 30018', async (t) => {
  const flow = new Flow(kirana);
  const res = await flow.call('status', statusMessage('NO-SUCH-ORDER'));
  t.equal(res.context.action, 'on_status');
  t.same(res.error, { type: 'DOMAIN-ERROR', code: '30018', message: `Order NO-SUCH-ORDER not found in transaction ${flow.transactionId}` });
});

t.test('the builders refuse addresses ONDC validators would refuse', async (t) => {
  const base = initRequest(new Flow(kirana), 'F1', [{ product: kiranaStock[0]!, count: 1 }]);
  const withBilling = (address: Partial<PostalAddress>, more: Partial<BuyerParty> = {}): InitRequest => ({
    ...base,
    billing: { ...base.billing, ...more, address: { ...base.billing.address, ...address } },
  });
  t.doesNotThrow(() => initMessage(base));
  t.throws(() => initMessage(withBilling({ name: 'B12' })), /billing\.address\.name must be longer than 3 characters/);
  t.throws(() => initMessage(withBilling({ locality: ' 4th ' })), /billing\.address\.locality must be longer than 3 characters/, 'spaces do not count');
  t.throws(() => initMessage(withBilling({ building: 'Same Place', locality: 'same place' })), /billing\.address\.name, building and locality must all be different/);
  // 'Flat 12B' and 'Lakshmi Residency' are 25 characters
  t.throws(() => initMessage(withBilling({ locality: 'x'.repeat(165) })), /billing\.address\.name, building and locality together must be under 190 characters \(are 190\)/);
  t.doesNotThrow(() => initMessage(withBilling({ locality: 'x'.repeat(164) })), '189 characters pass');
  t.throws(() => initMessage(withBilling({ areaCode: '56004' })), /billing\.address\.area_code must be a 6-digit pincode/);
  t.throws(() => initMessage(withBilling({}, { phone: '+919876543210' })), /billing\.phone must be 10 digits/);
  t.throws(
    () => initMessage({ ...base, delivery: { ...base.delivery, phone: '98765', address: { ...base.delivery.address, areaCode: 'ABCDEF' } } }),
    /delivery\.address\.area_code must be a 6-digit pincode; delivery\.phone must be 10 digits/,
  );
  const onInit: OnInitOrder = { quote: { price: { currency: 'INR', value: '10.00' }, breakup: [] }, payment: {} };
  t.throws(
    () => confirmMessage({ orderId: 'O1', init: withBilling({ name: 'B1' }), onInit, payment: { status: 'PAID' }, bapTaxNumber: BAP_GSTIN, recipientName: 'Asha', at: BILLING_AT }),
    /billing\.address\.name must be longer than 3 characters/,
  );
  t.throws(() => statusMessage(' '), /orderId is required/);
  t.same(statusMessage('O1'), { order_id: 'O1' });
});

t.test('GSTIN checksums agree with published GSTINs', async (t) => {
  t.equal(gstinCheckCharacter('27AAPFU0939F1Z'), 'V');
  t.equal(gstinCheckCharacter('29AAGCB7383J1Z'), '4');
});
