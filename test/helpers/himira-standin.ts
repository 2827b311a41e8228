/**
 * A stand-in for a Himira buyer backend on loopback HTTP: the client API of ONDC's reference buyer app backend
 * (biap-client-node-js), in front of our own sandbox network (its sellers are the seller simulation, reached by a
 * native buyer app inside the stand-in, exactly as the real backend is a buyer app in front of ONDC).
 *
 * The contract, as read from the reference and Himira's own client (facts, with where they come from):
 * - Mount: every route is under `/clientApis` (ONDC-Official/biap-client-node-js src/app.js, src/utils/router.js).
 * - Auth: the reference's `authentication()` reads `Authorization: Bearer <token>` (a Firebase id token;
 *   src/middlewares/authentication.js) and answers 401 without one. Himira's fork adds the `wil-api-key` header,
 *   answering 401 "Missing or wrong wil-api-key header" when it differs from its WIL_API_KEY, and a guest login
 *   `POST /guestUserLogin {deviceId}` → `{token}` (ONDC-Official/ondc-mcp mcp-backend/backend/ondc-shopping-mcp
 *   src/buyer_backend_client.py and src/adapters/session.py; the fork's order handlers in other forks check the
 *   same header); the same device id logs in as the same guest user, whose orders and addresses the backend keeps
 *   apart from other users'. Phone login is `POST /signup {phone}` (the backend texts its own code) then `POST
 *   /verifyotp {phone, otp}` → `{data: {token, userId}}` (jatinder14/biap-client-node-js src/accounts/
 *   accounts.routes.js, users/user.controller.js): it needs a second code from the user, and this server keeps its
 *   own OTP sign-in, so the stand-in does not serve those two.
 * - Delivery addresses, per backend user (src/accounts/accounts.routes.js, deliveryAddress/*): `POST
 *   /v1/delivery_address {descriptor, gps, address}` → the stored address with its `id` (made the default), `GET
 *   /v1/delivery_address` → the user's addresses, `POST /v1/update_delivery_address/:id` → the updated address or
 *   404; `DELETE /v1/delete_delivery_address/:id` is a fork's (jatinder14/biap-client-node-js), 404 when gone.
 * - Orders list: `GET /v2/orders?orderId=a,b&limit&pageNumber` → `{totalCount, orders}` or `{error: {message:
 *   "No data found", status: "BAP_010"}}` (src/order/v2/history/orderHistory.service.js); with `orderId` the
 *   reference filters by id alone. Each record is kept up to date from every on_status, on_cancel and on_update the
 *   seller sends, asked for or not (Gautam-121/biap-client-node-js-ayathana-buyer-app src/sse/v2/
 *   sseProtocol.service.js); records carry `id, transactionId, bppId, state, fulfillments, quote, userId,
 *   updatedAt` (src/order/v1/db/order.js, timestamps on).
 * - Search: `GET /v2/search?limit&pageNumber[&name&providerIds&categoryIds]` → `{response: {count, data, pages}}`,
 *   `data` being search documents with `item_details`, `provider_details`, `location_details`, `context`,
 *   `in_stock`, `type: 'item'`, `is_first`; provider ids are `<bpp_id>_<domain>_<provider>` and item and location
 *   ids carry that prefix (src/discovery/v2/search.routes.js, search.service.js). Item details: `GET /v2/items/:id`.
 * - Select: `POST /v2/select` takes an ARRAY `[{context: {transaction_id, domain, city}, message: {cart: {items},
 *   fulfillments}}]`, each cart item `{id, local_id, bpp_id, bpp_uri, quantity: {count}, provider: {id, local_id,
 *   locations: [{id, local_id}]}, customisations: []}` (customisations must be an array); it answers an array of
 *   `{context (with message_id), message: {ack}}` (src/order/v2/select/*.js). `GET /v2/on_select?messageIds=a,b`
 *   answers one entry per id: `{context, message: {quote: <the seller's on_select order>}, error}`: the quote is
 *   NESTED (`message.quote.quote.price`); before the seller answers `context` is absent; a seller error has its
 *   message prefixed "Out of stock items ".
 * - Init: `POST /v2/initialize_order` (array) with `message: {items (+ fulfillment_id), billing_info: {name, phone,
 *   email, address: {building, street, city, state, country, areaCode}}, delivery_info: {type, name, phone, email,
 *   location: {gps, address}}}`; the backend moves `street` to `locality`, drops `door` and names the address after
 *   the person (src/order/v2/init/bppInit.service.js). `GET /v2/on_initialize_order?messageIds=` → the seller's
 *   on_init `{context, message: {order}}`, or `{context, error: {message: "No data found"}}` until it arrives
 *   (initOrder.service.js). The reference ignores a payment type at init; this stand-in honours `message.payment.type`.
 * - Confirm: `POST /v2/confirm_order` (array) with `message: {quote, providers: {id, locations}, payment: {type,
 *   paid_amount, ...settlement}, items}`; the backend makes the order id (`YYYY-MM-DD-NNNNNN`) and, for an order it
 *   already confirmed, answers ACK with the earlier message id instead of confirming again
 *   (src/order/v2/confirm/*.js). `GET /v2/on_confirm_order?messageIds=` → `{context, message: {order}}` or
 *   "No data found".
 * - After the order: `POST /v2/order_status` (array of `{context: {transaction_id, bpp_id}, message: {order_id}}`)
 *   and `GET /v2/on_order_status?messageIds=`; `POST /v2/cancel_order` (one object, `message: {order_id,
 *   cancellation_reason_id}`) and `GET /v2/on_cancel_order?messageId=`; `POST /v2/update` (one object, `message:
 *   {update_target, order: {id, items: [{id, quantity, tags: {update_type: 'return', reason_code}}]}}`) and
 *   `GET /v2/on_update?messageId=`; `POST /v2/track` and `GET /v2/on_track?messageIds=`; `POST /v2/get_support`
 *   and `GET /v2/on_support?messageIds=` (src/order/v2/order.routes.js, src/support/v2/support.routes.js,
 *   src/fulfillment/v2/track.service.js). Rating is `POST /v2/rating/:orderId` with an ARRAY of `{rating_category,
 *   id, value}`, answered at once with the protocol's acknowledgement `{context, message: {ack}, error}`; no on_rating
 *   is served (src/order/v2/order.routes.js at 37f4d89, src/order/v2/rating/rating.service.js, bppRating.service.js).
 * - Complaints go to the IGM service beside it (biap-igm-node-js, mounted at `/issueApis`; see src/backends/himira/
 *   igm.ts for the routes and sources): the service names the issue (a uuid) and answers on_issue and
 *   on_issue_status by message id, "No data found" until the seller answers.
 * - Razorpay (src/razorPay/*.js): `POST /v2/razorpay/:orderId` where the param is the ONDC transaction id, body
 *   `{amount}` in rupees → `{data: {orderDetail: <Razorpay order, amount in paise>, intentTransaction,
 *   transactionIdx}}`; the reference computes `parseInt(amount) * 100`, dropping paise (switch `wholeRupees`).
 *   `GET /v2/razorpay/razorPay/keys` → `{keyId}`. `/v2/razorpay/verify/process` is either Razorpay's webhook
 *   (signed with the webhook secret) or, at 8555ec8, `{confirmRequest, razorPayRequest}` checked by
 *   `verifyPaymentDetails` (HMAC of order|payment with the key secret, then the order fetched) and CONFIRMED in the
 *   same call. A route that only verifies is assumed (BACKEND_VERIFY_PAYMENT_PATH): this stand-in serves
 *   `POST /v2/razorpay/verify/payment {razorpay_order_id, razorpay_payment_id, razorpay_signature}` →
 *   `{data: {status: 'TXN_SUCCESS' | 'TXN_FAILURE', amount, orderId, paymentId}}`.
 *
 * Failure switches: a wrong key gets 401; `slowMs` holds every on_* answer back that long; `selectError` makes
 * the next on_select carry an error; `wholeRupees` reproduces the reference's rounding of payment amounts;
 * `addressesDown` fails every delivery-address route with 503.
 * Seller hooks, as the sandbox has them: `sellerCancel` has the seller cancel an order on its own.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { pino } from 'pino';
import { parseConfig } from '../../src/config.js';
import { createRuntime, type Runtime } from '../../src/deps.js';
import type { CallbackBody } from '../../src/ondc/buyer.js';
import type { BecknContext } from '../../src/ondc/context.js';
import {
  confirmMessage,
  initMessage,
  returnMessage,
  selectMessage,
  statusMessage,
  supportMessage,
  trackMessage,
  type InitRequest,
  type OnInitOrder,
} from '../../src/ondc/messages.js';
import { createRazorpayGateway } from '../../src/payments/razorpay.js';
import { registerAccountRoutes, type Account } from './himira-standin-accounts.js';

type Json = Record<string, any>;

export interface StandinSwitches {
  /** Hold every on_* answer back this long after it arrived. */
  slowMs: number;
  /** The next on_select carries this error instead of the seller's quote. */
  selectError?: { message: string };
  /** Create payment orders for whole rupees, as the reference's parseInt does. */
  wholeRupees: boolean;
  /** Every delivery-address route fails (503). */
  addressesDown: boolean;
}

export interface HimiraStandin {
  /** BACKEND_ENDPOINT for it, with `/clientApis`. */
  endpoint: string;
  /** BACKEND_CHECKOUT_URL: the sandbox gateway's checkout page. */
  checkoutUrl: string;
  apiKey: string;
  switches: StandinSwitches;
  /** Every request as it came: method, path and whether it carried the right key. */
  requests: Array<{ method: string; path: string; keyOk: boolean; host: string }>;
  /** The native runtime behind it (its sandbox sellers). */
  inner: Runtime;
  /** The backend's users by user id: their delivery addresses and orders. */
  accounts: Map<string, Account>;
  /** What the backend holds of each transaction by its id: the user and the init it saved, its order id. */
  transactions: ReadonlyMap<string, Tx>;
  /** The seller of a transaction's order cancels it on its own (an unsolicited on_cancel), like the sandbox's hook. */
  sellerCancel(transactionId: string, reasonId: string): Promise<boolean>;
  close(): Promise<void>;
}

export interface Tx {
  /** The ONDC transaction id. */
  id: string;
  bppId: string;
  domain: string;
  city: string;
  providerId: string;
  locationId: string;
  last?: string;
  init?: InitRequest;
  onInit?: OnInitOrder;
  orderId?: string;
  confirmMessageId?: string;
  /** The backend user whose token initialized it: the reference saves the order under that user at init. */
  userId?: string;
}

/** The reference's order number: the date and six digits. */
const orderNumber = (d: Date) => `${d.toISOString().slice(0, 10)}-${Math.floor(100000 + Math.random() * 900000)}`;

export async function startHimiraStandin(opts: { apiKey?: string; env?: Record<string, string>; verifyPath?: string } = {}): Promise<HimiraStandin> {
  const apiKey = opts.apiKey ?? `wil_${randomUUID()}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'himira-standin-'));
  const logger = pino({ level: 'silent' });
  const inner = await createRuntime(parseConfig({ LOG_LEVEL: 'silent', DATA_DIR: dataDir, EMBEDDER: 'none', CATALOG_REFRESH_MINUTES: '0', ...opts.env }), logger);
  await inner.connect();
  const sandbox = inner.sandbox!;
  const gateway = createRazorpayGateway({ ...sandbox.payments, kind: 'sandbox' });
  const switches: StandinSwitches = { slowMs: 0, wholeRupees: false, addressesDown: false };
  const requests: HimiraStandin['requests'] = [];
  /** Bearer tokens to backend user ids, and device ids to the guest user they log in as. */
  const tokens = new Map<string, string>();
  const devices = new Map<string, string>();
  const accounts = new Map<string, Account>();
  const txs = new Map<string, Tx>();
  const orders = new Map<string, string>();
  /** Answers by message id: what the on_* route will say once it has arrived (and is no longer held back). */
  const answers = new Map<string, { at: number; body?: Json }>();
  const paymentOrders = new Map<string, number>();
  let docs: Json[] = [];

  const app: FastifyInstance = Fastify({ logger: false, bodyLimit: 16 * 1024 * 1024 });
  app.addHook('onRequest', async (req, reply) => {
    const keyOk = req.headers['wil-api-key'] === apiKey;
    requests.push({ method: req.method, path: req.url.split('?')[0]!, keyOk, host: String(req.headers.host) });
    if (!keyOk) return reply.code(401).send('Missing or wrong wil-api-key header');
  });
  const userOf = (req: FastifyRequest): string | undefined => tokens.get(/^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '');
  const authed = (req: FastifyRequest, reply: FastifyReply): boolean => {
    if (userOf(req)) return true;
    void reply.code(401).send({ error: { message: 'LOGIN_ERROR_USER_ACCESS_TOKEN_INVALID' } });
    return false;
  };

  /** Sends one ONDC request through the inner buyer app in the background; its answer lands under a message id. */
  function dispatch(
    tx: Tx,
    action: Parameters<Runtime['buyer']['call']>[0]['action'],
    message: unknown,
    shape: (cb: CallbackBody<any>) => Json = (cb) => cb as Json,
    coreVersion?: Parameters<Runtime['buyer']['call']>[0]['coreVersion'],
  ): { context: Json } {
    const messageId = randomUUID();
    answers.set(messageId, { at: Infinity });
    inner.buyer
      .call<Json>({ action, bppId: tx.bppId, domain: tx.domain, city: tx.city, transactionId: tx.id, ...(tx.last ? { after: tx.last } : {}), ...(coreVersion ? { coreVersion } : {}), message, deadlineMs: 10_000 })
      .then((cb) => {
        tx.last = cb.context.timestamp;
        answers.set(messageId, { at: Date.now() + switches.slowMs, body: { ...shape(cb), context: { ...cb.context, message_id: messageId } } });
      })
      .catch((err: Error) => answers.set(messageId, { at: Date.now(), body: { context: { message_id: messageId }, error: { message: err.message } } }));
    return { context: { transaction_id: tx.id, message_id: messageId, bpp_id: tx.bppId, domain: tx.domain, city: tx.city, action } };
  }

  const ack = (r: { context: Json }) => ({ ...r, message: { ack: { status: 'ACK' } } });
  /** The on_* answer for a message id, or the reference's placeholder while none has arrived. */
  const answerOf = (id: string, placeholder: Json) => {
    const a = answers.get(id);
    return a?.body && a.at <= Date.now() ? a.body : placeholder;
  };
  const ids = (req: FastifyRequest, key: 'messageId' | 'messageIds') => String((req.query as Json)[key] ?? '').split(',').filter(Boolean);
  const noData = (action: string) => ({ context: { action }, error: { message: 'No data found' } });

  async function pullDocs(): Promise<void> {
    const targets = new Map<string, { domain: string; city: string; n: number }>();
    for (const e of sandbox.entries().filter((e) => e.type === 'BPP')) {
      const key = `${e.domain}|${e.city}`;
      targets.set(key, { domain: e.domain, city: e.city, n: (targets.get(key)?.n ?? 0) + 1 });
    }
    const next: Json[] = [];
    for (const t of targets.values()) {
      for (const cb of await inner.buyer.search({ domain: t.domain, city: t.city, request: {}, expectSellers: t.n, deadlineMs: 10_000 })) {
        const ctx = cb.body.context;
        for (const p of cb.body.message.catalog['bpp/providers'] as Json[]) {
          const { items, locations, ...provider } = p;
          const full = `${ctx.bpp_id}_${ctx.domain}_${p['id']}`;
          for (const item of items as Json[]) {
            const loc = (locations as Json[]).find((l) => l['id'] === item['location_id']) ?? (locations as Json[])[0];
            next.push({
              id: `${full}_${item['id']}`,
              local_id: item['id'],
              type: 'item',
              language: 'en',
              is_first: true,
              in_stock: Number(item['quantity']?.['available']?.['count'] ?? 0) > 0,
              context: { bpp_id: ctx.bpp_id, bpp_uri: ctx.bpp_uri, domain: ctx.domain, city: ctx.city, timestamp: ctx.timestamp },
              provider_details: { ...provider, id: full, local_id: p['id'] },
              location_details: { ...loc, id: `${full}_${loc?.['id']}`, local_id: loc?.['id'] },
              item_details: item,
            });
          }
        }
      }
    }
    docs = next;
  }

  const base = '/clientApis';
  app.post(`${base}/guestUserLogin`, async (req, reply) => {
    const deviceId = (req.body as Json | undefined)?.['deviceId'];
    if (typeof deviceId !== 'string' || !deviceId) return reply.code(400).send({ error: { message: 'deviceId is required' } });
    const userId = devices.get(deviceId) ?? `guest_${devices.size + 1}`;
    devices.set(deviceId, userId);
    if (!accounts.has(userId)) accounts.set(userId, { addresses: [], orderIds: [] });
    const token = randomUUID();
    tokens.set(token, userId);
    return { token, userId };
  });

  app.get(`${base}/v2/search`, async (req, reply) => {
    if (!authed(req, reply)) return reply;
    const q = req.query as Json;
    const limit = Math.max(1, Number(q['limit']) || 20);
    const page = Math.max(1, Number(q['pageNumber']) || 1);
    if (page === 1) await pullDocs();
    return { response: { count: docs.length, data: docs.slice((page - 1) * limit, page * limit), pages: Math.ceil(docs.length / limit) } };
  });

  app.get(`${base}/v2/items/:id`, async (req, reply) => {
    if (!authed(req, reply)) return reply;
    return docs.find((d) => d['id'] === (req.params as Json)['id']) ?? reply.code(404).send({ error: { message: 'No result found' } });
  });

  app.post(`${base}/v2/select`, async (req, reply) => {
    if (!authed(req, reply)) return reply;
    const body = req.body as Json[];
    if (!Array.isArray(body) || body.length === 0) return reply.code(400).send({ error: { message: 'BAD_REQUEST_PARAMETER' } });
    return body.map((r) => {
      const items = (r['message']?.['cart']?.['items'] ?? []) as Json[];
      const first = items[0];
      if (!first || !Array.isArray(first['customisations'])) return { context: r['context'], error: { message: 'Empty order received' } };
      const location = first['provider']['locations'][0];
      const transactionId = r['context']?.['transaction_id'] ?? randomUUID();
      const tx: Tx = txs.get(transactionId) ?? { id: transactionId, bppId: first['bpp_id'], domain: r['context']['domain'], city: r['context']['city'], providerId: first['provider']['local_id'], locationId: location['local_id'] };
      txs.set(transactionId, tx);
      const end = r['message']['fulfillments']?.[0]?.['end']?.['location'];
      const message = selectMessage({
        providerId: tx.providerId,
        locationId: tx.locationId,
        items: items.map((i) => ({ itemId: i['local_id'], count: i['quantity']['count'] })),
        areaCode: end?.['address']?.['area_code'],
        gps: end?.['gps'],
      });
      const injected = switches.selectError;
      switches.selectError = undefined;
      return ack(
        dispatch(tx, 'select', message, (cb) => {
          if (injected) return { message: { quote: {} }, error: injected };
          const error = cb.error ? { ...cb.error, message: `Out of stock items ${cb.error.message ?? ''}`.trim() } : null;
          return { message: { quote: { ...((cb.message as Json)?.['order'] ?? {}) } }, error };
        }),
      );
    });
  });
  app.get(`${base}/v2/on_select`, async (req, reply) => {
    if (!authed(req, reply)) return reply;
    return ids(req, 'messageIds').map((id) => answerOf(id, { message: { quote: {} }, error: null }));
  });

  app.post(`${base}/v2/initialize_order`, async (req, reply) => {
    if (!authed(req, reply)) return reply;
    return (req.body as Json[]).map((r) => {
      const tx = txs.get(r['context']?.['transaction_id']);
      if (!tx) return { context: r['context'], error: { message: 'No select for this transaction' } };
      const m = r['message'];
      const party = (info: Json, address: Json) => ({
        name: info['name'],
        address: { name: info['name'], building: address['building'], locality: address['street'], city: address['city'], state: address['state'], areaCode: address['areaCode'] },
        phone: info['phone'],
        email: info['email'],
      });
      const delivery = m['delivery_info'];
      tx.userId = userOf(req);
      tx.init = {
        providerId: tx.providerId,
        locationId: tx.locationId,
        fulfillmentId: m['items'][0]['fulfillment_id'] ?? m['fulfillments']?.[0]?.['id'],
        items: (m['items'] as Json[]).map((i) => ({ itemId: i['local_id'], count: i['quantity']['count'] })),
        billing: party(m['billing_info'], m['billing_info']['address']),
        billingAt: new Date().toISOString(),
        delivery: { ...party(delivery, delivery['location']['address']), gps: delivery['location']['gps'] },
        ...(m['payment']?.['type'] === 'ON-FULFILLMENT' ? { paymentType: 'ON-FULFILLMENT' as const } : {}),
      };
      return ack(
        dispatch(tx, 'init', initMessage(tx.init), (cb) => {
          const order = (cb.message as Json)?.['order'];
          if (order && !cb.error) tx.onInit = { quote: order['quote'], payment: order['payment'] ?? {}, ...(order['tags'] ? { tags: order['tags'] } : {}) };
          return cb as Json;
        }),
      );
    });
  });
  app.get(`${base}/v2/on_initialize_order`, async (req, reply) => {
    if (!authed(req, reply)) return reply;
    return ids(req, 'messageIds').map((id) => answerOf(id, noData('on_init')));
  });

  app.post(`${base}/v2/confirm_order`, async (req, reply) => {
    if (!authed(req, reply)) return reply;
    return (req.body as Json[]).map((r) => {
      const transactionId = r['context']?.['transaction_id'];
      const tx = txs.get(transactionId);
      if (!tx?.init || !tx.onInit) return { context: r['context'], error: { message: 'No init for this transaction' } };
      if (tx.confirmMessageId) return ack({ context: { transaction_id: transactionId, message_id: tx.confirmMessageId } });
      const orderId = orderNumber(new Date());
      const payment = r['message']['payment'];
      tx.orderId = orderId;
      orders.set(orderId, transactionId);
      if (tx.userId) accounts.get(tx.userId)?.orderIds.push(orderId);
      const sent = dispatch(tx, 'confirm', (context: BecknContext) =>
        confirmMessage({
          orderId,
          init: tx.init!,
          onInit: tx.onInit!,
          payment: payment['type'] === 'ON-ORDER' ? { status: 'PAID', transactionId: String(payment['transaction_id'] ?? randomUUID()) } : { status: 'NOT-PAID' },
          bapTaxNumber: '29AABCO1234F1ZR',
          recipientName: tx.init!.delivery.name,
          at: context.timestamp,
        }),
      );
      tx.confirmMessageId = sent.context['message_id'];
      return ack(sent);
    });
  });
  app.get(`${base}/v2/on_confirm_order`, async (req, reply) => {
    if (!authed(req, reply)) return reply;
    return ids(req, 'messageIds').map((id) => answerOf(id, noData('on_confirm')));
  });

  /** The after-order routes: one ONDC request about a confirmed order, answered later under a message id. */
  const orderTx = (orderId: string) => {
    const id = orders.get(orderId);
    return id ? txs.get(id) : undefined;
  };
  const afterOrder = (path: string, onPath: string, idParam: 'messageId' | 'messageIds', array: boolean, build: (r: Json, orderId: string) => { action: 'status' | 'track' | 'cancel' | 'update' | 'support' | 'rating'; message: unknown }) => {
    app.post(`${base}${path}`, async (req, reply) => {
      if (!authed(req, reply)) return reply;
      const one = (r: Json) => {
        const orderId = r['message']?.['order_id'] ?? r['message']?.['ref_id'] ?? r['message']?.['order']?.['id'] ?? (req.params as Json)['orderId'];
        const tx = orderTx(orderId);
        if (!tx) return { context: r['context'], error: { message: 'No record found' } };
        const { action, message } = build(r, orderId);
        return ack(dispatch(tx, action, message));
      };
      return array ? (req.body as Json[]).map(one) : one(req.body as Json);
    });
    app.get(`${base}${onPath}`, async (req, reply) => {
      if (!authed(req, reply)) return reply;
      const answered = ids(req, idParam).map((id) => answerOf(id, noData(onPath.slice(4))));
      return idParam === 'messageIds' ? answered : answered[0];
    });
  };
  afterOrder('/v2/order_status', '/v2/on_order_status', 'messageIds', true, (_r, id) => ({ action: 'status', message: statusMessage(id) }));
  afterOrder('/v2/track', '/v2/on_track', 'messageIds', true, (_r, id) => ({ action: 'track', message: trackMessage(id) }));
  afterOrder('/v2/get_support', '/v2/on_support', 'messageIds', true, (_r, id) => ({ action: 'support', message: supportMessage(id) }));
  // forwarded as given: whether a reason is the buyer's to give is the seller's to say
  afterOrder('/v2/cancel_order', '/v2/on_cancel_order', 'messageId', false, (r, id) => ({
    action: 'cancel',
    message: { order_id: id, cancellation_reason_id: r['message']['cancellation_reason_id'] },
  }));
  afterOrder('/v2/update', '/v2/on_update', 'messageId', false, (r, id) => {
    const item = r['message']['order']['items'][0];
    return {
      action: 'update',
      message: returnMessage({ orderId: id, returnId: randomUUID().slice(0, 12), itemId: item['id'], count: item['quantity']['count'], reasonId: item['tags']['reason_code'], reasonText: 'detailed description for return', images: [] }),
    };
  });

  app.post(`${base}/v2/razorpay/:orderId`, async (req, reply) => {
    const transactionId = (req.params as Json)['orderId'];
    if (!txs.get(transactionId)?.onInit) return reply.code(400).send({ error: { message: 'BAD_REQUEST_PARAMETER' } });
    const amount = Number((req.body as Json)['amount']);
    const paise = switches.wholeRupees ? Number.parseInt(String(amount), 10) * 100 : Math.round(amount * 100);
    const order = await gateway.createOrder({ amountPaise: paise, receipt: `transactionId_${paymentOrders.size + 1}` });
    paymentOrders.set(order.gatewayOrderId, paise);
    const orderDetail = { id: order.gatewayOrderId, entity: 'order', amount: paise, currency: 'INR', receipt: order.receipt, status: 'created' };
    return { data: { orderDetail, intentTransaction: { amount, status: 'IN_PROGRESS', type: 'ON-ORDER', transactionId, orderId: order.gatewayOrderId }, transactionIdx: randomUUID() } };
  });
  app.get(`${base}/v2/razorpay/razorPay/keys`, async () => ({ keyId: sandbox.payments.keyId }));
  app.post(`${base}${opts.verifyPath ?? '/v2/razorpay/verify/payment'}`, async (req, reply) => {
    const b = req.body as Json;
    const expected = paymentOrders.get(b['razorpay_order_id']);
    if (expected === undefined) return reply.code(400).send({ error: { message: 'Invalid Signature' } });
    const check = await gateway.verifyPayment({ gatewayOrderId: b['razorpay_order_id'], paymentId: b['razorpay_payment_id'], signature: b['razorpay_signature'], expectedAmountPaise: expected });
    return { data: { status: check.verified ? 'TXN_SUCCESS' : 'TXN_FAILURE', amount: check.amountPaise / 100, orderId: b['razorpay_order_id'], paymentId: b['razorpay_payment_id'] } };
  });

  registerAccountRoutes({ app, base, inner, txs, orders, accounts, switches, userOf, authed, dispatch, answerOf, ids, noData });

  const listening = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    endpoint: `${listening}/clientApis`,
    checkoutUrl: sandbox.payments.checkoutBaseUrl,
    apiKey,
    switches,
    requests,
    inner,
    accounts,
    transactions: txs,
    sellerCancel: async (transactionId, reasonId) => {
      const tx = txs.get(transactionId);
      if (!tx?.orderId) return false;
      return sandbox.sellerCancel({ bppId: tx.bppId, bapId: inner.buyer.subscriberId, orderId: tx.orderId, reasonId });
    },
    close: async () => {
      await app.close();
      await inner.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
