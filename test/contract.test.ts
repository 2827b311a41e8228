/** The public contracts: the committed OpenAPI document and the MCP tool list must match the code. */
import { readFileSync } from 'node:fs';
import t from 'tap';
import { openApiText } from '../src/http/openapi.js';
import { connectMcp } from './helpers/mcp.js';
import { openTestShop } from './helpers/shop.js';

const shop = await openTestShop();
t.teardown(shop.close);

t.test('openapi/openapi.json is what the routes generate', async (t) => {
  const committed = readFileSync('openapi/openapi.json', 'utf8');
  const generated = await openApiText(shop.app);
  t.ok(committed === generated, 'openapi/openapi.json has drifted from the routes: run `npm run openapi` and commit it');
  const doc = JSON.parse(generated);
  t.ok(doc.paths['/api/v1/cart/items'].post, 'add_to_cart is a route');
  t.equal(doc.paths['/api/v1/cart/items'].post.operationId, 'add_to_cart');
});

t.test('/docs serves the API explorer', async (t) => {
  const res = await shop.app.inject({ method: 'GET', url: '/docs' });
  t.ok([200, 302].includes(res.statusCode), `/docs answers ${res.statusCode}`);
  const json = await shop.app.inject({ method: 'GET', url: '/docs/json' });
  t.equal(json.statusCode, 200);
  t.equal(json.json().info.title, 'ONDC Shopping API');
});

t.test('the MCP tool list is pinned', async (t) => {
  const mcp = await connectMcp(shop.app);
  t.teardown(mcp.close);
  const { tools } = await mcp.client.listTools();
  t.same(
    tools.map((tool) => tool.name),
    [
      'initialize_shopping',
      'get_session_info',
      'search_products',
      'get_product_details',
      'browse_categories',
      'add_to_cart',
      'view_cart',
      'update_cart_quantity',
      'remove_from_cart',
      'clear_cart',
      'get_cart_total',
      'select_items_for_order',
      'initialize_order',
      'create_payment',
      'verify_payment',
      'review_order',
      'confirm_order',
      'get_checkout',
      'get_order_status',
      'track_order',
      'cancel_order',
      'return_items',
      'rate_order',
      'get_support_contacts',
      'raise_grievance',
      'get_grievance_status',
      'list_orders',
      'get_order_ondc_log',
      'get_checkout_ondc_log',
      'phone_login',
      'verify_otp',
      'list_addresses',
      'add_address',
      'update_address',
      'delete_address',
    ],
    'tool names are stable: they are the names the original exposed',
  );
  for (const tool of tools) {
    t.ok(tool.outputSchema, `${tool.name} declares an output schema`);
    t.equal(tool.inputSchema.additionalProperties, false, `${tool.name} rejects unknown arguments`);
    t.type(tool.annotations?.readOnlyHint, 'boolean', `${tool.name} has annotations`);
  }
  t.matchSnapshot(tools, 'tool list with schemas and annotations');
});
