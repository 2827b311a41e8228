import { Type } from '@sinclair/typebox';
import { checkoutState, requireCheckout } from '../checkout.js';
import { CheckoutView, checkoutView } from '../checkout-view.js';
import { DomainError } from '../errors.js';
import { Money, money } from '../money.js';
import { defineOperation } from '../operation.js';
import { checkoutTotalPaise, issueReviewToken } from '../review.js';
import { SessionId } from '../schemas.js';
import { requireSession } from '../session.js';
import { CheckoutId } from './create-payment.js';

export const reviewOrder = defineOperation({
  name: 'review_order',
  title: 'Review before placing the order',
  description:
    'The last step before confirm_order: the exact totals the sellers quoted (items, delivery, packing, taxes), ' +
    'the payment method per seller and the delivery address. SHOW ALL OF IT TO THE USER and ask them to confirm; ' +
    'only then call confirm_order with the confirmation_token. If anything changes before confirm (a new quote, ' +
    'another payment method), confirm_order refuses and asks for a new review.',
  http: { method: 'POST', path: '/checkouts/:checkout_id/review' },
  input: Type.Object({ session_id: SessionId, checkout_id: CheckoutId }),
  output: Type.Object({
    checkout: CheckoutView,
    total: Money,
    deliver_to: Type.String({ description: 'The delivery address, as the sellers have it' }),
    confirmation_token: Type.String({ description: 'Pass to confirm_order once the user agrees to these totals' }),
    expires_at: Type.String({ format: 'date-time' }),
  }),
  hints: { readOnly: true, idempotent: true, destructive: false },
  summarize: (r) =>
    `To confirm: ₹${r.total.value} in all (${r.checkout.sellers.map((s) => `${s.provider.name} ₹${s.quote.total.value} ${s.payment_method}`).join('; ')}), to ${r.deliver_to}. Ask the user, then confirm_order with the token.`,
  run: async ({ session_id, checkout_id }, { deps }) => {
    const session = await requireSession(deps, session_id);
    const checkout = await requireCheckout(deps, session, checkout_id);
    const state = checkoutState(deps, checkout);
    if (state !== 'ready_to_confirm') {
      throw new DomainError('CHECKOUT_STEP', `This checkout is ${state}, not ready to confirm; ${checkoutView(deps, checkout).next_step}`);
    }
    const d = checkout.delivery;
    const { token, expiresAt } = issueReviewToken(deps, checkout);
    return {
      checkout: checkoutView(deps, checkout),
      total: money(checkoutTotalPaise(checkout)),
      deliver_to: d ? `${d.name}, ${d.house}, ${d.building}, ${d.locality}, ${d.city} ${d.pincode}` : '',
      confirmation_token: token,
      expires_at: expiresAt,
    };
  },
});
