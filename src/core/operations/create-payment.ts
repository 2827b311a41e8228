import { Type } from '@sinclair/typebox';
import { assertNotExpired, requireCheckout, requireSeller, requireState, updateSeller } from '../checkout.js';
import { CheckoutView, checkoutView, summarizeCheckout } from '../checkout-view.js';
import { DomainError } from '../errors.js';
import { rupeesString } from '../money.js';
import { indexGatewayOrder } from '../gateway-payments.js';
import { defineOperation } from '../operation.js';
import { SessionId } from '../schemas.js';
import { requireSession } from '../session.js';

export const CheckoutId = Type.String({ pattern: '^chk_[A-Za-z0-9_-]{16}$', description: 'From select_items_for_order' });
export const ProviderId = Type.String({ pattern: '^[a-z0-9-]{1,100}$', description: 'The seller (provider id) within the checkout' });

export const createPayment = defineOperation({
  name: 'create_payment',
  title: 'Choose how to pay a seller',
  description:
    'For one seller of an initialized checkout, choose prepaid or cash on delivery. Prepaid creates a payment ' +
    'order at the gateway for exactly the seller\'s quoted total and returns a checkout_url where the user pays; ' +
    'then call verify_payment with what the gateway returned. Cash on delivery asks the seller to accept it (some ' +
    'sellers refuse) and needs no payment. Next: verify_payment (prepaid) or confirm_order.',
  http: { method: 'POST', path: '/checkouts/:checkout_id/payments' },
  input: Type.Object({
    session_id: SessionId,
    checkout_id: CheckoutId,
    provider_id: ProviderId,
    method: Type.Union([Type.Literal('prepaid'), Type.Literal('cod')], { description: 'prepaid (UPI, card) or cod (cash on delivery)' }),
  }),
  output: CheckoutView,
  hints: { readOnly: false, idempotent: false, destructive: false, openWorld: true },
  summarize: summarizeCheckout,
  run: async ({ session_id, checkout_id, provider_id, method }, { deps, caller }) => {
    const session = await requireSession(deps, session_id);
    const checkout = await requireCheckout(deps, session, checkout_id);
    const order = requireSeller(checkout, provider_id);
    requireState(order, ['initialized', 'payment_pending', 'cod'], 'call initialize_order first, or confirm_order if it is paid');
    assertNotExpired(deps, order);
    if (!checkout.delivery) throw new DomainError('CHECKOUT_STEP', 'Call initialize_order with the delivery details first.');

    if (method === 'cod') {
      const answer = await deps.network.init({
        exchange: order.exchange,
        seller: order.seller,
        items: order.items,
        delivery: checkout.delivery,
        cashOnDelivery: true,
        quote: order.quote,
      });
      if (answer.refusal) {
        throw new DomainError('SELLER_REFUSED', `${order.seller.name} refused cash on delivery: ${answer.refusal.message}. Choose prepaid.`, {
          ondc_code: answer.refusal.code,
        });
      }
      const saved = await updateSeller(deps, checkout, provider_id, (o) => {
        const { payment: _unused, ...rest } = o;
        return { ...rest, exchange: answer.exchange, quote: answer.quote, terms: answer.terms, cashOnDelivery: true, state: 'cod' };
      });
      return checkoutView(deps, saved);
    }

    // Prepaid terms come from initialize_order; if the user switched from cash on delivery, ask the seller again.
    let { exchange, quote, terms } = order;
    if (order.cashOnDelivery) {
      const answer = await deps.network.init({ exchange, seller: order.seller, items: order.items, delivery: checkout.delivery, cashOnDelivery: false, quote });
      if (answer.refusal) throw new DomainError('SELLER_REFUSED', `${order.seller.name}: ${answer.refusal.message}`);
      ({ exchange, quote, terms } = answer);
    }
    const gatewayOrder = await deps.payments.createOrder({
      amountPaise: quote.totalPaise,
      receipt: `${checkout_id}:${provider_id}`,
      notes: { checkout_id, provider_id },
    });
    if (gatewayOrder.amountPaise !== quote.totalPaise) {
      throw new DomainError('PAYMENT_UNAVAILABLE', `The payment gateway made an order for ${gatewayOrder.amountPaise} paise instead of ${quote.totalPaise}; try again.`);
    }
    const saved = await updateSeller(deps, checkout, provider_id, (o) => ({
      ...o,
      exchange,
      quote,
      terms,
      cashOnDelivery: false,
      state: 'payment_pending',
      payment: { gatewayOrderId: gatewayOrder.gatewayOrderId, amountPaise: gatewayOrder.amountPaise, checkoutUrl: gatewayOrder.checkoutUrl },
    }));
    await indexGatewayOrder(deps, gatewayOrder.gatewayOrderId, checkout_id, provider_id);
    // A client that can open pages for its user gets the payment page directly (MCP URL elicitation); the user's
    // answer changes nothing here: only verify_payment, asking the gateway, marks the order paid.
    if (caller.ask?.openUrl) {
      await caller.ask
        .openUrl(`Pay ₹${rupeesString(quote.totalPaise)} to ${order.seller.name} on the payment page.`, gatewayOrder.checkoutUrl)
        .catch(() => undefined);
    }
    return checkoutView(deps, saved);
  },
});
