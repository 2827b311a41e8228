import { Type } from '@sinclair/typebox';
import { assertNotExpired, checkouts, requireCheckout, requireState } from '../checkout.js';
import { CheckoutView, checkoutView, summarizeCheckout } from '../checkout-view.js';
import { defineOperation } from '../operation.js';
import type { DeliveryDetails } from '../ports.js';
import { SessionId } from '../schemas.js';
import { requireSession } from '../session.js';
import { Gps, Pincode } from './select-items-for-order.js';

/** ONDC's address rules: name, building and locality each longer than 3 characters, together under 190. */
const AddressPart = (description: string) => Type.String({ minLength: 4, maxLength: 100, description });

export const initializeOrder = defineOperation({
  name: 'initialize_order',
  title: 'Give delivery details',
  description:
    'Send the buyer\'s name, phone, email and delivery address to every seller of a checkout from ' +
    'select_items_for_order. Each seller answers with its final quote and payment terms. Next: create_payment for ' +
    'each seller (prepaid, or cod where the seller accepts cash on delivery).',
  http: { method: 'POST', path: '/checkouts/:checkout_id/init' },
  input: Type.Object({
    session_id: SessionId,
    checkout_id: Type.String({ pattern: '^chk_[A-Za-z0-9_-]{16}$', description: 'From select_items_for_order' }),
    name: AddressPart('Full name of the person receiving the order'),
    phone: Type.String({ pattern: '^[6-9][0-9]{9}$', description: 'Ten-digit Indian mobile number' }),
    email: Type.String({ format: 'email', maxLength: 254 }),
    house: AddressPart('Flat, house or floor, e.g. "Flat 302"'),
    building: AddressPart('Building, apartment or house name'),
    locality: AddressPart('Street and locality'),
    city: Type.String({ minLength: 2, maxLength: 60 }),
    state: Type.String({ minLength: 2, maxLength: 60 }),
    pincode: Pincode,
    gps: Type.Optional(Gps),
  }),
  output: CheckoutView,
  hints: { readOnly: false, idempotent: true, destructive: false, openWorld: true },
  summarize: summarizeCheckout,
  run: async (input, { deps }) => {
    const session = await requireSession(deps, input.session_id);
    let checkout = await requireCheckout(deps, session, input.checkout_id);
    const delivery: DeliveryDetails = {
      name: input.name,
      house: input.house,
      phone: input.phone,
      email: input.email,
      building: input.building,
      locality: input.locality,
      city: input.city,
      state: input.state,
      pincode: input.pincode,
      gps: input.gps ?? checkout.gps,
    };
    for (const order of checkout.sellers) {
      requireState(order, ['quoted', 'initialized'], 'it was already paid for or placed');
      assertNotExpired(deps, order);
    }
    const answers = await Promise.all(
      checkout.sellers.map(async (order) => ({
        providerId: order.seller.providerId,
        answer: await deps.network.init({
          exchange: order.exchange,
          seller: order.seller,
          items: order.items,
          delivery,
          cashOnDelivery: false,
          quote: order.quote,
        }),
      })),
    );
    const byProvider = new Map(answers.map((a) => [a.providerId, a.answer]));
    const now = deps.clock.now().toISOString();
    const saved = await checkouts(deps).update(checkout.id, (c) => ({
      ...c,
      updatedAt: now,
      delivery,
      sellers: c.sellers.map((o) => {
        const answer = byProvider.get(o.seller.providerId);
        if (!answer) return o;
        const { refusal: _old, cashOnDelivery: _cod, ...rest } = o;
        return {
          ...rest,
          exchange: answer.exchange,
          quote: answer.quote,
          terms: answer.terms,
          state: answer.refusal ? 'failed' : 'initialized',
          ...(answer.refusal ? { refusal: answer.refusal } : {}),
        };
      }),
    }));
    checkout = saved ?? checkout;
    return checkoutView(deps, checkout);
  },
});
