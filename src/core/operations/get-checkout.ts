import { Type } from '@sinclair/typebox';
import { requireCheckout } from '../checkout.js';
import { CheckoutView, checkoutView, summarizeCheckout } from '../checkout-view.js';
import { defineOperation } from '../operation.js';
import { SessionId } from '../schemas.js';
import { requireSession } from '../session.js';
import { CheckoutId } from './create-payment.js';

export const getCheckout = defineOperation({
  name: 'get_checkout',
  title: 'Checkout state',
  description: 'Show a checkout: each seller\'s quote, state, payment and order id, and the next step to call.',
  http: { method: 'GET', path: '/checkouts/:checkout_id' },
  input: Type.Object({ session_id: SessionId, checkout_id: CheckoutId }),
  output: CheckoutView,
  hints: { readOnly: true, idempotent: true, destructive: false },
  summarize: summarizeCheckout,
  run: async ({ session_id, checkout_id }, { deps }) => {
    const session = await requireSession(deps, session_id);
    return checkoutView(deps, await requireCheckout(deps, session, checkout_id));
  },
});
