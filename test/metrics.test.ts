/** GET /metrics: Prometheus text with HTTP, operation, ONDC message and callback-wait figures from real traffic. */
import t from 'tap';
import { connectMcp, mcpCaller } from './helpers/mcp.js';
import { restCall, restCaller } from './helpers/rest.js';
import { openTestShop } from './helpers/shop.js';

const shop = await openTestShop({ SANDBOX_PRODUCTS_PER_PROVIDER: '30', SANDBOX_STATUS_STEP_SECONDS: '3600' });
t.teardown(shop.close);

/** The value of one sample line, or 0 when the series is absent. */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

t.test('requests, operations and ONDC messages are counted', async (t) => {
  const call = restCaller(shop.app);
  const { session_id } = await call('initialize_shopping', {});
  await call('search_products', { session_id, query: 'atta', limit: 3 });
  const missing = await restCall(shop.app, 'view_cart', { session_id: 'shop_AAAAAAAAAAAAAAAAAAAAAAAA' });
  t.equal(missing.status, 404);
  const mcp = await connectMcp(shop.app);
  t.teardown(mcp.close);
  await mcpCaller(mcp.client)('search_products', { session_id, query: 'rice', limit: 3 });

  const res = await shop.app.inject({ method: 'GET', url: '/metrics' });
  t.equal(res.statusCode, 200);
  t.match(res.headers['content-type'], /text\/plain/);
  const text = res.body;
  t.ok(sample(text, 'ondc_shop_http_request_duration_seconds_count', { route: '/api/v1/products', status: '200' }) >= 1, 'REST search timed');
  t.equal(sample(text, 'ondc_shop_operation_duration_seconds_count', { operation: 'search_products', outcome: 'ok' }), 2, 'one REST and one MCP search');
  t.equal(sample(text, 'ondc_shop_operation_duration_seconds_count', { operation: 'view_cart', outcome: 'SESSION_NOT_FOUND' }), 1, 'failures by code');
  t.ok(sample(text, 'ondc_shop_ondc_messages_total', { direction: 'sent', action: 'search', ack: 'ack' }) >= 1, 'catalog searches sent and acknowledged');
  t.ok(sample(text, 'ondc_shop_ondc_messages_total', { direction: 'received', action: 'on_search' }) >= 6, 'six sellers answered');
  t.ok(sample(text, 'ondc_shop_ondc_callback_wait_seconds_count', { action: 'search' }) >= 1, 'callback waits timed');
  t.match(text, /ondc_shop_process_resident_memory_bytes/, 'process metrics');
  t.notMatch(text, /\/metrics/, 'scrapes are not counted');
});
