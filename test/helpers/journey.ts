/**
 * The foundation journey, written once against a tiny "call an operation" interface so the same steps run over
 * REST and over MCP and their results can be compared.
 */
export type Call = (tool: string, args: Record<string, unknown>) => Promise<Record<string, any>>;

export interface JourneyResult {
  sessionId: string;
  searchIds: string[];
  afterAdds: Record<string, any>;
  afterUpdate: Record<string, any>;
  afterRemove: Record<string, any>;
  total: Record<string, any>;
  picked: [string, string];
}

/** Strips what legitimately differs between two runs (ids, times) so carts can be compared. */
export function comparable(cart: Record<string, any>): unknown {
  const { session_id: _s, updated_at: _u, ...rest } = cart;
  return rest;
}

export async function runJourney(call: Call): Promise<JourneyResult> {
  const session = await call('initialize_shopping', {});
  const sessionId = session['session_id'] as string;
  const search = await call('search_products', { session_id: sessionId, query: 'atta', limit: 10 });
  const results = search['results'] as Array<{ id: string; in_stock: boolean }>;
  const inStock = results.filter((r) => r.in_stock);
  if (inStock.length < 2) throw new Error(`search for atta found ${inStock.length} in-stock products`);
  const picked: [string, string] = [inStock[0]!.id, inStock[1]!.id];
  await call('add_to_cart', { session_id: sessionId, product_id: picked[0], quantity: 1 });
  const afterAdds = await call('add_to_cart', { session_id: sessionId, product_id: picked[1], quantity: 2 });
  const afterUpdate = await call('update_cart_quantity', { session_id: sessionId, product_id: picked[0], quantity: 3 });
  const afterRemove = await call('remove_from_cart', { session_id: sessionId, product_id: picked[1] });
  const total = await call('get_cart_total', { session_id: sessionId });
  return { sessionId, searchIds: results.map((r) => r.id), afterAdds, afterUpdate, afterRemove, total, picked };
}
