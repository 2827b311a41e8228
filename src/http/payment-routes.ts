/**
 * Razorpay, for real: the webhook (POST /webhooks/razorpay, checked against X-Razorpay-Signature over the exact
 * bytes received) and the buyer's payment page (GET /pay/{order}), which opens Razorpay Checkout for the order and
 * returns its result to POST /pay/{order}/done. Either way the gateway is asked before anything counts as paid.
 * Opened with `?callback_url=` (the storefront does), the page hands that URL to Checkout with `redirect: true`,
 * so Razorpay itself sends the shopper back there (payment-return.ts) instead of the result staying on this page.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { applyGatewayPayment } from '../core/gateway-payments.js';
import type { CoreDeps } from '../core/operation.js';
import { DomainError } from '../core/errors.js';
import { keepRawJson } from '../ondc/raw-json.js';
import { readCallbackUrl } from '../payments/checkout-return.js';
import { verifyWebhook } from '../payments/signatures.js';
import { ORDER_ID, PAYMENT_ID } from '../payments/razorpay-wire.js';

export interface RazorpayRoutesOptions {
  keyId: string;
  /** Unset: the webhook route answers 404, as an unconfigured endpoint should. */
  webhookSecret?: string;
  merchantName: string;
}

/** The events that mean money was captured for an order; others are acknowledged and ignored. */
const PAID_EVENTS = new Set(['payment.captured', 'order.paid']);

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function paymentPage(keyId: string, merchant: string, orderId: string, callbackUrl: string | undefined): string {
  const back = callbackUrl ? { callback_url: callbackUrl, redirect: true } : {};
  const options = JSON.stringify({ key: keyId, order_id: orderId, name: merchant, currency: 'INR', ...back }).replace(/</g, '\\u003c');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Pay ${escapeHtml(merchant)}</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem">
<h1>Pay ${escapeHtml(merchant)}</h1><p id="status">Opening Razorpay Checkout…</p>
<script src="https://checkout.razorpay.com/v1/checkout.js"></script>
<script>
const options = ${options};
const status = document.getElementById('status');
options.handler = async (r) => {
  status.textContent = 'Checking the payment with Razorpay…';
  const res = await fetch(location.pathname + '/done', { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ razorpay_payment_id: r.razorpay_payment_id, razorpay_signature: r.razorpay_signature }) });
  const body = await res.json();
  status.textContent = res.ok ? 'Paid. You can go back to your assistant or app.' : 'Not paid: ' + (body.error && body.error.message);
};
options.modal = { ondismiss: () => { status.textContent = 'Payment not completed. Reload this page to try again.'; } };
new Razorpay(options).open();
</script></body></html>`;
}

/**
 * Our own page sends Razorpay's result only back to this service: a link naming some other site would make this
 * page deliver the shopper, and the payment's ids, wherever that link says.
 */
function ourCallback(raw: string, host: string): string {
  const read = readCallbackUrl(raw);
  if (!read.ok) throw new DomainError('VALIDATION_FAILED', read.message);
  if (read.url.host !== host) {
    throw new DomainError('VALIDATION_FAILED', `callback_url must be on this service (${host}), not ${read.url.host}: open the payment page from the shop you are paying in.`);
  }
  return read.url.href;
}

export async function registerRazorpayRoutes(app: FastifyInstance, deps: CoreDeps, opts: RazorpayRoutesOptions): Promise<void> {
  await app.register(async (scope) => {
    keepRawJson(scope);
    scope.post('/webhooks/razorpay', { schema: { hide: true } }, async (request, reply) => {
      if (!opts.webhookSecret) return reply.code(404).send({ success: false, error: { type: 'validation_error', code: 'NOT_FOUND', message: 'No Razorpay webhook is configured here.' } });
      if (!request.rawBody || !verifyWebhook(request.rawBody, request.headers['x-razorpay-signature'], opts.webhookSecret)) {
        request.log.warn('razorpay webhook with a bad or missing signature');
        return reply.code(400).send({ success: false, error: { type: 'authentication_error', code: 'UNAUTHENTICATED', message: 'X-Razorpay-Signature does not match this body.' } });
      }
      const event = request.body as { event?: unknown; payload?: { payment?: { entity?: { id?: unknown; order_id?: unknown } } } } | undefined;
      const payment = event?.payload?.payment?.entity;
      if (typeof event?.event !== 'string' || !PAID_EVENTS.has(event.event) || typeof payment?.id !== 'string' || typeof payment.order_id !== 'string') {
        return { received: true, applied: 'ignored' };
      }
      if (!ORDER_ID.test(payment.order_id) || !PAYMENT_ID.test(payment.id)) return { received: true, applied: 'ignored' };
      const result = await applyGatewayPayment(deps, { gatewayOrderId: payment.order_id, paymentId: payment.id, source: 'webhook' });
      request.log.info({ event: event.event, outcome: result.outcome }, 'razorpay webhook');
      // Razorpay retries anything but 2xx; a payment we refused is still a delivered event
      return { received: true, applied: result.outcome };
    });
  });

  app.get(
    '/pay/:order_id',
    {
      schema: {
        hide: true,
        params: Type.Object({ order_id: Type.String({ pattern: ORDER_ID.source }) }),
        querystring: Type.Object({ callback_url: Type.Optional(Type.String()) }),
      },
    },
    async (request, reply) => {
      const { order_id } = request.params as { order_id: string };
      const { callback_url } = request.query as { callback_url?: string };
      const page = paymentPage(opts.keyId, opts.merchantName, order_id, callback_url === undefined ? undefined : ourCallback(callback_url, request.host));
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page);
    },
  );

  app.post(
    '/pay/:order_id/done',
    {
      schema: {
        hide: true,
        params: Type.Object({ order_id: Type.String({ pattern: ORDER_ID.source }) }),
        body: Type.Object({
          razorpay_payment_id: Type.String({ pattern: PAYMENT_ID.source }),
          razorpay_signature: Type.String({ pattern: '^[0-9a-f]{64}$' }),
        }),
      },
    },
    async (request, reply) => {
      const { order_id } = request.params as { order_id: string };
      const body = request.body as { razorpay_payment_id: string; razorpay_signature: string };
      const result = await applyGatewayPayment(deps, {
        gatewayOrderId: order_id,
        paymentId: body.razorpay_payment_id,
        signature: body.razorpay_signature,
        source: 'checkout_page',
      });
      if (result.outcome === 'paid' || result.outcome === 'already_paid') return { success: true, data: { paid: true } };
      const message = result.outcome === 'unknown_order' ? 'No checkout is waiting for this payment.' : `The payment was not accepted: ${result.reason ?? 'it did not check out'}.`;
      return reply.code(result.outcome === 'unknown_order' ? 404 : 402).send({ success: false, error: { type: 'validation_error', code: 'PAYMENT_NOT_VERIFIED', message } });
    },
  );
}
