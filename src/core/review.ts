/**
 * Consent before money moves: review_order shows the exact totals of a checkout ready to confirm and returns a
 * confirmation token bound to them; confirm_order places orders only with a token whose totals still hold. The
 * token is stateless: `rv1.<expiry>.<reviewed total in paise>.<MAC>`, the MAC (keyed with the session secret)
 * covering the checkout id, the expiry, the total and a digest of everything the buyer agreed to — each seller's
 * items, quote lines and total, payment method and the delivery address. Any change to those after review makes
 * the token stale, and confirm asks for a new review showing old and new totals.
 */
import { createHash } from 'node:crypto';
import type { Checkout } from './checkout.js';
import { DomainError } from './errors.js';
import { rupeesString } from './money.js';
import type { CoreDeps } from './operation.js';

/** A review stays good this long (or until the first quote expires, if sooner). */
const REVIEW_SECONDS = 15 * 60;

export function checkoutTotalPaise(checkout: Checkout): number {
  return checkout.sellers.reduce((sum, s) => sum + s.quote.totalPaise, 0);
}

/** Everything the buyer agrees to at review, in a fixed order. */
function agreedTerms(checkout: Checkout): string {
  const sellers = [...checkout.sellers]
    .sort((a, b) => a.seller.providerId.localeCompare(b.seller.providerId))
    .map((s) => ({
      seller: s.seller.providerId,
      items: s.items.map((i) => [i.productId, i.count]),
      lines: s.quote.lines.map((l) => [l.type, l.title, l.quantity ?? null, l.pricePaise]),
      total: s.quote.totalPaise,
      method: s.cashOnDelivery === undefined ? null : s.cashOnDelivery ? 'cod' : 'prepaid',
    }));
  const d = checkout.delivery;
  const address = d ? [d.name, d.house, d.building, d.locality, d.city, d.state, d.pincode, d.phone, d.email] : null;
  return JSON.stringify({ checkout: checkout.id, sellers, address });
}

function mac(deps: CoreDeps, checkout: Checkout, expiry: number, totalPaise: number): string {
  const terms = createHash('sha256').update(agreedTerms(checkout)).digest('base64url');
  return deps.tokens.digest(`review|${checkout.id}|${expiry}|${totalPaise}|${terms}`);
}

export function issueReviewToken(deps: CoreDeps, checkout: Checkout): { token: string; expiresAt: string } {
  const now = deps.clock.now().getTime();
  const firstQuoteExpiry = Math.min(...checkout.sellers.map((s) => Date.parse(s.quote.expiresAt)));
  const expiry = Math.floor(Math.min(now + REVIEW_SECONDS * 1000, firstQuoteExpiry) / 1000);
  const total = checkoutTotalPaise(checkout);
  return { token: `rv1.${expiry}.${total}.${mac(deps, checkout, expiry, total)}`, expiresAt: new Date(expiry * 1000).toISOString() };
}

/** Refuses to confirm unless the token is ours, unexpired, and every agreed term still holds. */
export function checkReviewToken(deps: CoreDeps, checkout: Checkout, token: string): void {
  const parts = token.split('.');
  const [version, expiryText, totalText, given] = parts;
  const expiry = Number(expiryText);
  const reviewed = Number(totalText);
  if (parts.length !== 4 || version !== 'rv1' || !Number.isInteger(expiry) || !Number.isInteger(reviewed) || !given) {
    throw new DomainError('REVIEW_REQUIRED', 'That is not a confirmation token from review_order; call review_order, show the user the totals, then confirm with its token.');
  }
  const now = deps.clock.now().getTime();
  if (expiry * 1000 <= now) {
    throw new DomainError('REVIEW_EXPIRED', 'The review expired; call review_order again and show the user the current totals.');
  }
  if (mac(deps, checkout, expiry, reviewed) === given) return;
  const current = checkoutTotalPaise(checkout);
  const totals = { reviewed_total: rupeesString(reviewed), current_total: rupeesString(current) };
  if (current === reviewed) {
    throw new DomainError('REVIEW_STALE', 'The order changed since it was reviewed; call review_order again and show the user the new terms.', totals);
  }
  throw new DomainError(
    'REVIEW_STALE',
    `The total changed since review: ₹${totals.reviewed_total} then, ₹${totals.current_total} now. Call review_order and confirm the new total with the user.`,
    totals,
  );
}

/** The terms in one sentence, for a person to say yes or no to (MCP elicitation). */
export function reviewQuestion(checkout: Checkout): string {
  const sellers = checkout.sellers.map(
    (s) => `${s.seller.name} ₹${rupeesString(s.quote.totalPaise)} (${s.cashOnDelivery ? 'cash on delivery' : 'paid online'})`,
  );
  const d = checkout.delivery;
  const to = d ? ` Deliver to ${d.name}, ${d.house}, ${d.building}, ${d.locality}, ${d.city} ${d.pincode}.` : '';
  const n = checkout.sellers.length;
  return `Place ${n} ${n === 1 ? 'order' : 'orders'} for ₹${rupeesString(checkoutTotalPaise(checkout))} in all? ${sellers.join('; ')}.${to}`;
}
