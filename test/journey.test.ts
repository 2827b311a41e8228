/** The foundation journey over REST and over MCP gives the same carts and totals. */
import t from 'tap';
import { comparable, runJourney } from './helpers/journey.js';
import { connectMcp, mcpCaller } from './helpers/mcp.js';
import { restCaller } from './helpers/rest.js';
import { journeyTarget, openShopFor } from './helpers/targets.js';

const target = journeyTarget();

t.test(`REST and MCP journeys agree (${target})`, async (t) => {
  const shop = await openShopFor(target);
  t.teardown(shop.close);
  const rest = await runJourney(restCaller(shop.app));
  const mcp = await connectMcp(shop.app);
  t.teardown(mcp.close);
  const viaMcp = await runJourney(mcpCaller(mcp.client));

  t.match(rest.sessionId, /^shop_[A-Za-z0-9_-]{24}$/, 'session id carries 144 random bits');
  t.not(rest.sessionId, viaMcp.sessionId, 'each journey has its own session');
  t.same(rest.searchIds, viaMcp.searchIds, 'search ranks the same on both surfaces');
  t.same(rest.picked, viaMcp.picked);

  const [first, second] = rest.picked;
  t.same(
    rest.afterAdds['lines'].map((l: any) => [l.product_id, l.quantity]),
    [
      [first, 1],
      [second, 2],
    ],
    'two products added',
  );
  t.same(
    rest.afterUpdate['lines'].map((l: any) => [l.product_id, l.quantity]),
    [
      [first, 3],
      [second, 2],
    ],
    'quantity changed',
  );
  t.same(rest.afterRemove['lines'].map((l: any) => l.product_id), [first], 'second product removed');

  const line = rest.afterRemove['lines'][0];
  t.equal(line.line_total.paise, line.unit_price.paise * 3, 'line total is unit price times quantity');
  t.equal(rest.total['subtotal'].paise, line.line_total.paise, 'subtotal is the one line');
  t.equal(
    rest.total['estimated_total'].paise,
    rest.total['subtotal'].paise + rest.total['delivery_charges'].paise + rest.total['packing_charges'].paise,
    'estimate adds delivery and packing',
  );

  for (const key of ['afterAdds', 'afterUpdate', 'afterRemove', 'total'] as const) {
    t.same(comparable(viaMcp[key]), comparable(rest[key]), `${key} is the same over MCP`);
  }
});

t.test(`search for atta returns wheat flour, priced from the catalog (${target})`, async (t) => {
  const shop = await openShopFor(target);
  t.teardown(shop.close);
  const call = restCaller(shop.app);
  const { session_id } = await call('initialize_shopping', {});
  const found = await call('search_products', { session_id, query: 'atta' });
  t.ok(found['total'] >= 5, `found ${found['total']} products for atta`);
  for (const p of found['results']) {
    t.match(`${p.name} ${p.category} ${p.description}`.toLowerCase(), /atta|flour|wheat/, `${p.name} is a flour`);
  }
  const detail = await call('get_product_details', { session_id, product_id: found['results'][0].id });
  const product = await shop.runtime.deps.catalog.getProduct(found['results'][0].id);
  t.equal(detail['product'].price.paise, product?.pricePaise, 'price comes from the catalog');
});
