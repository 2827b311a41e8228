/**
 * Payments the gateway reports on its own: Razorpay's webhook, and the return from its checkout page. Each names
 * a gateway order; the order's checkout and seller are found through the index create_payment writes, and the
 * payment counts only when the gateway, asked directly, says it captured exactly that seller's quoted total for
 * that order. The buyer's word is never taken for it.
 */
import { checkouts, updateSeller } from './checkout.js';
import type { CoreDeps } from './operation.js';
import { actor } from './audit.js';

interface PaymentIndex {
  checkoutId: string;
  providerId: string;
}

const index = (deps: CoreDeps) => deps.stores.documents<PaymentIndex>('payment_order');

/** Kept as long as a checkout is. */
const INDEX_SECONDS = 24 * 3600;

export async function indexGatewayOrder(deps: CoreDeps, gatewayOrderId: string, checkoutId: string, providerId: string): Promise<void> {
  await index(deps).delete(gatewayOrderId);
  await index(deps).create(gatewayOrderId, { checkoutId, providerId }, { ttlSeconds: INDEX_SECONDS });
}

export type GatewayPaymentOutcome = 'paid' | 'already_paid' | 'unknown_order' | 'refused';

export async function applyGatewayPayment(
  deps: CoreDeps,
  report: { gatewayOrderId: string; paymentId: string; signature?: string; source: 'webhook' | 'checkout_page' },
): Promise<{ outcome: GatewayPaymentOutcome; reason?: string; checkoutId?: string }> {
  const found = await index(deps).get(report.gatewayOrderId);
  const checkout = found ? await checkouts(deps).get(found.checkoutId) : null;
  const order = checkout?.sellers.find((s) => s.seller.providerId === found?.providerId);
  if (!found || !checkout || !order || order.payment?.gatewayOrderId !== report.gatewayOrderId) {
    return { outcome: 'unknown_order' };
  }
  const who = actor(checkout.sessionId, checkout.userId, checkout.id);
  if (order.payment.paymentId === report.paymentId) return { outcome: 'already_paid', checkoutId: checkout.id };
  if (order.state !== 'payment_pending') {
    await deps.audit.record({ action: `payment.${report.source}`, outcome: 'refused', ...who, detail: { reason: `order is ${order.state}` } });
    return { outcome: 'refused', reason: `the seller order is ${order.state}, not waiting for payment`, checkoutId: checkout.id };
  }
  const args = { gatewayOrderId: report.gatewayOrderId, paymentId: report.paymentId, expectedAmountPaise: order.quote.totalPaise };
  const check = report.signature !== undefined
    ? await deps.payments.verifyPayment({ ...args, signature: report.signature })
    : await deps.payments.confirmPayment(args);
  if (!check.verified) {
    await deps.audit.record({ action: `payment.${report.source}`, outcome: 'refused', ...who, detail: { seller: order.seller.providerId, reason: check.reason ?? check.status } });
    return { outcome: 'refused', ...(check.reason ? { reason: check.reason } : {}), checkoutId: checkout.id };
  }
  await updateSeller(deps, checkout, order.seller.providerId, (o) =>
    o.state === 'payment_pending' && o.payment ? { ...o, state: 'paid', payment: { ...o.payment, paymentId: report.paymentId } } : o,
  );
  await deps.audit.record({
    action: `payment.${report.source}`,
    outcome: 'ok',
    ...who,
    detail: { seller: order.seller.providerId, amount_paise: order.quote.totalPaise },
  });
  return { outcome: 'paid', checkoutId: checkout.id };
}
