/**
 * The sandbox checkout's routes: the page for an order (GET /:orderId) and its Pay form's target
 * (POST /:orderId/pay). Like Razorpay Checkout with `callback_url` and `redirect: true`, a page opened with
 * `?callback_url=` sends the shopper back there after the payment, failed payment or cancel, with Checkout's form
 * fields; without one, the result page shows the fields, as it always has. Scripts and tests post JSON and get
 * Checkout's handler object (or the error) as JSON.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { failureFields, readCallbackUrl, successFields } from '../checkout-return.js';
import { razorpayError, type Answer, type CheckoutEnd, type Ledger, type PayMethod, type PayOutcome } from './ledger.js';
import { PAGE_SECURITY_HEADERS, badCallbackPage, checkoutPage, missingPage, paidPage, refusedPage, returnPage, returnPageHeaders } from './page.js';

type Outcome = PayOutcome | 'cancel';

const OUTCOMES = new Set<Outcome>(['success', 'failure', 'authorized', 'cancel']);
const METHODS = new Set<PayMethod>(['upi', 'card']);
const FORM = 'application/x-www-form-urlencoded';

interface PayBody {
  outcome?: unknown;
  method?: unknown;
  callback_url?: unknown;
}

interface PayInput {
  outcome: Outcome;
  method: PayMethod;
  callback?: URL;
}

function readPayBody(body: unknown): PayInput | string {
  const fields = (typeof body === 'object' && body !== null ? body : {}) as PayBody;
  const { outcome = 'success', method = 'upi' } = fields;
  if (!OUTCOMES.has(outcome as Outcome)) return `outcome must be one of ${[...OUTCOMES].join(', ')}`;
  if (!METHODS.has(method as PayMethod)) return `method must be one of ${[...METHODS].join(', ')}`;
  const input: PayInput = { outcome: outcome as Outcome, method: method as PayMethod };
  if (fields.callback_url === undefined) return input;
  const callback = readCallbackUrl(fields.callback_url);
  return callback.ok ? { ...input, callback: callback.url } : callback.message;
}

function html(reply: FastifyReply, status: number, page: string, headers: Record<string, string> = PAGE_SECURITY_HEADERS) {
  return reply.code(status).headers(headers).type('text/html; charset=utf-8').send(page);
}

/** The merchant's page gets Checkout's fields, whichever way the attempt ended. */
function backToMerchant(reply: FastifyReply, callback: URL, end: CheckoutEnd) {
  const page = end.kind === 'paid'
    ? returnPage(callback, successFields(end.handler), { paid: true })
    : returnPage(callback, failureFields(end.error), { paid: false, description: end.error.error.description });
  return html(reply, 200, page, returnPageHeaders(callback));
}

export async function checkoutRoutes(checkout: FastifyInstance, ledger: Ledger) {
  // The Pay form posts form fields; scripts and tests post JSON. Both reach the same handler.
  checkout.addContentTypeParser(FORM, { parseAs: 'string', bodyLimit: 4096 }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  checkout.get<{ Params: { orderId: string }; Querystring: { callback_url?: unknown } }>('/:orderId', async (request, reply) => {
    const { callback_url } = request.query;
    const callback = callback_url === undefined ? undefined : readCallbackUrl(callback_url);
    if (callback && !callback.ok) return html(reply, 400, badCallbackPage(callback.message));
    const found = ledger.order(request.params.orderId);
    if (!found.ok) return html(reply, 404, missingPage());
    return html(reply, 200, checkoutPage(found.value, callback?.url));
  });

  checkout.post<{ Params: { orderId: string } }>('/:orderId/pay', async (request, reply) => {
    const fromForm = (request.headers['content-type'] ?? '').startsWith(FORM);
    const input = readPayBody(request.body);
    if (typeof input === 'string') {
      const refusal = razorpayError(input);
      return fromForm ? html(reply, 400, refusedPage(refusal)) : reply.code(400).send(refusal);
    }
    const { orderId } = request.params;
    const answer: Answer<CheckoutEnd> = input.outcome === 'cancel' ? ledger.cancel(orderId) : ledger.pay(orderId, input.outcome, input.method);
    if (!answer.ok) return fromForm ? html(reply, answer.status, refusedPage(answer.body)) : reply.code(answer.status).send(answer.body);
    const end = answer.value;
    if (input.callback) return backToMerchant(reply, input.callback, end);
    if (!fromForm) return end.kind === 'paid' ? reply.send(end.handler) : reply.code(400).send(end.error);
    return end.kind === 'paid' ? html(reply, 200, paidPage(end.handler)) : html(reply, 400, refusedPage(end.error));
  });
}
