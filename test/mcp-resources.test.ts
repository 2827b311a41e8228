/** MCP resources (cart, order by URI) and prompts (guided shopping, return, complaint) through the SDK client. */
import t from 'tap';
import { runCheckoutJourney } from './helpers/checkout.js';
import { connectMcp } from './helpers/mcp.js';
import { restCaller } from './helpers/rest.js';
import { openTestShop } from './helpers/shop.js';

const shop = await openTestShop({ SANDBOX_PRODUCTS_PER_PROVIDER: '30', SANDBOX_STATUS_STEP_SECONDS: '3600' });
t.teardown(shop.close);
const call = restCaller(shop.app);
const mcp = await connectMcp(shop.app);
t.teardown(mcp.close);

t.test('the cart and an order read by URI; another session reads neither', async (t) => {
  const templates = (await mcp.client.listResourceTemplates()).resourceTemplates.map((r) => r.uriTemplate);
  t.same(templates.sort(), [
    'shop://sessions/{session_id}/cart',
    'shop://sessions/{session_id}/grievances/{grievance_id}',
    'shop://sessions/{session_id}/orders/{order_id}',
  ]);
  const { confirmed, session_id } = await runCheckoutJourney(call, shop.runtime.deps.catalog);
  const orderId = (confirmed['sellers'] as Array<{ order_id: string }>)[0]!.order_id;
  const order = await mcp.client.readResource({ uri: `shop://sessions/${session_id}/orders/${orderId}` });
  const body = JSON.parse((order.contents[0] as { text: string }).text);
  t.equal(body.order_id, orderId);
  t.equal(body.state, 'Accepted');
  const cart = await mcp.client.readResource({ uri: `shop://sessions/${session_id}/cart` });
  t.ok('lines' in JSON.parse((cart.contents[0] as { text: string }).text), 'the cart reads as a cart view');

  const complaint = await call('raise_grievance', { session_id, order_id: orderId, sub_category: 'FLM02', description: 'It has not come yet' });
  const read = await mcp.client.readResource({ uri: `shop://sessions/${session_id}/grievances/${complaint['grievance_id']}` });
  t.equal(JSON.parse((read.contents[0] as { text: string }).text).status, 'PROCESSING', 'the complaint reads by URI');

  const { session_id: stranger } = await call('initialize_shopping', {});
  await t.rejects(mcp.client.readResource({ uri: `shop://sessions/${stranger}/orders/${orderId}` }), /ORDER_NOT_FOUND/);
  await t.rejects(mcp.client.readResource({ uri: `shop://sessions/${stranger}/grievances/${complaint['grievance_id']}` }), /NOT_FOUND/);
});

t.test('prompts guide shopping, returns and complaints with the tools in order', async (t) => {
  const names = (await mcp.client.listPrompts()).prompts.map((p) => p.name).sort();
  t.same(names, ['complaint', 'guided_shopping', 'return_items']);
  const shopping = await mcp.client.getPrompt({ name: 'guided_shopping', arguments: { need: 'atta and dal', pincode: '560034' } });
  const text = (shopping.messages[0]!.content as { text: string }).text;
  t.match(text, /atta and dal/);
  t.match(text, /review_order.*confirm_order/s, 'consent comes before confirm');
  const ret = await mcp.client.getPrompt({ name: 'return_items', arguments: { session_id: 'shop_x', order_id: 'ord_y' } });
  t.match((ret.messages[0]!.content as { text: string }).text, /return_items/);
});
