/**
 * One order, live: the page asks the seller for the order's state every few seconds while it is open and
 * visible, moves the delivery timeline along and says each change to screen readers. Forms the buyer is filling
 * in are never redrawn by an update; only what the buyer can do changes when the order reaches a new phase.
 */
import { get } from '../api.ts';
import { announce, h, replace } from '../dom.ts';
import { dateTime, humanize } from '../format.ts';
import type { ViewContext } from '../router.ts';
import type { Grievance, Order, Tracking } from '../types.ts';
import { errorText, money, notice } from '../ui.ts';
import { cancelForm, complaintForm, complaintSettled, grievanceCard, grievanceStatus, rememberedGrievances, rememberGrievance, returnForm, supportButton } from './after-order.ts';
import { stateLabel } from './orders.ts';

const POLL_MS = 4000;

const STEPS: Array<[string, string]> = [
  ['Pending', 'Order placed'],
  ['Packed', 'Packed'],
  ['Agent-assigned', 'Agent assigned'],
  ['Order-picked-up', 'Picked up'],
  ['Out-for-delivery', 'Out for delivery'],
  ['Order-delivered', 'Delivered'],
];
const PICKED_UP = 3;
const FINAL_RETURN = new Set(['Return_Delivered', 'Return_Rejected']);

const stepOf = (o: Order) => Math.max(0, STEPS.findIndex(([code]) => code === (o.fulfillment_state ?? 'Pending')));

type Phase = 'cancellable' | 'on-the-way' | 'delivered' | 'cancelled';

function phaseOf(o: Order): Phase {
  if (o.state === 'Cancelled') return 'cancelled';
  if (o.state === 'Completed') return 'delivered';
  return stepOf(o) < PICKED_UP ? 'cancellable' : 'on-the-way';
}

/** Nothing more will happen to the order by itself: no need to keep asking. */
const settled = (o: Order) => o.state === 'Cancelled' || (o.state === 'Completed' && o.returns.every((r) => FINAL_RETURN.has(r.state)));

function timeline(o: Order): HTMLElement {
  const at = stepOf(o);
  const cancelled = o.state === 'Cancelled';
  return h(
    'ol',
    { class: `timeline${cancelled ? ' cancelled' : ''}`, 'aria-label': 'Delivery progress' },
    STEPS.map(([, label], i) =>
      h('li', { class: i < at || (i === at && o.state === 'Completed') ? 'done' : i === at && !cancelled ? 'current' : '', 'aria-current': i === at && !cancelled ? 'step' : null }, label),
    ),
  );
}

function returnsList(o: Order): HTMLElement | null {
  if (o.returns.length === 0) return null;
  const name = (id: string) => o.items.find((i) => i.product_id === id)?.name ?? id;
  return h(
    'section',
    { class: 'returns', 'aria-labelledby': 'returns-h' },
    h('h3', { id: 'returns-h' }, 'Returns'),
    h('ul', { class: 'plain' }, o.returns.map((r) => h('li', { 'data-return': r.return_id }, `${r.quantity} × ${name(r.product_id)}: `, h('strong', {}, humanize(r.state)), r.refund.paise > 0 ? [' · refund ', money(r.refund)] : null))),
  );
}

async function showTracking(o: Order, slot: HTMLElement): Promise<void> {
  try {
    const t = await get<Tracking>(`/orders/${o.order_id}/tracking`);
    const where = t.location ? `last seen at ${t.location.lat.toFixed(4)}, ${t.location.lon.toFixed(4)}${t.location.at ? ` (${dateTime(t.location.at)})` : ''}` : 'no position yet';
    replace(
      slot,
      h('p', {}, t.active ? `On its way: ${where}. ` : `Not on its way yet: ${where}. `, t.tracking_url ? h('a', { href: t.tracking_url, target: '_blank', rel: 'noopener' }, 'Open the seller’s tracking page', h('span', { class: 'visually-hidden' }, ' (opens in a new tab)')) : null),
    );
  } catch (err) {
    replace(slot, notice('error', errorText(err)));
  }
}

const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = window.setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (window.clearTimeout(timer), resolve()), { once: true });
  });

export async function orderView({ main, params, signal }: ViewContext): Promise<void> {
  const id = params[0] ?? '';
  let order = await get<Order>(`/orders/${encodeURIComponent(id)}`);

  const now = h('p', { class: 'status-now', id: 'status-now', 'aria-live': 'polite' });
  const progress = h('div', {});
  const cancellation = h('div', {});
  const returns = h('div', {});
  const checked = h('p', { class: 'live' });
  const actions = h('div', {});
  const actionsTitle = h('h2', { id: 'act-h' });
  const actionsPanel = h('section', { class: 'panel actions', 'aria-labelledby': 'act-h' }, actionsTitle, actions);
  const grievances = h('ul', { class: 'plain grievances', 'aria-label': 'Your complaints' });
  const trackSlot = h('div', {});
  const trackButton = h('button', { type: 'button', class: 'button secondary' }, 'Where is it now?');
  trackButton.addEventListener('click', () => void showTracking(order, trackSlot));

  let phase: Phase | undefined;
  const draw = (o: Order) => {
    now.textContent = stateLabel(o);
    replace(progress, timeline(o));
    replace(cancellation, o.cancellation ? notice('info', `Cancelled by ${o.cancellation.by === 'buyer' ? 'you' : 'the seller'}: ${o.cancellation.reason}.`) : null);
    replace(returns, returnsList(o));
    const done = settled(o);
    replace(checked, h('span', { class: done ? 'dot still' : 'dot', 'aria-hidden': 'true' }), done ? `Final state · updated ${dateTime(o.updated_at)}` : `Live · checked ${new Date().toLocaleTimeString('en-IN')}`);
    // where a delivery is matters only while it can still be on its way
    trackButton.hidden = o.state === 'Cancelled' || o.state === 'Completed';
    const next = phaseOf(o);
    if (next === phase) return;
    phase = next;
    const onChange = (updated: Order) => {
      order = updated;
      draw(updated);
    };
    actionsTitle.textContent = next === 'delivered' ? 'Return items' : 'Cancel';
    if (next === 'cancellable') replace(actions, cancelForm(o, onChange));
    else if (next === 'delivered') replace(actions, returnForm(o, onChange));
    else if (next === 'on-the-way') replace(actions, h('p', {}, 'The order is on its way and can no longer be cancelled. Once it is delivered you can return items here.'));
    else replace(actions);
    actionsPanel.hidden = next === 'cancelled';
  };

  const openGrievances = new Map<string, Grievance>();
  const drawGrievances = () => replace(grievances, [...openGrievances.values()].map(grievanceCard));

  replace(
    main,
    h('h1', {}, `Order from ${order.provider.name}`),
    h('p', { class: 'meta' }, `${order.order_id} · placed ${dateTime(order.created_at)} · ${order.payment_method === 'cod' ? 'Cash on delivery' : 'Paid online'}`),
    h(
      'div',
      { class: 'order-layout' },
      h(
        'div',
        { class: 'groups' },
        h('section', { class: 'panel', 'aria-labelledby': 'status-h' }, h('h2', { id: 'status-h' }, 'Status'), now, progress, cancellation, checked, returns, h('div', { class: 'row' }, trackButton), trackSlot),
        actionsPanel,
        h(
          'section',
          { class: 'panel', 'aria-labelledby': 'complain-h' },
          h('h2', { id: 'complain-h' }, 'Something wrong?'),
          grievances,
          complaintForm(order, (g) => {
            rememberGrievance(order.order_id, g.grievance_id);
            openGrievances.set(g.grievance_id, g);
            drawGrievances();
            announce('Complaint sent to the seller.');
          }),
          h('h3', { class: 'subhead' }, 'Talk to the seller'),
          supportButton(order),
        ),
      ),
      h(
        'aside',
        { class: 'panel summary', 'aria-labelledby': 'items-h' },
        h('h2', { id: 'items-h' }, 'Items'),
        h('ul', { class: 'plain' }, order.items.map((i) => h('li', {}, `${i.quantity} × ${i.name}`))),
        h('p', {}, 'Total ', money(order.total, 'money grand')),
        h('p', { class: 'meta' }, `Deliver to ${order.deliver_to.name}, ${order.deliver_to.locality}, ${order.deliver_to.city} ${order.deliver_to.pincode}`),
      ),
    ),
  );
  draw(order);

  const loadGrievances = async () => {
    for (const gid of rememberedGrievances(order.order_id)) {
      const known = openGrievances.get(gid);
      if (known && complaintSettled(known)) continue;
      try {
        const g = await grievanceStatus(gid);
        if (known && known.status !== g.status) announce(`Complaint ${humanize(g.status)}.`);
        openGrievances.set(gid, g);
      } catch {
        // a complaint the API no longer knows for this buyer is simply not shown
      }
    }
    drawGrievances();
  };
  await loadGrievances();

  void follow(id, signal, {
    current: () => order,
    update: (next) => {
      order = next;
      draw(next);
    },
    complaintsOpen: () => [...openGrievances.values()].some((g) => !complaintSettled(g)),
    refreshComplaints: loadGrievances,
    failed: (err) => replace(checked, notice('error', `Could not check for updates: ${errorText(err)} Trying again shortly.`)),
  });
}

interface Follower {
  current(): Order;
  update(next: Order): void;
  complaintsOpen(): boolean;
  refreshComplaints(): Promise<void>;
  failed(err: unknown): void;
}

/** Runs in the background until the buyer leaves the page; the status line itself is the live region. */
async function follow(id: string, signal: AbortSignal, f: Follower): Promise<void> {
  while (!signal.aborted) {
    await wait(POLL_MS, signal);
    if (signal.aborted || document.hidden) continue;
    const complaints = f.complaintsOpen();
    if (settled(f.current()) && !complaints) continue;
    try {
      const next = await get<Order>(`/orders/${encodeURIComponent(id)}`);
      if (signal.aborted) return;
      f.update(next);
      if (complaints) await f.refreshComplaints();
    } catch (err) {
      f.failed(err);
    }
  }
}
