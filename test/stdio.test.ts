/** MCP over stdio: a desktop client spawns `ondc-shop mcp`; stdout carries protocol only, logs go to stderr. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import t from 'tap';

t.test('a shopping session over stdio', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'ondc-stdio-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: ['--import', 'tsx', 'src/main.ts', 'mcp'],
    env: { PATH: process.env['PATH'] ?? '', DATA_DIR: dir, LOG_LEVEL: 'info', EMBEDDER: 'none' },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (d) => (stderr += String(d)));
  const client = new Client({ name: 'stdio-test', version: '1.0.0' });
  await client.connect(transport);
  t.teardown(() => client.close());

  const { tools } = await client.listTools();
  t.equal(tools.length, 35);
  const started = await client.callTool({ name: 'initialize_shopping', arguments: {} });
  const sessionId = (started.structuredContent as { session_id: string }).session_id;
  t.match(sessionId, /^shop_/);
  const found = await client.callTool({ name: 'search_products', arguments: { session_id: sessionId, query: 'toor dal' } });
  const results = (found.structuredContent as { results: Array<{ id: string; name: string }> }).results;
  t.ok(results.length > 0, 'search works over stdio');
  t.match((found.content as Array<{ text: string }>)[0]?.text, /Found \d+ product/);
  t.match(stderr, /catalog pulled from the network/, 'logs are written to stderr');
});
