import { Type } from '@sinclair/typebox';
import { assertNotExpired, checkouts, requireCheckout, requireState } from '../checkout.js';
import { CheckoutView, checkoutView, summarizeCheckout } from '../checkout-view.js';
import { defineOperation, type CoreDeps } from '../operation.js';
import type { DeliveryDetails, Session } from '../ports.js';
import { AddressFields, AddressId, checkedAddress, deliveryFrom, requireAddress, type AddressInput } from '../addresses.js';
import { DomainError } from '../errors.js';
import { SessionId } from '../schemas.js';
import { requireSession } from '../session.js';
import { Gps, Pincode } from './select-items-for-order.js';

const DELIVERY_FIELDS = ['name', 'phone', 'email', 'house', 'building', 'locality', 'city', 'state'] as const;

/** The delivery details: a saved address of the user's, or the fields given, checked against the pincode directory. */
async function deliveryFor(deps: CoreDeps, session: Session, input: Record<string, string | undefined>): Promise<DeliveryDetails> {
  if (input['address_id'] !== undefined) {
    const given = DELIVERY_FIELDS.filter((f) => input[f] !== undefined);
    if (given.length > 0) {
      throw new DomainError('VALIDATION_FAILED', `Give either address_id or the address fields, not both (also got ${given.join(', ')}).`);
    }
    return deliveryFrom(await requireAddress(deps, session, input['address_id']));
  }
  const missing = [...DELIVERY_FIELDS.filter((f) => f !== 'city' && f !== 'state'), 'pincode'].filter((f) => input[f] === undefined);
  if (missing.length > 0) {
    throw new DomainError('VALIDATION_FAILED', `Missing ${missing.join(', ')}: give a saved address_id (list_addresses) or every address field.`);
  }
  return deliveryFrom(checkedAddress(deps, input as unknown as AddressInput));
}

export const initializeOrder = defineOperation({
  name: 'initialize_order',
  title: 'Give delivery details',
  description:
    'Send the buyer\'s name, phone, email and delivery address to every seller of a checkout from ' +
    'select_items_for_order: either a saved address_id (list_addresses) or the fields themselves. Each seller answers ' +
    'with its final quote and payment terms. Next: create_payment for each seller (prepaid, or cod where the seller ' +
    'accepts cash on delivery).',
  http: { method: 'POST', path: '/checkouts/:checkout_id/init' },
  input: Type.Object({
    session_id: SessionId,
    checkout_id: Type.String({ pattern: '^chk_[A-Za-z0-9_-]{16}$', description: 'From select_items_for_order' }),
    address_id: Type.Optional(AddressId),
    name: Type.Optional(AddressFields.name),
    phone: Type.Optional(AddressFields.phone),
    email: Type.Optional(AddressFields.email),
    house: Type.Optional(AddressFields.house),
    building: Type.Optional(AddressFields.building),
    locality: Type.Optional(AddressFields.locality),
    city: Type.Optional(Type.String({ minLength: 2, maxLength: 60 })),
    state: Type.Optional(Type.String({ minLength: 2, maxLength: 60 })),
    pincode: Type.Optional(Pincode),
    gps: Type.Optional(Gps),
  }),
  output: CheckoutView,
  hints: { readOnly: false, idempotent: true, destructive: false, openWorld: true },
  summarize: summarizeCheckout,
  run: async (input, { deps }) => {
    const session = await requireSession(deps, input.session_id);
    let checkout = await requireCheckout(deps, session, input.checkout_id);
    // the delivery point stays the one the sellers quoted for at select (ONDC checks init against select)
    const delivery = { ...(await deliveryFor(deps, session, input)), gps: input.gps ?? checkout.gps };
    if (delivery.pincode !== checkout.pincode) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `This checkout was quoted for delivery to ${checkout.pincode}, and the address is in ${delivery.pincode}: call select_items_for_order with pincode ${delivery.pincode}.`,
      );
    }
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
