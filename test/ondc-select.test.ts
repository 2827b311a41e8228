/** select / on_select against the sandbox sellers over loopback: quotes that add up, and the sellers' refusals. */
import t from 'tap';
import type { Product, Provider } from '../src/core/catalog.js';
import { newTransactionId } from '../src/ondc/context.js';
import { selectMessage } from '../src/ondc/messages.js';
import { openTestShop } from './helpers/shop.js';

const shop = await openTestShop();
t.teardown(shop.close);
const { catalog } = shop.runtime.deps;
const kirana = (await catalog.getProvider('sri-lakshmi-kirana'))!;
const all = (await catalog.search({ providerId: kirana.id, limit: 10_000, page: 1 })).hits.map((h) => h.product);
const inStock = all.filter((p) => p.stock >= 5 && p.maxPerOrder >= 2);
const servedPincode = kirana.serviceablePincodes[0]!;

interface Breakup {
  '@ondc/org/item_id': string;
  '@ondc/org/title_type': string;
  '@ondc/org/item_quantity'?: { count: number };
  price: { value: string };
  item?: { quantity?: { available: { count: string } } };
}
interface OnSelect {
  order: {
    items: Array<{ id: string; fulfillment_id: string }>;
    fulfillments: Array<{ id: string; '@ondc/org/TAT': string; state: { descriptor: { code: string } } }>;
    quote: { price: { currency: string; value: string }; breakup: Breakup[]; ttl: string };
  };
}

function select(provider: Provider, lines: Array<{ product: Product; count: number }>, areaCode = servedPincode) {
  const location = provider.locations[0]!;
  return shop.runtime.buyer.call<OnSelect>({
    action: 'select',
    bppId: provider.bppId,
    domain: provider.domain,
    city: provider.city,
    transactionId: newTransactionId(),
    message: selectMessage({
      providerId: provider.id,
      locationId: location.id,
      items: lines.map((l) => ({ itemId: l.product.itemId, count: l.count })),
      areaCode,
      gps: `${location.gps.lat},${location.gps.lon}`,
    }),
    deadlineMs: 5000,
  });
}

const paise = (value: string) => Math.round(Number(value) * 100);

t.test('a quote prices every line from the catalog and its breakup adds up to the total', async (t) => {
  // Two of the dearer products, so the order clears the seller's minimum value.
  const [a, b] = [...inStock].sort((x, y) => y.pricePaise - x.pricePaise);
  if (!a || !b) throw new Error('the sandbox grocer has too few products in stock');
  const res = await select(kirana, [
    { product: a, count: 2 },
    { product: b, count: 1 },
  ]);
  t.equal(res.error, undefined, `no error: ${JSON.stringify(res.error)}`);
  t.equal(res.context.action, 'on_select');
  t.equal(res.context.bpp_id, kirana.bppId);
  const { quote, items, fulfillments } = res.message.order;
  t.same(items.map((i) => i.id), [a.itemId, b.itemId]);
  t.equal(fulfillments[0]!.state.descriptor.code, 'Serviceable');
  t.match(fulfillments[0]!['@ondc/org/TAT'], /^P(\d+D)?(T(\d+H)?(\d+M)?)?$/);
  const lines = quote.breakup;
  t.same(lines.map((l) => l['@ondc/org/title_type']), ['item', 'item', 'delivery', 'packing', 'tax']);
  t.equal(paise(lines[0]!.price.value), a.pricePaise * 2, 'item line = unit price x count');
  t.equal(paise(lines[1]!.price.value), b.pricePaise);
  t.equal(paise(lines[2]!.price.value), kirana.deliveryChargePaise);
  t.equal(paise(lines[3]!.price.value), kirana.packingChargePaise);
  t.equal(paise(lines[4]!.price.value), Math.round(((kirana.deliveryChargePaise + kirana.packingChargePaise) * 18) / 100));
  t.equal(paise(quote.price.value), lines.reduce((n, l) => n + paise(l.price.value), 0), 'total equals the sum of the breakup');
  t.match(quote.price.value, /^\d+\.\d{2}$/, 'two decimals on the wire');
  t.equal(quote.ttl, 'PT1H');
});

t.test('out of stock is reported as 40002 with the line at zero', async (t) => {
  const gone = all.find((p) => p.stock === 0)!;
  const res = await select(kirana, [
    { product: inStock[0]!, count: 1 },
    { product: gone, count: 1 },
  ]);
  t.match(res.error, { type: 'DOMAIN-ERROR', code: '40002', message: new RegExp(gone.itemId) });
  const line = res.message.order.quote.breakup.find((l) => l['@ondc/org/item_id'] === gone.itemId)!;
  t.equal(line.item?.quantity?.available.count, '0');
  t.equal(line['@ondc/org/item_quantity']?.count, 0);
});

t.test('a pincode the seller does not serve is reported as 30009', async (t) => {
  const res = await select(kirana, [{ product: inStock[0]!, count: 1 }], '560100');
  t.notOk(kirana.serviceablePincodes.includes('560100'), 'Electronic City is not served');
  t.match(res.error, { code: '30009', message: /560100/ });
  t.equal(res.message.order.fulfillments[0]!.state.descriptor.code, 'Non-serviceable');
});

t.test('an order below the minimum value is reported as 30023', async (t) => {
  t.ok(kirana.minOrderValuePaise > 0);
  const cheap = inStock.filter((p) => p.pricePaise < kirana.minOrderValuePaise).sort((x, y) => x.pricePaise - y.pricePaise)[0]!;
  const res = await select(kirana, [{ product: cheap, count: 1 }]);
  t.match(res.error, { code: '30023', message: /Minimum order value/ });
});

t.test('a select for another seller\'s provider is refused with a NACK', async (t) => {
  const other = (await catalog.getProvider('namma-fresh-basket'))!;
  const location = other.locations[0]!;
  await t.rejects(
    shop.runtime.buyer.call({
      action: 'select',
      bppId: kirana.bppId,
      domain: kirana.domain,
      city: kirana.city,
      transactionId: newTransactionId(),
      message: selectMessage({ providerId: other.id, locationId: location.id, items: [{ itemId: inStock[0]!.itemId, count: 1 }], areaCode: servedPincode, gps: '12.9,77.6' }),
      deadlineMs: 2000,
    }),
    /refused select \(200\).*30004/,
  );
});
