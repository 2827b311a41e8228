import { readFileSync } from 'node:fs';
import t from 'tap';
import type { Product, Provider } from '../src/core/catalog.js';
import { parseOnSearch, type OnSearchBody } from '../src/ondc/ingest.js';
import type { OnSearchCatalog, WireItem, WireProvider, WireTag } from '../src/ondc/wire/catalog.js';
import { incrementalCatalog, onSearchCatalog } from '../src/sandbox/bpp/catalog-wire.js';
import { generateCatalog, SANDBOX_SELLERS } from '../src/sandbox/catalog/index.js';

const SAMPLE_FILE = new URL('./fixtures/ondc-samples/ret10-1.2.0-flow8-search.json', import.meta.url);
const sample = JSON.parse(readFileSync(SAMPLE_FILE, 'utf8')) as { payload: { on_search_full_catalog_refresh: OnSearchBody } };
/** A fresh copy each time, so a test may break it. */
const sampleBody = (): OnSearchBody => structuredClone(sample.payload.on_search_full_catalog_refresh);
const sampleProvider = (body: OnSearchBody): WireProvider => {
  const p = body.message.catalog['bpp/providers'][0];
  if (!p) throw new Error('sample has no provider');
  return p;
};
const SAMPLE_PROVIDER_ID = '4e34c307-a4ec-4525-8f35-747cab96843e';

const catalog = generateCatalog({ productsPerProvider: 40 });

function sellerCatalog(bppId: string): { providers: Provider[]; products: Product[] } {
  return {
    providers: catalog.providers.filter((p) => p.bppId === bppId),
    products: catalog.products.filter((p) => p.bppId === bppId),
  };
}

/** What actually crosses the network: JSON bytes, not our objects. */
function overTheWire(c: OnSearchCatalog): OnSearchCatalog {
  return JSON.parse(JSON.stringify(c)) as OnSearchCatalog;
}

function bodyFor(bppId: string, domain: string, city: string, wire: OnSearchCatalog): OnSearchBody {
  return { context: { bpp_id: bppId, domain, city }, message: { catalog: wire } };
}

function kirana(): { providers: Provider[]; products: Product[]; wire: OnSearchCatalog } {
  const { providers, products } = sellerCatalog('kirana.sandbox.ondc.local');
  const wire = overTheWire(onSearchCatalog({ bppId: 'kirana.sandbox.ondc.local', providers, products, coreVersion: '1.2.0' }));
  return { providers, products, wire };
}

function only<T>(list: T[], what: string): T {
  if (list.length !== 1 || list[0] === undefined) throw new Error(`expected exactly one ${what}, found ${list.length}`);
  return list[0];
}

function tag(tags: WireTag[], code: string): WireTag[] {
  return tags.filter((x) => x.code === code);
}

function keys(o: object): string[] {
  return Object.keys(o).sort();
}

function minus(a: string[], b: string[]): string[] {
  return a.filter((k) => !b.includes(k));
}

t.test('round trip: every seller, both core versions, every field survives', async (t) => {
  for (const coreVersion of ['1.2.0', '1.2.5'] as const) {
    for (const seller of SANDBOX_SELLERS) {
      const { providers, products } = sellerCatalog(seller.bppId);
      t.equal(products.length, 40, `${seller.bppId} has products to carry`);
      const provider = only(providers, 'provider');
      const wire = overTheWire(onSearchCatalog({ bppId: seller.bppId, providers, products, coreVersion }));
      const parsed = parseOnSearch(bodyFor(seller.bppId, seller.domain, provider.city, wire));
      t.strictSame(parsed.problems, [], `${coreVersion} ${seller.bppId}: no problems`);
      t.strictSame(parsed.providers, providers, `${coreVersion} ${seller.bppId}: providers`);
      t.strictSame(parsed.products, products, `${coreVersion} ${seller.bppId}: products`);
    }
  }
});

t.test('the sandbox catalog keeps the rules ONDC validators check', async (t) => {
  const { providers, products, wire } = kirana();
  const provider = only(wire['bpp/providers'], 'wire provider');
  const model = only(providers, 'provider');
  t.equal(provider.items.length, products.length);
  const locationIds = provider.locations.map((l) => l.id);
  const fulfillmentIds = wire['bpp/fulfillments'].map((f) => f.id);
  const categoryIds = (provider.categories ?? []).map((c) => c.id);
  const ranks = new Set<string>();
  for (const item of provider.items) {
    t.match(item.quantity.available.count, /^(99|0)$/, `${item.id} available.count is 99 or 0`);
    t.match(item.descriptor.code ?? '', /^[1-5]:[a-zA-Z0-9]+$/, `${item.id} descriptor.code`);
    t.match(item.price.value, /^\d+\.\d{2}$/);
    t.match(item.price.maximum_value ?? '', /^\d+\.\d{2}$/);
    t.ok(fulfillmentIds.includes(item.fulfillment_id), `${item.id} fulfillment_id is declared`);
    t.ok(locationIds.includes(item.location_id), `${item.id} location_id is declared`);
    for (const ref of item.category_ids ?? []) {
      const [menu, rank] = ref.split(':');
      t.ok(categoryIds.includes(menu ?? ''), `${item.id} custom menu ${menu} exists`);
      t.notOk(ranks.has(rank ?? ''), `rank ${rank} is unique`);
      ranks.add(rank ?? '');
    }
  }
  for (const location of provider.locations) t.match(location.gps, /^\d{2}\.\d{6,},\d{2}\.\d{6,}$/);

  const serviceability = tag(provider.tags, 'serviceability');
  const categories = new Set(provider.items.map((i) => i.category_id));
  t.equal(serviceability.length, categories.size * provider.locations.length, 'one construct per location and category');
  for (const s of serviceability) {
    t.strictSame(s.list.map((e) => e.code), ['location', 'category', 'type', 'val', 'unit']);
    t.strictSame(s.list.slice(2).map((e) => e.value), ['11', model.serviceablePincodes.join(','), 'pincode']);
  }
  t.strictSame(tag(provider.tags, 'order_value'), [{ code: 'order_value', list: [{ code: 'min_value', value: '99.00' }] }]);
  t.equal(provider.fulfillments[0]?.contact?.phone.length, 10);
});

t.test('an item on the wire carries exact values', async (t) => {
  const { products, wire } = kirana();
  const provider = only(wire['bpp/providers'], 'wire provider');
  const product = products.find((p) => p.itemId === 'atta-aashirvaad-shudh-chakki-5-kg');
  const item = provider.items.find((i) => i.id === 'atta-aashirvaad-shudh-chakki-5-kg');
  if (!product || !item) throw new Error('the canonical atta is missing from the kirana catalog');
  t.strictSame(item.price, { currency: 'INR', value: '305.00', maximum_value: '305.00' });
  t.equal(product.pricePaise, 30500);
  t.strictSame(item.quantity, { unitized: { measure: { unit: 'kilogram', value: '5' } }, available: { count: '99' }, maximum: { count: '5' } });
  t.equal(item.category_id, 'Foodgrains');
  t.equal(item['@ondc/org/return_window'], 'P7D');
  t.equal(item['@ondc/org/time_to_ship'], 'PT2H');
  t.equal(item['@ondc/org/available_on_cod'], true);
  t.equal(item.rating, '4.6');
  t.strictSame(tag(item.tags, 'veg_nonveg'), [{ code: 'veg_nonveg', list: [{ code: 'veg', value: 'yes' }] }]);
  t.strictSame(tag(item.tags, 'attribute'), [{ code: 'attribute', list: [{ code: 'brand', value: 'Aashirvaad' }] }]);
  const ext = only(tag(item.tags, 'x_ondc_shop'), 'extension tag');
  t.strictSame(ext.list[0], { code: 'stock', value: '38' });
  const menu = (provider.categories ?? []).find((c) => c.id === item.category_ids?.[0]?.split(':')[0]);
  t.equal(menu?.descriptor.name, 'Grocery > Foodgrains > Atta, Flours & Sooji');
  t.equal(item['@ondc/org/statutory_reqs_packaged_commodities']?.manufacturer_or_packer_name, 'Aashirvaad');
  t.match(item['@ondc/org/statutory_reqs_prepackaged_food']?.brand_owner_FSSAI_license_no ?? '', /^\d{14}$/);

  const outOfStock = products.find((p) => p.stock === 0);
  if (outOfStock) t.equal(provider.items.find((i) => i.id === outOfStock.itemId)?.quantity.available.count, '0');
  const rasoi = overTheWire(onSearchCatalog({ ...sellerCatalog('rasoi.sandbox.ondc.local'), bppId: 'rasoi.sandbox.ondc.local', coreVersion: '1.2.5' }));
  t.match(rasoi['bpp/providers'][0]?.['@ondc/org/fssai_license_no'] ?? '', /^\d{14}$/, 'a kitchen declares its FSSAI licence');
  const dish = rasoi['bpp/providers'][0]?.items.find((i) => i.id === 'paneer-butter-masala-full');
  t.equal(dish?.['@ondc/org/returnable'], false);
  t.equal(dish?.['@ondc/org/return_window'], 'P0D', 'no returns is a zero window');
  t.equal(dish?.['@ondc/org/statutory_reqs_packaged_commodities'], undefined, 'restaurant dishes are not packaged goods');
});

t.test('the real flow 8 sample parses to the values it holds', async (t) => {
  const result = parseOnSearch(sampleBody());
  t.strictSame(result.problems, []);
  const provider = only(result.providers, 'provider');
  t.strictSame(provider, {
    id: SAMPLE_PROVIDER_ID,
    bppId: 'ondc.wallic.io',
    domain: 'ONDC:RET10',
    name: 'Brik Oven',
    shortDesc: 'Brik oven short_desc',
    longDesc: 'Brik oven long_desc',
    city: 'std:080',
    locations: [
      {
        id: 'P7EOMN92IuHN',
        gps: { lat: 12.911388, lon: 77.601064 },
        address: { street: 'coupon park', locality: 'Kormangala', city: 'Bengalore', state: 'KA', areaCode: '560068' },
      },
    ],
    // hyperlocal (type 10, 3 km) serviceability: the store's own pincode is all a pincode list can say
    serviceablePincodes: ['560068'],
    minOrderValuePaise: 20000,
    deliveryChargePaise: 0,
    packingChargePaise: 0,
    cod: false,
    rating: 0,
    symbol: 'https://cdn.pixabay.com/photo/2020/04/17/19/48/city-5056657_640.png',
  });
  t.equal(result.products.length, 6);

  const atta = result.products.find((p) => p.itemId === 'F3rYbChuzx5d');
  t.strictSame(atta, {
    id: `${SAMPLE_PROVIDER_ID}:F3rYbChuzx5d`,
    itemId: 'F3rYbChuzx5d',
    providerId: SAMPLE_PROVIDER_ID,
    bppId: 'ondc.wallic.io',
    domain: 'ONDC:RET10',
    locationId: 'P7EOMN92IuHN',
    name: 'Ashirwad Aatta',
    shortDesc: 'whole wheat flour made in India',
    longDesc:
      'made from 100% pure whole wheat grains, natural dietary fibers, and nutrients that support digestion and immunity',
    brand: 'Ashirwad',
    categoryId: 'Atta, Flours and Sooji',
    categoryPath: ['Grocery', 'Atta, Flours and Sooji'],
    pricePaise: 24900,
    mrpPaise: 30000,
    quantity: { unit: 'gram', value: '500' },
    stock: 99,
    maxPerOrder: 20,
    veg: true,
    returnable: true,
    returnWindow: 'PT3H',
    cancellable: true,
    cod: false,
    timeToShip: 'PT15M',
    images: ['https://m.media-amazon.com/images/I/91o0m2iIpVL._AC_UF1000,1000_QL80_.jpg'],
    rating: 0,
    tags: ['ashirwad', 'atta, flours and sooji', 'veg'],
    // the item's own time.timestamp in the sample
    updatedAt: '2024-06-28T23:30:05.666Z',
  });

  const rice = result.products.find((p) => p.itemId === 'kQjd59fTkBuD');
  t.equal(rice?.name, 'GTS Original Bullet Kolam Raw Rice');
  t.equal(rice?.pricePaise, 84800);
  t.equal(rice?.mrpPaise, 111000);
  t.strictSame(rice?.quantity, { unit: 'kilogram', value: '10' });
  t.equal(rice?.veg, null, 'no veg_nonveg tag on the rice');
  t.equal(rice?.returnWindow, 'PT2H');
  t.equal(rice?.timeToShip, 'PT45M');
  t.equal(rice?.maxPerOrder, 10);
});

t.test('our catalog has the key structure of the sample', async (t) => {
  const { wire } = kirana();
  const ours = only(wire['bpp/providers'], 'wire provider');
  const theirs = sampleProvider(sampleBody());
  const sameKeys = (a: object | undefined, b: object | undefined, what: string) => t.strictSame(keys(a ?? {}), keys(b ?? {}), what);

  sameKeys(wire['bpp/descriptor'], sampleBody().message.catalog['bpp/descriptor'], 'bpp/descriptor');
  sameKeys(wire['bpp/fulfillments'][0], sampleBody().message.catalog['bpp/fulfillments'][0], 'bpp/fulfillments');
  // documented difference: 1.2.5 requires a provider rating, and 1.2.0's Provider schema has one
  t.strictSame(minus(keys(theirs), keys(ours)), [], 'no provider key of the sample is missing');
  t.strictSame(minus(keys(ours), keys(theirs)), ['rating'], 'provider: rating added');
  sameKeys(ours.descriptor, theirs.descriptor, 'provider descriptor');
  sameKeys(ours.fulfillments[0], theirs.fulfillments[0], 'provider fulfillment');
  sameKeys(ours.categories?.[0], theirs.categories?.[0], 'category');

  const [location, sampleLocation] = [ours.locations[0], theirs.locations[0]];
  // documented difference: no circle, since our serviceability is a pincode list (type 11), not a radius
  t.strictSame(minus(keys(sampleLocation ?? {}), keys(location ?? {})), ['circle']);
  t.strictSame(minus(keys(location ?? {}), keys(sampleLocation ?? {})), []);
  sameKeys(location?.address, sampleLocation?.address, 'address');
  sameKeys(location?.time, sampleLocation?.time, 'location time');

  const item = ours.items.find((i) => i.id === 'atta-aashirvaad-shudh-chakki-5-kg') as WireItem;
  const sampleItem = theirs.items[0] as WireItem;
  // documented differences: no variant groups in our model; custom menu and rating added
  t.strictSame(minus(keys(sampleItem), keys(item)), ['parent_item_id']);
  t.strictSame(minus(keys(item), keys(sampleItem)), ['category_ids', 'rating']);
  for (const part of ['descriptor', 'quantity', 'price', 'time', '@ondc/org/statutory_reqs_packaged_commodities'] as const) {
    sameKeys(item[part], sampleItem[part], `item ${part}`);
  }
  const food = item['@ondc/org/statutory_reqs_prepackaged_food'];
  t.strictSame(minus(keys(food ?? {}), keys(sampleItem['@ondc/org/statutory_reqs_prepackaged_food'] ?? {})), []);
  t.strictSame(
    ours.tags.map((x) => x.code).filter((c, i, all) => all.indexOf(c) === i),
    ['timing', 'serviceability', 'order_value', 'x_ondc_shop'],
    'provider tags: the sample codes, then our extension',
  );
  t.strictSame(item.tags.map((x) => x.code), ['origin', 'veg_nonveg', 'attribute', 'x_ondc_shop']);
});

t.test('a malformed item is reported and skipped; the rest still parse', async (t) => {
  const body = sampleBody();
  const items = sampleProvider(body).items as unknown as Array<Record<string, unknown>>;
  (items[0]?.price as { value: string }).value = 'abc';
  delete items[1]?.id;
  ((items[2]?.quantity as WireItem['quantity']).unitized.measure as { unit: string }).unit = 'bushel';
  items.push(null as unknown as Record<string, unknown>);

  const result = parseOnSearch(body);
  t.strictSame(
    result.products.map((p) => p.itemId),
    ['FrbPm29GcJZz', 'kQjd59fTkBuD', 'CxrDN3TwdwFh', 'uGQuRWWoD7NG'],
  );
  t.strictSame(result.problems, [
    `provider ${SAMPLE_PROVIDER_ID} item F3rYbChuzx5d: price.value "abc" is not a rupee amount; skipped`,
    `provider ${SAMPLE_PROVIDER_ID} item #2: no id; skipped`,
    `provider ${SAMPLE_PROVIDER_ID} item FrbPm29GcJZz: measure "5 bushel" unreadable; taken as 1 unit`,
    `provider ${SAMPLE_PROVIDER_ID} item #7: not an object; skipped`,
  ]);
  t.strictSame(result.products[0]?.quantity, { unit: 'unit', value: '1' });
  t.equal(result.products[1]?.pricePaise, 84800, 'the next item keeps its own price');
});

t.test('a foreign seller: units, exact money, pincode ranges, menus and defaults', async (t) => {
  const body = sampleBody();
  const provider = sampleProvider(body);
  const [first, second] = provider.items as [WireItem, WireItem];
  first.price = { currency: 'INR', value: '1234567.1', maximum_value: '0.29' };
  first.quantity.unitized.measure = { unit: 'dozen', value: '2' };
  first.category_ids = ['mymaqaAhO6ml:1', 'menu-x:2'];
  first.rating = '4';
  first.tags = [{ code: 'veg_nonveg', list: [{ code: 'veg', value: 'yes' }, { code: 'non_veg', value: 'yes' }] }];
  (second.price as unknown as { value: number }).value = 249.5;
  second.quantity.unitized.measure = { unit: 'tonne', value: '0.25' };
  second.quantity.available.count = '0';
  second['@ondc/org/returnable'] = 'yes' as unknown as boolean;
  second['@ondc/org/return_window'] = 'P0D';
  provider.categories?.push({
    id: 'menu-x',
    descriptor: { name: 'Daily Staples' },
    tags: [{ code: 'type', list: [{ code: 'type', value: 'custom_menu' }] }],
  });
  provider.tags.push({
    code: 'serviceability',
    list: [
      { code: 'location', value: 'P7EOMN92IuHN' },
      { code: 'category', value: 'Dals and Pulses' },
      { code: 'type', value: '11' },
      { code: 'val', value: '560001-560003,560068,560010,110001-999999' },
      { code: 'unit', value: 'pincode' },
    ],
  });

  const result = parseOnSearch(body);
  const a = result.products.find((p) => p.itemId === first.id);
  const b = result.products.find((p) => p.itemId === second.id);
  t.equal(a?.pricePaise, 123456710, 'decimal digits, not floats');
  t.equal(a?.mrpPaise, 123456710, 'an MRP below the price is lifted to it');
  t.strictSame(a?.quantity, { unit: 'unit', value: '24' });
  t.strictSame(a?.categoryPath, ['Grocery', 'Atta, Flours and Sooji', 'Daily Staples'], 'variant groups are not menus');
  t.equal(a?.rating, 4);
  t.equal(a?.veg, false, 'contradictory veg tags count as non-veg');
  t.equal(b?.pricePaise, 24950, 'a number price is read too');
  t.strictSame(b?.quantity, { unit: 'kilogram', value: '250' });
  t.equal(b?.stock, 0);
  t.equal(b?.returnable, true);
  t.equal(b?.returnWindow, null, 'a zero window means no return window');
  t.strictSame(result.providers[0]?.serviceablePincodes, ['560001', '560002', '560003', '560068', '560010']);
  t.strictSame(result.problems, [
    `provider ${SAMPLE_PROVIDER_ID}: serviceability val "110001-999999" is not a pincode or a range we expand; ignored`,
    `provider ${SAMPLE_PROVIDER_ID} item F3rYbChuzx5d: price.maximum_value below price.value; MRP taken as the price`,
  ]);
});

t.test('a body without the context or catalog we need throws a clear error', async (t) => {
  const withContext = (context: Record<string, unknown>) => ({ ...sampleBody(), context }) as unknown as OnSearchBody;
  t.throws(() => parseOnSearch({ message: sampleBody().message } as unknown as OnSearchBody), /no context/);
  t.throws(() => parseOnSearch(withContext({ domain: 'ONDC:RET10' })), /context\.bpp_id is missing/);
  t.throws(() => parseOnSearch(withContext({ bpp_id: 'x.example', domain: 'ONDC:RET19' })), /context\.domain "ONDC:RET19"/);
  t.throws(() => parseOnSearch({ context: sampleBody().context, message: {} } as unknown as OnSearchBody), /message\.catalog is missing/);
  t.throws(
    () => parseOnSearch({ context: sampleBody().context, message: { catalog: { 'bpp/providers': {} } } } as unknown as OnSearchBody),
    /bpp\/providers'\] is not an array/,
  );
  const noId = sampleBody();
  delete (sampleProvider(noId) as Partial<WireProvider>).id;
  const skipped = parseOnSearch(noId);
  t.strictSame(skipped.providers, []);
  t.strictSame(skipped.problems, ['provider #1: no id; skipped with its items']);
});

t.test('an incremental change (catalog_inc push) parses against the provider the full catalog gave', async (t) => {
  const { providers, products } = kirana();
  const provider = only(providers, 'kirana provider');
  const changedAt = '2025-02-01T10:00:00.000Z';
  const changed = products.slice(0, 2).map((p) => ({ ...p, stock: p.stock - 1, updatedAt: changedAt }));
  const wire = JSON.parse(JSON.stringify(incrementalCatalog(provider, changed))) as OnSearchCatalog;
  t.same(keys(wire['bpp/providers'][0] as object), ['id', 'items'], 'the provider is named by id alone, as in the spec example');
  const body = bodyFor(provider.bppId, provider.domain, provider.city, wire);

  const parsed = parseOnSearch(body, new Map([[provider.id, provider]]));
  t.same(parsed.providers, [], 'the provider itself is unchanged');
  t.equal(parsed.products.length, 2);
  for (const [i, p] of parsed.products.entries()) {
    const want = changed[i] as Product;
    t.equal(p.id, want.id);
    t.equal(p.stock, want.stock, 'the new stock');
    t.equal(p.updatedAt, changedAt, "the item's change time");
    t.equal(p.locationId, want.locationId, 'sold from the store the full catalog listed');
  }

  const unknown = parseOnSearch(body);
  t.same(unknown.products, [], 'without the full catalog the items cannot be placed');
  t.match(unknown.problems.join('\n'), /no descriptor\.name/);
});
