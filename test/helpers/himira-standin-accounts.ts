/**
 * The Himira stand-in's per-user side and its after-order extras: delivery addresses, the orders list kept up to
 * date from everything the seller sent, rating, and the IGM service's complaint routes. The contract facts and
 * their sources are in the header of himira-standin.ts (and src/backends/himira/igm.ts for IGM).
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Runtime } from '../../src/deps.js';
import { IGM_VERSION } from '../../src/ondc/context.js';
import { flowLogStores } from '../../src/ondc/flow-log.js';
import { issueMessage, issueStatusMessage, ratingMessage, type IssueCategory, type RatingCategory } from '../../src/ondc/messages.js';
import type { StandinSwitches, Tx } from './himira-standin.js';

type Json = Record<string, any>;

/** One backend user: their delivery addresses as stored, and the orders saved under them. */
export interface Account {
  addresses: Json[];
  orderIds: string[];
}

export interface StandinContext {
  app: FastifyInstance;
  base: string;
  inner: Runtime;
  txs: Map<string, Tx>;
  /** Backend order ids to transaction ids. */
  orders: Map<string, string>;
  accounts: Map<string, Account>;
  switches: StandinSwitches;
  userOf(req: FastifyRequest): string | undefined;
  authed(req: FastifyRequest, reply: FastifyReply): boolean;
  dispatch(tx: Tx, action: 'issue' | 'issue_status', message: unknown, shape?: (cb: any) => Json, coreVersion?: typeof IGM_VERSION): { context: Json };
  answerOf(id: string, placeholder: Json): Json;
  ids(req: FastifyRequest, key: 'messageId' | 'messageIds'): string[];
  noData(action: string): Json;
}

const ORDER_ACTIONS = new Set(['on_confirm', 'on_status', 'on_update', 'on_cancel']);

export function registerAccountRoutes(ctx: StandinContext): void {
  const { app, base, inner, txs, orders, accounts } = ctx;
  const flowLogs = flowLogStores(inner.deps.stores).flowLogs;
  const ack = (r: { context: Json }) => ({ ...r, message: { ack: { status: 'ACK' } } });

  /** The order record as the backend keeps it: every order-bearing answer of the seller folded in, in time order. */
  async function orderRecord(orderId: string): Promise<Json | undefined> {
    const tx = txs.get(orders.get(orderId) ?? '');
    const log = tx && (await flowLogs.get(tx.id));
    if (!tx || !log) return undefined;
    const record: Json = { id: orderId, transactionId: tx.id, bppId: tx.bppId, domain: tx.domain, userId: tx.userId };
    const fulfillments = new Map<string, Json>();
    const told = log.entries
      .filter((e) => e.direction === 'received' && ORDER_ACTIONS.has(e.action) && !e.body.error && (e.body.message as Json | undefined)?.['order'])
      .sort((a, b) => a.body.context.timestamp.localeCompare(b.body.context.timestamp));
    for (const e of told) {
      const order = (e.body.message as Json)['order'] as Json;
      if (typeof order['state'] === 'string') record['state'] = order['state'];
      if (order['quote']) record['quote'] = order['quote'];
      if (order['cancellation']) record['cancellation'] = order['cancellation'];
      for (const f of Array.isArray(order['fulfillments']) ? (order['fulfillments'] as Json[]) : []) fulfillments.set(String(f['id']), f);
      record['updatedAt'] = e.body.context.timestamp;
    }
    record['fulfillments'] = [...fulfillments.values()];
    return record;
  }

  app.get(`${base}/v2/orders`, async (req, reply) => {
    if (!ctx.authed(req, reply)) return reply;
    const q = req.query as Json;
    const limit = Math.max(1, Number(q['limit']) || 10);
    const page = Math.max(1, Number(q['pageNumber']) || 1);
    const wanted = typeof q['orderId'] === 'string' ? q['orderId'].split(',') : (accounts.get(ctx.userOf(req)!)?.orderIds ?? []);
    const found = (await Promise.all(wanted.map(orderRecord))).filter((r): r is Json => r !== undefined);
    if (found.length === 0) return { error: { message: 'No data found', status: 'BAP_010' } };
    return { totalCount: found.length, orders: found.slice((page - 1) * limit, page * limit) };
  });

  const mine = (req: FastifyRequest) => accounts.get(ctx.userOf(req)!)!;
  app.addHook('onRequest', async (req, reply) => {
    if (ctx.switches.addressesDown && req.url.includes('delivery_address')) return reply.code(503).send({ error: { message: 'Service Unavailable' } });
  });
  app.post(`${base}/v1/delivery_address`, async (req, reply) => {
    if (!ctx.authed(req, reply)) return reply;
    const b = req.body as Json;
    const account = mine(req);
    for (const a of account.addresses) a['defaultAddress'] = false;
    const saved = { id: randomUUID(), descriptor: b['descriptor'], gps: b['gps'], defaultAddress: true, address: b['address'], lat: b['lat'], lng: b['lng'] };
    account.addresses.push(saved);
    return saved;
  });
  app.get(`${base}/v1/delivery_address`, async (req, reply) => {
    if (!ctx.authed(req, reply)) return reply;
    return mine(req).addresses;
  });
  app.post(`${base}/v1/update_delivery_address/:id`, async (req, reply) => {
    if (!ctx.authed(req, reply)) return reply;
    const held = mine(req).addresses.find((a) => a['id'] === (req.params as Json)['id']);
    if (!held) return reply.code(404).send({ error: { message: `Delivery address with ${(req.params as Json)['id']} not found` } });
    const b = req.body as Json;
    Object.assign(held, { descriptor: b['descriptor'], gps: b['gps'], address: b['address'], lat: b['lat'], lng: b['lng'] });
    return held;
  });
  app.delete(`${base}/v1/delete_delivery_address/:id`, async (req, reply) => {
    if (!ctx.authed(req, reply)) return reply;
    const account = mine(req);
    const at = account.addresses.findIndex((a) => a['id'] === (req.params as Json)['id']);
    if (at < 0) return reply.code(404).send({ error: { message: 'Delivery address not found or already deleted.' } });
    account.addresses.splice(at, 1);
    return { acknowledged: true, deletedCount: 1 };
  });

  // the reference answers with the protocol's acknowledgement of the seller, not with on_rating
  app.post(`${base}/v2/rating/:orderId`, async (req, reply) => {
    if (!ctx.authed(req, reply)) return reply;
    const tx = txs.get(orders.get((req.params as Json)['orderId']) ?? '');
    if (!tx) return reply.code(404).send({ error: { message: `Order not found with id:${(req.params as Json)['orderId']}` } });
    const ratings = (req.body as Json[]).map((r) => ({ category: r['rating_category'] as RatingCategory, id: String(r['id']), value: Number(r['value']) }));
    const context = { transaction_id: tx.id, bpp_id: tx.bppId, domain: tx.domain, action: 'rating', message_id: randomUUID() };
    try {
      await inner.buyer.call({ action: 'rating', bppId: tx.bppId, domain: tx.domain, city: tx.city, transactionId: tx.id, ...(tx.last ? { after: tx.last } : {}), message: ratingMessage(ratings), deadlineMs: 10_000 });
    } catch (err) {
      if (/refused/.test((err as Error).message)) return { context, message: { ack: { status: 'NACK' } }, error: { message: (err as Error).message } };
    }
    return { context, message: { ack: { status: 'ACK' } } };
  });

  const igm = '/issueApis';
  /** The IGM service's placeholder carries the message id it was asked about. */
  const notYet = (id: string) => ({ context: { message_id: id }, error: { message: 'No data found' } });
  app.post(`${igm}/v1/issue`, async (req, reply) => {
    if (!ctx.authed(req, reply)) return reply;
    const { context, message } = req.body as Json;
    const tx = txs.get(context?.['transaction_id']);
    const issue = message?.['issue'] as Json | undefined;
    if (!tx || !issue) return reply.code(400).send({ error: { message: 'BAD_REQUEST_PARAMETER' } });
    const d = issue['order_details'] as Json;
    const ondc = issueMessage({
      issueId: randomUUID(),
      category: issue['category'] as IssueCategory,
      subCategory: issue['sub_category'],
      bapId: inner.buyer.subscriberId,
      domain: tx.domain,
      complainant: { name: issue['complainant_info']['person']['name'], phone: issue['complainant_info']['contact']['phone'], email: issue['complainant_info']['contact']['email'] },
      order: {
        id: d['id'],
        state: d['state'],
        providerId: d['provider_id'],
        items: (d['items'] as Json[]).map((i) => ({ id: i['id'], quantity: i['quantity']['count'] })),
        fulfillmentId: d['fulfillments'][0]['id'],
        fulfillmentState: d['fulfillments'][0]['state'],
      },
      shortDesc: issue['description']['short_desc'],
      longDesc: issue['description']['long_desc'],
      at: new Date().toISOString(),
    });
    // a seller's error becomes the service's "No data found" (issue.service.ts onIssueOrder)
    return ack(ctx.dispatch(tx, 'issue', ondc, (cb) => (cb.error ? notYet(cb.context.message_id) : { context: cb.context, message: { issue: cb.message?.issue } }), IGM_VERSION));
  });
  app.get(`${igm}/v1/on_issue`, async (req, reply) => {
    if (!ctx.authed(req, reply)) return reply;
    const [id = ''] = ctx.ids(req, 'messageId');
    return ctx.answerOf(id, notYet(id));
  });
  app.post(`${igm}/v1/issue_status`, async (req, reply) => {
    if (!ctx.authed(req, reply)) return reply;
    const { context, message } = req.body as Json;
    const tx = txs.get(context?.['transaction_id']);
    if (!tx || typeof message?.['id'] !== 'string') return reply.code(400).send({ error: { message: 'BAD_REQUEST_PARAMETER' } });
    return ack(ctx.dispatch(tx, 'issue_status', issueStatusMessage(message['id']), undefined, IGM_VERSION));
  });
  app.get(`${igm}/v1/on_issue_status`, async (req, reply) => {
    if (!ctx.authed(req, reply)) return reply;
    const [id = ''] = ctx.ids(req, 'messageId');
    return ctx.answerOf(id, notYet(id));
  });
}
