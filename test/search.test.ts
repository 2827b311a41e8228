/** search_products: Indian shopping words, sizes, filters, facets, sort and cursors, through REST. */
import t from 'tap';
import { restCall, restCaller } from './helpers/rest.js';
import { openTestShop } from './helpers/shop.js';

const shop = await openTestShop();
t.teardown(shop.close);
const call = restCaller(shop.app);
const { session_id } = await call('initialize_shopping', {});
const search = (args: Record<string, unknown>) => call('search_products', { session_id, ...args });
const names = (r: Record<string, any>) => (r['results'] as Array<{ name: string }>).map((p) => p.name);

t.test('Hindi and Hinglish words find what catalogs call them', async (t) => {
  const cases: Array<[string, RegExp]> = [
    ['doodh', /milk/i],
    ['haldi', /turmeric/i],
    ['lal mirch', /red chilli/i],
    ['chawal', /rice/i],
    ['jeera', /cumin|jeera/i],
    ['atta', /atta/i],
  ];
  for (const [query, expected] of cases) {
    const r = await search({ query, limit: 5 });
    t.ok(r['total'] > 0, `${query}: ${r['total']} found`);
    t.ok(names(r).every((n) => expected.test(n)), `${query}: ${names(r).slice(0, 3).join('; ')}`);
  }
});

t.test('a size in the query puts that pack size first; typos and plurals still match', async (t) => {
  const fiveKg = await search({ query: '5 kg atta', limit: 3 });
  t.match(names(fiveKg)[0], /atta.*5 kg/i);
  const misspelt = await search({ query: 'bsmati rice', limit: 3 });
  t.match(names(misspelt)[0], /basmati/i);
  const plural = await search({ query: 'biscuits', limit: 3 });
  t.ok(names(plural).every((n) => /biscuit|cookie/i.test(n)), names(plural).join('; '));
});

t.test('filters narrow, facets count every match, sort orders', async (t) => {
  const nonVeg = await search({ query: 'biryani', veg: false, limit: 50 });
  t.ok(nonVeg['total'] > 0);
  t.ok(nonVeg['results'].every((p: any) => p.veg === false), 'only non-veg');
  const all = await search({ query: 'biryani', limit: 50 });
  const diet = Object.fromEntries(all['facets'].diet.map((f: any) => [f.value, f.count]));
  t.equal((diet['veg'] ?? 0) + (diet['non_veg'] ?? 0) + (diet['not_applicable'] ?? 0), all['total'], 'diet facet covers every match');
  t.equal(diet['non_veg'], nonVeg['total'], 'the facet predicts the filtered total');

  const cheap = await search({ query: 'rice', sort: 'price_asc', limit: 20 });
  const prices = cheap['results'].map((p: any) => p.price.paise);
  t.same(prices, [...prices].sort((a: number, b: number) => a - b), 'price ascending');
  const rated = await search({ query: 'rice', sort: 'rating', limit: 20 });
  const ratings = rated['results'].map((p: any) => p.rating);
  t.same(ratings, [...ratings].sort((a: number, b: number) => b - a), 'best rated first');

  const stocked = await search({ category: 'Foodgrains', in_stock: true, limit: 50 });
  t.ok(stocked['results'].every((p: any) => p.in_stock), 'in stock only');
  const amul = await search({ query: 'ghee', brand: 'Amul', limit: 50 });
  t.ok(amul['total'] > 0 && amul['results'].every((p: any) => p.brand === 'Amul'), 'one brand');
  const rich = await search({ query: 'ghee', min_rating: 4.5, limit: 50 });
  t.ok(rich['results'].every((p: any) => p.rating >= 4.5));
  const cod = await search({ query: 'rice', cod: true, limit: 50 });
  t.ok(cod['results'].every((p: any) => p.cod && p.provider.id !== 'namma-fresh-basket'), 'payable on delivery, at sellers that take it');
});

t.test('deliverable to a pincode means its seller serves that pincode', async (t) => {
  const served = (await shop.runtime.deps.catalog.getProvider('sri-lakshmi-kirana'))!.serviceablePincodes[0]!;
  const r = await search({ query: 'rice', pincode: served, limit: 50 });
  for (const p of r['results']) {
    const provider = await shop.runtime.deps.catalog.getProvider(p.provider.id);
    t.ok(provider!.serviceablePincodes.includes(served), `${p.provider.id} delivers to ${served}`);
  }
  const nobody = await search({ query: 'rice', pincode: '560100', limit: 10 });
  t.equal(nobody['total'], 0, 'nobody delivers to Electronic City');
  const made = await restCall(shop.app, 'search_products', { session_id, query: 'rice', pincode: '999999' });
  t.equal(made.status, 400, 'a pincode India Post does not know is refused');
  t.match(made.body.error.message, /999999 is not an Indian delivery pincode/);
});

t.test('cursors walk the pages without repeats', async (t) => {
  const first = await search({ query: 'masala', limit: 5 });
  t.equal(first['next_cursor'], 'p2');
  const second = await search({ query: 'masala', limit: 5, cursor: first['next_cursor'] });
  t.equal(second['page'], 2);
  const overlap = first['results'].filter((a: any) => second['results'].some((b: any) => b.id === a.id));
  t.equal(overlap.length, 0);
  const last = await search({ query: 'masala', limit: 50, page: Math.ceil(first['total'] / 50) });
  t.equal(last['next_cursor'], null);
  const bad = await restCall(shop.app, 'search_products', { session_id, query: 'masala', cursor: 'p0' });
  t.equal(bad.status, 400);
});
