import { Type } from '@sinclair/typebox';
import { requireCheckout, requireSeller, requireState, updateSeller } from '../checkout.js';
import { CheckoutView, checkoutView, summarizeCheckout } from '../checkout-view.js';
import { DomainError } from '../errors.js';
import { defineOperation } from '../operation.js';
import { SessionId } from '../schemas.js';
import { requireSession } from '../session.js';
import { CheckoutId, ProviderId } from './create-payment.js';
import { actor } from '../audit.js';

export const verifyPayment = defineOperation({
  name: 'verify_payment',
  title: 'Verify a payment',
  description:
    'After the user paid at checkout_url, pass what the payment gateway returned (payment id and signature). The ' +
    'server checks the signature and asks the gateway itself that the payment was captured for exactly the ' +
    'seller\'s total; nothing the caller says about the payment is trusted. Next: confirm_order.',
  http: { method: 'POST', path: '/checkouts/:checkout_id/payments/verify' },
  input: Type.Object({
    session_id: SessionId,
    checkout_id: CheckoutId,
    provider_id: ProviderId,
    payment_id: Type.String({ pattern: '^pay_[A-Za-z0-9]{6,40}$', description: 'razorpay_payment_id from the gateway' }),
    signature: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'razorpay_signature from the gateway' }),
  }),
  output: CheckoutView,
  hints: { readOnly: false, idempotent: true, destructive: false, openWorld: true },
  summarize: summarizeCheckout,
  run: async ({ session_id, checkout_id, provider_id, payment_id, signature }, { deps }) => {
    const session = await requireSession(deps, session_id);
    const checkout = await requireCheckout(deps, session, checkout_id);
    const order = requireSeller(checkout, provider_id);
    if (order.state === 'paid' && order.payment?.paymentId === payment_id) return checkoutView(deps, checkout);
    requireState(order, ['payment_pending'], 'call create_payment with method prepaid first');
    const payment = order.payment!;
    const check = await deps.payments.verifyPayment({
      gatewayOrderId: payment.gatewayOrderId,
      paymentId: payment_id,
      signature,
      expectedAmountPaise: order.quote.totalPaise,
    });
    const who = actor(session.id, session.userId, checkout_id);
    if (!check.verified) {
      await deps.audit.record({ action: 'payment.verify', outcome: 'refused', ...who, detail: { seller: provider_id, reason: check.reason ?? check.status } });
      throw new DomainError(
        'PAYMENT_NOT_VERIFIED',
        `The payment could not be verified (${check.reason ?? check.status}); nothing was charged to this order. Pay again at the checkout_url.`,
      );
    }
    const saved = await updateSeller(deps, checkout, provider_id, (o) => ({
      ...o,
      state: 'paid',
      payment: { ...payment, paymentId: payment_id },
    }));
    await deps.audit.record({ action: 'payment.verify', outcome: 'ok', ...who, detail: { seller: provider_id, amount_paise: order.quote.totalPaise } });
    return checkoutView(deps, saved);
  },
});
