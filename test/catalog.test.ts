import { isDeepStrictEqual } from 'node:util';
import t from 'tap';
import type { Catalog, Product } from '../src/core/catalog.js';
import { generateCatalog, SANDBOX_SELLERS } from '../src/sandbox/catalog/index.js';

const ID = /^[a-z0-9-]+$/;
const DURATION = /^P(\d+D)?(T(\d+H)?(\d+M)?)?$/;
/** Grocery categories that are not food, so veg/non-veg does not apply. */
const NON_FOOD_GROCERY = new Set(['Cleaning & Household', 'Beauty & Hygiene']);

const catalog = generateCatalog();

function byProvider(c: Catalog): Map<string, Product[]> {
  const map = new Map<string, Product[]>();
  for (const p of c.products) {
    const list = map.get(p.providerId) ?? [];
    list.push(p);
    map.set(p.providerId, list);
  }
  return map;
}

function find(c: Catalog, providerId: string, name: string): Product {
  const p = c.products.find((x) => x.providerId === providerId && x.name === name);
  if (!p) throw new Error(`no product "${name}" at ${providerId}`);
  return p;
}

t.test('deterministic for a seed, different across seeds', async (t) => {
  // tap's t.same diffing is slow on thousands of objects; node's deep-equal gives the same verdict
  t.ok(isDeepStrictEqual(generateCatalog(), catalog), 'default catalog is reproducible');
  t.same(generateCatalog({ seed: 7, productsPerProvider: 20 }), generateCatalog({ seed: 7, productsPerProvider: 20 }));
  const other = generateCatalog({ seed: 7 });
  t.notOk(isDeepStrictEqual(other, catalog), 'another seed gives another catalog');
  t.notSame(
    other.products.map((p) => p.pricePaise),
    catalog.products.map((p) => p.pricePaise),
    'seed changes prices',
  );
  t.same(
    other.products.map((p) => p.id),
    catalog.products.map((p) => p.id),
    'but not which items exist',
  );
});

t.test('providers span grocery, F&B and two more retail domains, each on its own seller app', async (t) => {
  const { providers } = catalog;
  t.ok(providers.length >= 4);
  const domains = new Set(providers.map((p) => p.domain));
  t.ok(domains.has('ONDC:RET10'), 'grocery');
  t.ok(domains.has('ONDC:RET11'), 'food & beverage');
  t.ok(domains.size >= 4, `domains: ${[...domains].join(', ')}`);
  t.equal(new Set(providers.map((p) => p.id)).size, providers.length, 'provider ids unique');
  t.equal(new Set(providers.map((p) => p.bppId)).size, providers.length, 'one provider per seller app');
  t.equal(SANDBOX_SELLERS.length, providers.length);
  for (const p of providers) {
    t.match(p.id, ID);
    const seller = SANDBOX_SELLERS.find((s) => s.bppId === p.bppId);
    t.ok(seller, `${p.bppId} is a sandbox seller`);
    t.equal(seller?.domain, p.domain);
    t.match(p.bppId, /^[a-z0-9.-]+\.sandbox\.ondc\.local$/);
    t.match(p.city, /^std:0\d{2,4}$/);
    t.ok(p.locations.length >= 1 && p.locations.length <= 2, `${p.id} has 1-2 locations`);
    for (const loc of p.locations) {
      t.match(loc.address.areaCode, /^\d{6}$/);
      t.ok(loc.gps.lat > 6 && loc.gps.lat < 37 && loc.gps.lon > 68 && loc.gps.lon < 98, `${loc.id} gps is in India`);
      t.ok(p.serviceablePincodes.includes(loc.address.areaCode), `${p.id} delivers around its own store ${loc.id}`);
    }
    t.ok(p.serviceablePincodes.length >= 5);
    t.ok(p.serviceablePincodes.every((pin) => /^\d{6}$/.test(pin)));
    for (const n of [p.minOrderValuePaise, p.deliveryChargePaise, p.packingChargePaise]) t.ok(Number.isInteger(n) && n >= 0);
    t.ok(p.rating >= 0 && p.rating <= 5);
    t.match(p.symbol, /^https:\/\//);
  }
  t.ok(providers.some((p) => !p.cod), 'at least one provider without COD');
  t.ok(providers.some((p) => p.cod), 'and at least one with COD');
  t.ok(providers.some((p) => p.minOrderValuePaise === 0), 'one provider without a minimum order');
  const grocers = providers.filter((p) => p.domain === 'ONDC:RET10');
  t.ok(grocers.length >= 2, 'two grocers to compare');
});

t.test('hundreds of products per provider by default', async (t) => {
  const groups = byProvider(catalog);
  for (const p of catalog.providers) t.ok((groups.get(p.id)?.length ?? 0) >= 200, `${p.id}: ${groups.get(p.id)?.length}`);
  const ids = catalog.products.map((p) => p.id);
  t.equal(new Set(ids).size, ids.length, 'catalog ids unique');
});

t.test('every product is well formed and belongs to its provider', async (t) => {
  const providers = new Map(catalog.providers.map((p) => [p.id, p]));
  const bad: string[] = [];
  const check = (ok: boolean, what: string, p: Product) => {
    if (!ok) bad.push(`${p.id}: ${what}`);
  };
  for (const p of catalog.products) {
    const provider = providers.get(p.providerId);
    check(provider !== undefined, 'unknown provider', p);
    if (!provider) continue;
    check(p.bppId === provider.bppId && p.domain === provider.domain, 'bpp/domain mismatch', p);
    check(p.id === `${p.providerId}:${p.itemId}`, 'id is not providerId:itemId', p);
    check(ID.test(p.itemId), 'item id charset', p);
    check(provider.locations.some((l) => l.id === p.locationId), 'unknown location', p);
    check(Number.isInteger(p.pricePaise) && p.pricePaise > 0, 'price not a positive integer', p);
    check(Number.isInteger(p.mrpPaise) && p.mrpPaise >= p.pricePaise, 'mrp below price', p);
    check(Number.isInteger(p.stock) && p.stock >= 0 && Number.isInteger(p.maxPerOrder) && p.maxPerOrder >= 1, 'stock/maxPerOrder', p);
    check(/^\d+(\.\d+)?$/.test(p.quantity.value) && Number(p.quantity.value) > 0, 'quantity value', p);
    check(p.returnable === (p.returnWindow !== null), 'returnWindow null iff not returnable', p);
    check(p.returnWindow === null || DURATION.test(p.returnWindow), 'returnWindow format', p);
    check(DURATION.test(p.timeToShip), 'timeToShip format', p);
    check(!p.cod || provider.cod, 'COD item at a prepaid-only provider', p);
    check(p.rating >= 0 && p.rating <= 5 && Math.round(p.rating * 10) === p.rating * 10, 'rating', p);
    check(p.images.length > 0 && p.images.every((u) => u.startsWith(`https://cdn.sandbox.ondc.local/img/${p.providerId}/`)), 'images', p);
    check(p.categoryPath.length >= 2 && p.categoryPath.includes(p.categoryId), 'categoryPath', p);
    check(p.name.length > 0 && p.brand.length > 0 && p.shortDesc.length > 0 && p.tags.length > 0, 'text fields', p);
    const food = p.domain === 'ONDC:RET11' || (p.domain === 'ONDC:RET10' && !NON_FOOD_GROCERY.has(p.categoryId));
    check(food ? typeof p.veg === 'boolean' : p.veg === null, `veg=${p.veg} for ${p.categoryId}`, p);
    if (p.domain === 'ONDC:RET11') {
      check(!p.returnable, 'restaurant food is not returnable', p);
      check(/^PT(30|35|40|45)M$/.test(p.timeToShip), 'food ships in 30-45 min', p);
    }
  }
  t.same(bad.slice(0, 20), [], `${bad.length} problems`);
  t.ok(catalog.products.some((p) => p.veg === false), 'some non-veg food');
  t.ok(catalog.products.some((p) => p.returnable) && catalog.products.some((p) => !p.returnable));
});

t.test('out-of-stock items exist but are rare', async (t) => {
  const oos = catalog.products.filter((p) => p.stock === 0).length;
  t.ok(oos > 0, `${oos} out of stock`);
  t.ok(oos < catalog.products.length * 0.1);
});

t.test('Hindi and Hinglish names are searchable', async (t) => {
  const has = (word: string) => catalog.products.filter((p) => p.name.toLowerCase().includes(word) || p.tags.includes(word));
  const atta = has('atta');
  t.ok(atta.length > 0);
  t.ok(atta.some((p) => /Whole Wheat Atta/.test(p.name)), 'atta finds wheat flour');
  t.ok(has('haldi').some((p) => p.name.includes('Turmeric')), 'haldi finds turmeric');
  t.ok(has('lal mirch').some((p) => p.name.includes('Red Chilli')), 'lal mirch finds red chilli powder');
  t.ok(has('doodh').some((p) => / Milk /.test(p.name)), 'doodh finds milk');
});

t.test('prices are realistic and scale with pack size', async (t) => {
  const kirana = 'sri-lakshmi-kirana';
  const rupees = (p: Product) => p.pricePaise / 100;
  const atta5 = find(catalog, kirana, 'Aashirvaad Shudh Chakki Whole Wheat Atta 5 kg');
  t.ok(rupees(atta5) >= 250 && rupees(atta5) <= 340, `atta 5 kg Rs ${rupees(atta5)}`);
  const ghee = find(catalog, kirana, 'Amul Pure Ghee 1 l');
  t.ok(rupees(ghee) >= 580 && rupees(ghee) <= 720, `ghee 1 l Rs ${rupees(ghee)}`);
  const basmati = catalog.products.filter((p) => / Basmati Rice 1 kg$/.test(p.name));
  t.ok(basmati.length >= 3);
  for (const p of basmati) t.ok(rupees(p) >= 100 && rupees(p) <= 260, `${p.name} Rs ${rupees(p)}`);
  const pbm = find(catalog, 'rasoi-express', 'Paneer Butter Masala (Full)');
  t.ok(rupees(pbm) >= 200 && rupees(pbm) <= 450, `PBM Rs ${rupees(pbm)}`);

  const big = generateCatalog({ productsPerProvider: 1000 });
  const atta1 = find(big, kirana, 'Aashirvaad Shudh Chakki Whole Wheat Atta 1 kg');
  const atta10 = find(big, kirana, 'Aashirvaad Shudh Chakki Whole Wheat Atta 10 kg');
  const atta5b = find(big, kirana, 'Aashirvaad Shudh Chakki Whole Wheat Atta 5 kg');
  t.ok(atta1.pricePaise < atta5b.pricePaise && atta5b.pricePaise < atta10.pricePaise, 'bigger packs cost more');
  t.ok(atta5b.mrpPaise / 5 < atta1.mrpPaise, 'and less per kg');
  t.equal(atta5b.quantity.unit, 'kilogram');
  t.equal(atta5b.quantity.value, '5');
});

t.test('two grocers sell overlapping staples at different prices', async (t) => {
  const a = byProvider(catalog).get('sri-lakshmi-kirana') ?? [];
  const b = new Map((byProvider(catalog).get('namma-fresh-basket') ?? []).map((p) => [p.name, p]));
  const shared = a.filter((p) => b.has(p.name));
  t.ok(shared.length >= 50, `${shared.length} shared items`);
  t.ok(shared.length < a.length, 'ranges are not identical');
  const cheaperElsewhere = shared.filter((p) => (b.get(p.name)?.pricePaise ?? 0) !== p.pricePaise);
  t.ok(cheaperElsewhere.length > shared.length / 2, 'prices differ for most shared items');
});

t.test('explicit sizes', async (t) => {
  const small = generateCatalog({ productsPerProvider: 10 });
  t.equal(small.products.length, 10 * small.providers.length);
  t.equal(generateCatalog({ totalProducts: 0 }).products.length, 0);
  const odd = generateCatalog({ totalProducts: 1003 });
  t.equal(odd.products.length, 1003);
  const sizes = [...byProvider(odd).values()].map((l) => l.length);
  t.ok(Math.max(...sizes) - Math.min(...sizes) <= 1, `even share: ${sizes.join(', ')}`);
});

t.test('scales to 100k products with unique ids', async (t) => {
  const big = generateCatalog({ totalProducts: 100_000 });
  t.equal(big.products.length, 100_000);
  t.equal(new Set(big.products.map((p) => p.id)).size, 100_000, 'ids unique');
  t.ok(big.products.every((p) => ID.test(p.itemId)), 'item id charset holds at scale');
  const names = new Set(big.products.map((p) => p.name)).size;
  t.ok(names > 50_000, `${names} distinct names: scale comes from multipacks and combos, not copies`);
  const prefix = generateCatalog({ totalProducts: 6000 });
  const bigIds = new Set(big.products.map((p) => p.id));
  t.ok(prefix.products.every((p) => bigIds.has(p.id)), 'a smaller catalog is a subset of a bigger one');
});
