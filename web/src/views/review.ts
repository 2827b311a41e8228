/**
 * The last step: the exact totals every seller quoted, how each is paid and where it goes (review_order), and
 * the button that places the orders with the review's confirmation token. If anything changed since the review,
 * the server refuses (REVIEW_STALE) and the page shows the new review.
 */
import { ApiError, change, post } from '../api.ts';
import { announce, h, replace } from '../dom.ts';
import { dateTime, moneyText } from '../format.ts';
import { refresh } from '../router.ts';
import type { Checkout, Review } from '../types.ts';
import { errorText, money, notice, submitting } from '../ui.ts';

const METHOD = { prepaid: 'Paid online', cod: 'Cash on delivery' } as const;

function reviewPanel(review: Review, slot: HTMLElement, placed: () => void): HTMLElement {
  const c = review.checkout;
  const rows = c.sellers.map((s) =>
    h('tr', {}, h('th', { scope: 'row' }, s.provider.name, h('br', {}), h('span', { class: 'meta' }, s.payment_method ? METHOD[s.payment_method] : '')), h('td', { class: 'num' }, money(s.quote.total))),
  );
  const form = h('form', { class: 'place' }, h('button', { type: 'submit', class: 'button wide large' }, `Place order · ${moneyText(review.total)}`));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    let stale = undefined as ApiError | undefined;
    const confirmed = await submitting(form, async () => {
      try {
        return await change<Checkout>(`confirm:${c.checkout_id}`, 'POST', `/checkouts/${c.checkout_id}/confirm`, { confirmation_token: review.confirmation_token });
      } catch (err) {
        if (err instanceof ApiError && (err.code === 'REVIEW_STALE' || err.code === 'REVIEW_EXPIRED')) stale = err;
        throw err;
      }
    });
    if (stale) {
      await showReview(slot, c.checkout_id, placed, stale.message);
      return;
    }
    // the server takes what was ordered out of the cart
    if (confirmed) placed();
  });
  return h(
    'section',
    { class: 'panel review', id: 'review', 'aria-labelledby': 'review-h' },
    h('h2', { id: 'review-h' }, 'Your order'),
    h('p', {}, h('strong', {}, 'Deliver to: '), review.deliver_to),
    h(
      'table',
      { class: 'breakup' },
      h('caption', { class: 'visually-hidden' }, 'Total per seller'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Seller and payment'), h('th', { scope: 'col', class: 'num' }, 'Total'))),
      h('tbody', {}, rows),
      h('tfoot', {}, h('tr', {}, h('th', { scope: 'row' }, 'To pay in all'), h('td', { class: 'num' }, money(review.total, 'money grand')))),
    ),
    h('p', { class: 'hint' }, `These are the sellers’ binding totals, with delivery, packing and taxes. They hold until ${dateTime(review.expires_at)}.`),
    form,
  );
}

/** Loads the review into `slot`; a review that went stale at confirm is loaded again, saying why. */
export async function showReview(slot: HTMLElement, checkoutId: string, placed: () => void, why?: string): Promise<void> {
  try {
    const review = await post<Review>(`/checkouts/${checkoutId}/review`);
    replace(slot, why ? notice('error', why) : null, reviewPanel(review, slot, placed));
    announce(why ? 'The order changed: review the new totals.' : 'Review your order before placing it.');
  } catch (err) {
    replace(slot, notice('error', errorText(err)));
    if (err instanceof ApiError && err.code === 'CHECKOUT_STEP') void refresh();
  }
}
