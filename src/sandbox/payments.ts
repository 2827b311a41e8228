/**
 * The sandbox payment gateway: the subset of Razorpay's REST API the buyer app uses (create and fetch orders,
 * fetch payments, an order's payments), with Razorpay's Basic auth, validation and error bodies, plus a checkout
 * page standing in for Razorpay's hosted checkout. Point the Razorpay adapter at its base URL to use it.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { checkoutRoutes } from '../payments/sandbox/checkout-routes.js';
import { createLedger, razorpayError, type Answer, type Ledger } from '../payments/sandbox/ledger.js';

export interface SandboxPaymentsOptions {
  keyId: string;
  keySecret: string;
  /** Where the checkout pages live under the plugin's prefix; the adapter's checkoutBaseUrl is base URL + this. */
  checkoutPath?: string;
  now?: () => Date;
}

export const DEFAULT_CHECKOUT_PATH = '/checkout';

/** The adapter settings for a sandbox mounted at `baseUrl` (origin plus the plugin's prefix). */
export function sandboxGatewayUrls(baseUrl: string, checkoutPath = DEFAULT_CHECKOUT_PATH) {
  const base = baseUrl.replace(/\/+$/, '');
  return { baseUrl: base, checkoutBaseUrl: `${base}${checkoutPath}` };
}

interface IdParams {
  id: string;
}

export const sandboxPayments: FastifyPluginAsync<SandboxPaymentsOptions> = async (app, opts) => {
  if (!opts.keyId || !opts.keySecret) throw new Error('sandbox payments need a key id and a key secret');
  const ledger = createLedger({ keySecret: opts.keySecret, now: opts.now ?? (() => new Date()) });
  await app.register(async (api) => apiRoutes(api, ledger, opts), { prefix: '/v1' });
  await app.register(async (checkout) => checkoutRoutes(checkout, ledger), { prefix: opts.checkoutPath ?? DEFAULT_CHECKOUT_PATH });
};

function send<T>(reply: FastifyReply, answer: Answer<T>) {
  return answer.ok ? reply.send(answer.value) : reply.code(answer.status).send(answer.body);
}

/** Compares digests, so neither the secret's length nor its prefix leaks through timing. */
function basicAuthCheck(keyId: string, keySecret: string) {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  const expected = digest(`${keyId}:${keySecret}`);
  return (header: string | undefined): 'missing' | 'invalid' | 'ok' => {
    const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
    if (!match?.[1]) return header ? 'invalid' : 'missing';
    return timingSafeEqual(digest(Buffer.from(match[1], 'base64').toString('utf8')), expected) ? 'ok' : 'invalid';
  };
}

const authFailure = (description: string) => razorpayError(description, { source: 'NA', step: 'NA', reason: 'NA' });

async function apiRoutes(api: FastifyInstance, ledger: Ledger, opts: SandboxPaymentsOptions) {
  const check = basicAuthCheck(opts.keyId, opts.keySecret);
  api.addHook('onRequest', async (request, reply) => {
    const verdict = check(request.headers.authorization);
    if (verdict === 'missing') return reply.code(401).send(authFailure('Please provide your api key for authentication purposes.'));
    if (verdict === 'invalid') return reply.code(401).send(authFailure('The api key provided is invalid'));
  });
  api.setErrorHandler(apiErrorHandler);
  api.setNotFoundHandler((_request, reply) => reply.code(404).send(authFailure('The requested URL was not found on the server.')));

  api.post('/orders', async (request, reply) => send(reply, ledger.createOrder(request.body)));
  api.get<{ Params: IdParams }>('/orders/:id', async (request, reply) => send(reply, ledger.order(request.params.id)));
  api.get<{ Params: IdParams }>('/orders/:id/payments', async (request, reply) => send(reply, ledger.orderPayments(request.params.id)));
  api.get<{ Params: IdParams }>('/payments/:id', async (request, reply) => send(reply, ledger.payment(request.params.id)));
}

/** Body-parsing failures answer in Razorpay's error shape, like everything else under /v1. */
function apiErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) return reply.code(400).send(razorpayError(`The request could not be read: ${error.message}`));
  request.log.error({ err: error }, 'sandbox payments failed');
  return reply.code(500).send(razorpayError('The server encountered an error. The incident has been reported to admins.', {
    code: 'SERVER_ERROR', source: 'NA', step: 'NA', reason: 'NA',
  }));
}
