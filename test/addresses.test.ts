/** Saved addresses: validation against the pincode directory, ownership, and checkout with an address_id. */
import t from 'tap';
import { DELIVERY } from './helpers/checkout.js';
import { connectMcp } from './helpers/mcp.js';
import { restCall, restCaller } from './helpers/rest.js';
import { openTestShop, type TestShop } from './helpers/shop.js';

const shop = await openTestShop({ SANDBOX_PRODUCTS_PER_PROVIDER: '30', SANDBOX_STATUS_STEP_SECONDS: '3600' });
t.teardown(shop.close);
const call = restCaller(shop.app);

async function signIn(s: TestShop, phone: string): Promise<{ session_id: string; token: string }> {
  const { session_id } = await call('initialize_shopping', {});
  await call('phone_login', { session_id, phone });
  const code = (await s.app.inject({ method: 'GET', url: `/dev/otp-inbox/${phone}` })).json().code;
  const done = await call('verify_otp', { session_id, phone, code });
  return { session_id: done['session_id'], token: done['token'] };
}

const { city: _city, state: _state, ...fields } = DELIVERY;
const HOME = { label: 'Home', ...fields, pincode: '560034' };

t.test('an address is checked against the pincode directory and filled from it', async (t) => {
  const { session_id } = await signIn(shop, '9700000001');
  const saved = await call('add_address', { session_id, ...HOME });
  t.match(saved['address_id'], /^adr_/);
  t.equal(saved['state'], 'Karnataka', 'state from the pincode');
  t.equal(saved['city_code'], 'std:080', 'ONDC city code from the pincode');
  const [lat, lon] = (saved['gps'] as string).split(',').map(Number) as [number, number];
  t.ok(Math.abs(lat - 12.93) < 0.1 && Math.abs(lon - 77.62) < 0.1, `a point in Koramangala: ${saved['gps']}`);

  const unknown = await restCall(shop.app, 'add_address', { session_id, ...HOME, pincode: '999999' });
  t.equal(unknown.status, 400);
  t.match(unknown.body.error.message, /999999 is not an Indian delivery pincode/);
  const wrongState = await restCall(shop.app, 'add_address', { session_id, ...HOME, state: 'Maharashtra' });
  t.equal(wrongState.status, 400);
  t.match(wrongState.body.error.message, /560034 is in Karnataka, not Maharashtra/);
  const badPhone = await restCall(shop.app, 'add_address', { session_id, ...HOME, phone: '12345' });
  t.equal(badPhone.status, 400);
  const long = await restCall(shop.app, 'add_address', { session_id, ...HOME, house: 'H'.repeat(100), building: 'B'.repeat(60), locality: 'L'.repeat(40) });
  t.equal(long.status, 400);
  t.match(long.body.error.message, /ONDC allows 190/);

  const moved = await call('update_address', { session_id, address_id: saved['address_id'], pincode: '400001', locality: 'Fort, Mumbai' });
  t.equal(moved['state'], 'Maharashtra', 'a new pincode brings its own state');
  t.equal(moved['city_code'], 'std:022');
  const listed = await call('list_addresses', { session_id });
  t.equal(listed['addresses'].length, 1);
  await call('delete_address', { session_id, address_id: saved['address_id'] });
  t.same((await call('list_addresses', { session_id }))['addresses'], []);
});

t.test('guests have no addresses, and one user cannot see or touch another user\'s', async (t) => {
  const { session_id: guest } = await call('initialize_shopping', {});
  const asGuest = await restCall(shop.app, 'list_addresses', { session_id: guest });
  t.equal(asGuest.status, 401);
  t.equal(asGuest.body.error.code, 'LOGIN_REQUIRED');

  const a = await signIn(shop, '9700000002');
  const b = await signIn(shop, '9700000003');
  const mine = await call('add_address', { session_id: a.session_id, ...HOME });
  const id = mine['address_id'];
  t.same((await call('list_addresses', { session_id: b.session_id }))['addresses'], [], "B's list has none of A's");
  for (const [tool, args] of [
    ['update_address', { address_id: id, locality: 'Somewhere Else' }],
    ['delete_address', { address_id: id }],
  ] as const) {
    const rest = await restCall(shop.app, tool, { session_id: b.session_id, ...args }, { authorization: `Bearer ${b.token}` });
    t.equal(rest.status, 404, `REST ${tool}: A's address is not found for B`);
  }
  const mcp = await connectMcp(shop.app, { authorization: `Bearer ${b.token}` });
  t.teardown(mcp.close);
  const viaMcp = await mcp.client.callTool({ name: 'update_address', arguments: { session_id: b.session_id, address_id: id, locality: 'Somewhere Else' } });
  t.equal(viaMcp.isError, true, 'MCP: refused too');
  t.equal((await call('list_addresses', { session_id: a.session_id }))['addresses'][0]['locality'], HOME.locality, "A's address is untouched");
});

t.test('checkout takes a saved address_id, checked against the quoted pincode', async (t) => {
  const { session_id } = await signIn(shop, '9700000004');
  const grocer = (await shop.runtime.deps.catalog.getProvider('sri-lakshmi-kirana'))!;
  const pincode = grocer.serviceablePincodes.find((p) => shop.runtime.deps.pincodes.lookup(p)) as string;
  const home = await call('add_address', { session_id, ...HOME, pincode });
  const product = (await shop.runtime.deps.catalog.search({ providerId: grocer.id, inStock: true, limit: 50, page: 1 })).hits
    .map((h) => h.product)
    .find((p) => p.pricePaise >= grocer.minOrderValuePaise && p.stock > 2)!;
  await call('add_to_cart', { session_id, product_id: product.id, quantity: 1 });
  const quoted = await call('select_items_for_order', { session_id, pincode });
  const checkout_id = quoted['checkout_id'];
  const both = await restCall(shop.app, 'initialize_order', { session_id, checkout_id, address_id: home['address_id'], name: 'X Y Z Q' });
  t.equal(both.status, 400, 'address_id or fields, not both');
  const partial = await restCall(shop.app, 'initialize_order', { session_id, checkout_id, name: DELIVERY.name });
  t.equal(partial.status, 400);
  t.match(partial.body.error.message, /Missing phone, email/);
  const init = await call('initialize_order', { session_id, checkout_id, address_id: home['address_id'] });
  t.equal(init['state'], 'initialized', 'the seller took the saved address');
  const stored = await shop.runtime.deps.stores.documents<any>('checkout').get(checkout_id);
  t.equal(stored.delivery.locality, HOME.locality);
  t.equal(stored.delivery.gps, stored.gps, 'the delivery point is the one quoted at select');
  const elsewhere = await call('add_address', { session_id, ...HOME, pincode: '110001', locality: 'Connaught Place' });
  const mismatch = await restCall(shop.app, 'initialize_order', { session_id, checkout_id, address_id: elsewhere['address_id'] });
  t.equal(mismatch.status, 400);
  t.match(mismatch.body.error.message, /quoted for delivery to \d{6}, and the address is in 110001/);
});
