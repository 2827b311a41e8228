/** The buyer's orders, newest first, as last reported by the sellers. */
import { get } from '../api.ts';
import { h, replace } from '../dom.ts';
import { dateTime, humanize } from '../format.ts';
import type { ViewContext } from '../router.ts';
import { signedIn } from '../session.ts';
import type { Order } from '../types.ts';
import { money } from '../ui.ts';

export const stateLabel = (o: Pick<Order, 'state' | 'fulfillment_state'>): string =>
  o.state === 'Cancelled' ? 'Cancelled' : o.fulfillment_state && o.fulfillment_state !== 'Pending' ? humanize(o.fulfillment_state) : humanize(o.state);

export async function ordersView({ main }: ViewContext): Promise<void> {
  const { orders } = await get<{ orders: Order[] }>('/orders', { limit: 50 });
  const signIn = signedIn() ? null : h('p', { class: 'hint' }, 'Orders placed from other devices show here once you ', h('a', { href: '/signin?next=/orders' }, 'sign in'), '.');
  if (orders.length === 0) {
    replace(main, h('h1', {}, 'Your orders'), h('p', {}, 'No orders yet. '), h('p', {}, h('a', { class: 'button', href: '/' }, 'Start shopping')), signIn);
    return;
  }
  replace(
    main,
    h('h1', {}, 'Your orders'),
    signIn,
    h(
      'ul',
      { class: 'order-list' },
      orders.map((o) =>
        h(
          'li',
          { class: 'panel order-row' },
          h('h2', {}, h('a', { href: `/orders/${o.order_id}` }, o.provider.name)),
          h('p', { class: 'meta' }, `${dateTime(o.created_at)} · ${o.items.length} ${o.items.length === 1 ? 'item' : 'items'} · ${o.payment_method === 'cod' ? 'Cash on delivery' : 'Paid online'}`),
          h('p', {}, h('span', { class: `state state-${o.state.toLowerCase()}` }, stateLabel(o)), ' ', money(o.total)),
        ),
      ),
    ),
  );
}
