/**
 * Where the payment gateway sends the shopper back: the storefront gives Checkout
 * `callback_url = /checkout/{checkout_id}/payment-return?provider_id={seller}`, and the browser POSTs Checkout's
 * form fields here after paying (or failing, or cancelling).
 *
 * The design, and why: a POST body cannot be read by the storefront's static page, so one server hop is needed,
 * and this is all it does: it checks the fields' shape and answers 303 to the storefront's checkout page with them
 * in the URL fragment, where the page reads them and calls the public verify_payment with the shopper's own
 * session; verify_payment checks the signature and asks the gateway itself, as for any other client. Nothing is
 * applied here: anyone can post these fields, and this route knows no session. The fragment never leaves the
 * browser, so payment ids and signatures reach no server log, proxy or Referer. (Real-mode /pay/{order}/done and
 * the webhook apply payments without a session because they ask the gateway first; a second, session-less way
 * to pay a checkout would only widen what must be trusted.)
 */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../core/errors.js';
import { CheckoutId, ProviderId } from '../core/operations/create-payment.js';
import { readCheckoutReturn } from '../payments/checkout-return.js';

const FORM = 'application/x-www-form-urlencoded';

export const PAYMENT_RETURN_PATH = '/checkout/:checkout_id/payment-return';

export async function registerPaymentReturn(app: FastifyInstance): Promise<void> {
  await app.register(async (scope) => {
    // Checkout posts an HTML form; only this route takes form bodies, the API stays JSON
    scope.addContentTypeParser(FORM, { parseAs: 'string', bodyLimit: 8192 }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    scope.post(
      PAYMENT_RETURN_PATH,
      {
        schema: {
          hide: true,
          params: Type.Object({ checkout_id: CheckoutId }),
          querystring: Type.Object({ provider_id: ProviderId }),
        },
      },
      async (request, reply) => {
        const { checkout_id } = request.params as { checkout_id: string };
        const { provider_id } = request.query as { provider_id: string };
        const body = typeof request.body === 'object' && request.body !== null ? (request.body as Record<string, unknown>) : {};
        const returned = readCheckoutReturn(body);
        if (!returned) {
          throw new DomainError(
            'VALIDATION_FAILED',
            'This is where the payment gateway returns the shopper: post razorpay_payment_id, razorpay_order_id and ' +
              `razorpay_signature, or Razorpay's error[code] and error[reason] fields. To pay, open /checkout/${checkout_id} again.`,
          );
        }
        const handover = new URLSearchParams({ provider_id });
        if (returned.outcome === 'paid') {
          handover.set('razorpay_payment_id', returned.paymentId);
          handover.set('razorpay_order_id', returned.orderId);
          handover.set('razorpay_signature', returned.signature);
        } else {
          handover.set('payment_error', returned.reason);
        }
        return reply
          .code(303)
          .headers({ location: `/checkout/${checkout_id}#${handover}`, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' })
          .send();
      },
    );
  });
}
