import { Type } from '@sinclair/typebox';
import {
  assertNotExpired,
  checkouts,
  checkoutState,
  orders,
  requireCheckout,
  requireState,
  updateSeller,
  type SellerOrder,
} from '../checkout.js';
import { CheckoutView, checkoutView, summarizeCheckout } from '../checkout-view.js';
import { DomainError } from '../errors.js';
import { checkReviewToken, reviewQuestion } from '../review.js';
import { defineOperation, type Caller, type CoreDeps } from '../operation.js';
import type { Checkout } from '../checkout.js';
import { SessionId } from '../schemas.js';
import { requireSession } from '../session.js';
import { CheckoutId } from './create-payment.js';
import { actor } from '../audit.js';
import { removeOrdered } from '../cart.js';

const READY: SellerOrder['state'][] = ['paid', 'cod'];

/**
 * A claim whose confirm outlived the lease was left by a process that died mid-confirm (kill -9, a lost node): the
 * seller may or may not have the order. Sending confirm again with the same order id settles it either way, since a
 * seller answers a known order id with the order it already placed.
 */
const abandoned = (deps: CoreDeps, o: SellerOrder) =>
  o.state === 'confirming' &&
  // a claim from before leases were stamped counts as abandoned too
  !(deps.clock.now().getTime() - Date.parse(o.confirmingSince ?? '') <= deps.settings.confirmLeaseSeconds * 1000);

/** Gives a claim back (to be paid or cash on delivery again), unless another attempt has taken it over since. */
async function unclaim(deps: CoreDeps, checkout: Checkout, providerId: string, since: string | undefined): Promise<Checkout> {
  return updateSeller(deps, checkout, providerId, (o) => {
    if (o.state !== 'confirming' || o.confirmingSince !== since) return o;
    const { confirmingSince: _, ...rest } = o;
    return { ...rest, state: o.cashOnDelivery ? 'cod' : 'paid' };
  });
}

/** Starts this seller's lease now, just before its confirm goes out: the sellers before it may have taken a while. */
async function restamp(deps: CoreDeps, checkout: Checkout, providerId: string, since: string | undefined): Promise<Checkout> {
  const now = deps.clock.now().toISOString();
  return updateSeller(deps, checkout, providerId, (o) => (o.state === 'confirming' && o.confirmingSince === since ? { ...o, confirmingSince: now } : o));
}

/**
 * Claims the ready seller orders (and abandoned claims) in one atomic write, so of any number of concurrent confirms
 * exactly one goes on to the network for each seller. Returns the providers this call claimed.
 */
async function claim(deps: CoreDeps, checkout: Checkout): Promise<{ checkout: Checkout; claimed: string[] }> {
  const orderIds = new Map(checkout.sellers.map((s) => [s.seller.providerId, s.orderId ?? `ord_${deps.ids.random(12)}`]));
  const since = deps.clock.now().toISOString();
  let claimed: string[] = [];
  const saved = await checkouts(deps).update(checkout.id, (c) => {
    claimed = [];
    return {
      ...c,
      sellers: c.sellers.map((o) => {
        if (!READY.includes(o.state) && !abandoned(deps, o)) return o;
        claimed.push(o.seller.providerId);
        return { ...o, state: 'confirming', confirmingSince: since, orderId: o.orderId ?? orderIds.get(o.seller.providerId) };
      }),
    };
  });
  return { checkout: saved ?? checkout, claimed };
}

/** Sends one seller's confirm and records the order; what was ordered leaves the cart of the session confirming. */
async function placeOne(deps: CoreDeps, checkout: Checkout, order: SellerOrder, cartSessionId: string): Promise<Checkout> {
  const delivery = checkout.delivery!;
  let answer;
  try {
    answer = await deps.network.confirm({
      exchange: order.exchange,
      seller: order.seller,
      orderId: order.orderId!,
      items: order.items,
      delivery,
      terms: order.terms,
      payment: order.cashOnDelivery
        ? { cashOnDelivery: true }
        : { cashOnDelivery: false, amountPaise: order.payment!.amountPaise, transactionId: order.payment!.paymentId! },
    });
  } catch (err) {
    // Not placed as far as we know: back to ready, keeping the order id so a retry cannot make a second order.
    await unclaim(deps, checkout, order.seller.providerId, order.confirmingSince);
    throw err;
  }
  if (answer.refusal) {
    return updateSeller(deps, checkout, order.seller.providerId, (o) => ({ ...o, exchange: answer.exchange, state: 'failed', refusal: answer.refusal }));
  }
  const now = deps.clock.now().toISOString();
  const recorded = await orders(deps).create(
    order.orderId!,
    {
      id: order.orderId!,
      checkoutId: checkout.id,
      sessionId: checkout.sessionId,
      ...(checkout.userId ? { userId: checkout.userId } : {}),
      seller: order.seller,
      exchange: answer.exchange,
      items: order.items,
      quote: order.quote,
      paymentMethod: order.cashOnDelivery ? 'cod' : 'prepaid',
      ...(order.payment?.paymentId ? { paymentId: order.payment.paymentId } : {}),
      state: answer.state ?? 'Created',
      delivery,
      createdAt: now,
      updatedAt: now,
    },
    { owner: checkout.userId ?? checkout.sessionId },
  );
  // Only the call that first records the order takes it out of the cart: a retry settling it again takes nothing.
  if (recorded) await removeOrdered(deps, cartSessionId, order.items);
  await deps.audit.record({
    action: 'order.confirm',
    outcome: 'ok',
    ...actor(checkout.sessionId, checkout.userId, order.orderId!),
    detail: { seller: order.seller.providerId, total_paise: order.quote.totalPaise, method: order.cashOnDelivery ? 'cod' : 'prepaid' },
  });
  return updateSeller(deps, checkout, order.seller.providerId, (o) => ({
    ...o,
    exchange: answer.exchange,
    state: 'confirmed',
    orderState: answer.state ?? 'Created',
  }));
}

/** Without a review token, only the user's own yes (asked by elicitation, which the model cannot answer) will do. */
async function askTheUser(caller: Caller, checkout: Checkout): Promise<void> {
  if (!caller.ask) {
    throw new DomainError('REVIEW_REQUIRED', 'Call review_order, show the user the totals, and confirm_order with its confirmation_token once they agree.');
  }
  const answer = await caller.ask.confirm(reviewQuestion(checkout));
  if (answer === 'decline') throw new DomainError('CONFIRM_DECLINED', 'The user said no; nothing was ordered. Ask what to change.');
  if (answer === 'cancel') throw new DomainError('CONFIRM_CANCELLED', 'The user dismissed the question; nothing was ordered. Ask again when they are ready.');
}

export const confirmOrder = defineOperation({
  name: 'confirm_order',
  title: 'Place the orders',
  description:
    'Place the orders of a checkout whose sellers are all paid (verify_payment) or on cash on delivery: sends ' +
    'confirm to each seller and returns the order ids. Needs the confirmation_token from review_order, given only ' +
    'after the user agreed to the totals it showed; a token whose totals no longer hold is refused. Safe to retry: a ' +
    'retry or a concurrent duplicate never creates a second order. What was ordered leaves the cart. Next: get_order_status.',
  http: { method: 'POST', path: '/checkouts/:checkout_id/confirm' },
  input: Type.Object({
    session_id: SessionId,
    checkout_id: CheckoutId,
    confirmation_token: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'From review_order, after the user agreed. MCP clients that support elicitation may leave it out: the server then asks the user itself.',
      }),
    ),
  }),
  output: CheckoutView,
  hints: { readOnly: false, idempotent: true, destructive: false, openWorld: true },
  summarize: summarizeCheckout,
  run: async ({ session_id, checkout_id, confirmation_token }, { deps, caller }) => {
    const session = await requireSession(deps, session_id);
    const current = await requireCheckout(deps, session, checkout_id);
    if (checkoutState(deps, current) === 'confirmed') return checkoutView(deps, current);
    for (const order of current.sellers) {
      if (order.state === 'confirmed' || order.state === 'confirming') continue;
      requireState(order, READY, 'call create_payment (and verify_payment for prepaid) first');
      assertNotExpired(deps, order);
    }
    try {
      if (confirmation_token !== undefined) checkReviewToken(deps, current, confirmation_token);
      else await askTheUser(caller, current);
    } catch (err) {
      await deps.audit.record({ action: 'order.confirm', outcome: 'refused', ...actor(session.id, session.userId, checkout_id), detail: { reason: (err as DomainError).code } });
      throw err;
    }
    let { checkout, claimed } = await claim(deps, current);
    if (claimed.length === 0) {
      if (checkoutState(deps, checkout) === 'confirmed') return checkoutView(deps, checkout);
      throw new DomainError(
        'CONFIRM_IN_PROGRESS',
        'This checkout is already being confirmed; call list_orders in a moment to see the orders. If it is still not ' +
          `confirmed after ${deps.settings.confirmLeaseSeconds} s, call confirm_order again: it then settles the order with the seller.`,
        { retry_after_seconds: deps.settings.confirmLeaseSeconds },
      );
    }
    const sinceOf = (c: Checkout, providerId: string) => c.sellers.find((s) => s.seller.providerId === providerId)?.confirmingSince;
    for (const [i, providerId] of claimed.entries()) {
      try {
        checkout = await restamp(deps, checkout, providerId, sinceOf(checkout, providerId));
        checkout = await placeOne(deps, checkout, checkout.sellers.find((s) => s.seller.providerId === providerId)!, session.id);
      } catch (err) {
        // the sellers after this one were claimed but never sent: free them for the retry the error invites
        for (const rest of claimed.slice(i + 1)) checkout = await unclaim(deps, checkout, rest, sinceOf(checkout, rest));
        throw err;
      }
    }
    return checkoutView(deps, checkout);
  },
});
