/** What a buyer can do about a placed order: cancel it, return items, complain, and read the seller's answers. */
import { change, get } from '../api.ts';
import { formValues, h, replace } from '../dom.ts';
import { humanize } from '../format.ts';
import type { Grievance, Order } from '../types.ts';
import { errorText, field, money, notice, options, submitting } from '../ui.ts';

const CANCEL_REASONS: Array<[string, string]> = [
  ['010', 'I want to change the order details'],
  ['999', 'The order could not be confirmed'],
];

const RETURN_REASONS: Array<[string, string]> = [
  ['001', 'I do not want it any more'],
  ['002', 'It is cheaper elsewhere'],
  ['003', 'It is damaged or defective'],
  ['004', 'Wrong quantity, size or colour'],
  ['005', 'Not what was shown or described'],
];

const COMPLAINTS: Array<[string, Array<[string, string]>]> = [
  ['About an item', [['ITM01', 'Items are missing'], ['ITM02', 'Wrong quantity'], ['ITM03', 'Not the item I ordered'], ['ITM04', 'Poor quality'], ['ITM05', 'Expired item']]],
  ['About the delivery', [['FLM01', 'Delivered to the wrong address'], ['FLM02', 'Delivery is late'], ['FLM03', 'Delivered late'], ['FLM04', 'Damaged packaging']]],
  ['About the order', [['ORD01', 'Order not received'], ['ORD02', 'Quality issue with the order']]],
  ['About a payment', [['PMT01', 'Refund not received'], ['PMT02', 'I was charged the wrong amount']]],
];

const complaintText = (code: string) => COMPLAINTS.flatMap(([, list]) => list).find(([c]) => c === code)?.[1] ?? code;

export function cancelForm(order: Order, done: (o: Order) => void): HTMLFormElement {
  const form = h(
    'form',
    { class: 'stack' },
    h('p', {}, 'The seller can cancel until the order is picked up for delivery.'),
    field('Why cancel?', h('select', { name: 'reason' }, options(CANCEL_REASONS))),
    h('button', { type: 'submit', class: 'button danger' }, 'Cancel this order'),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = await submitting(form, () => change<Order>(`cancel:${order.order_id}`, 'POST', `/orders/${order.order_id}/cancel`, formValues(form)));
    if (result) done(result);
  });
  return form;
}

export function returnForm(order: Order, done: (o: Order) => void): HTMLFormElement {
  const item = h('select', { name: 'product_id' }, options(order.items.map((i) => [i.product_id, i.name])));
  const quantity = h('select', { name: 'quantity' });
  const counts = () => {
    const chosen = order.items.find((i) => i.product_id === item.value);
    replace(quantity, options(Array.from({ length: chosen?.quantity ?? 1 }, (_, i) => [String(i + 1), String(i + 1)])));
  };
  item.addEventListener('change', counts);
  counts();
  const form = h(
    'form',
    { class: 'stack' },
    h('div', { class: 'grid-2' }, field('Item', item), field('How many', quantity)),
    field('Reason', h('select', { name: 'reason' }, options(RETURN_REASONS))),
    field('Anything the seller should know?', h('textarea', { name: 'description', rows: '2', maxlength: '250', minlength: '3' }), 'Optional'),
    h('button', { type: 'submit', class: 'button secondary' }, 'Request a return'),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const values = formValues(form);
    const body = { ...values, quantity: Number(values['quantity']) };
    const result = await submitting(form, () => change<Order>(`return:${order.order_id}`, 'POST', `/orders/${order.order_id}/returns`, body));
    if (result) {
      form.reset();
      counts();
      done(result);
    }
  });
  return form;
}

export function complaintForm(order: Order, raised: (g: Grievance) => void): HTMLFormElement {
  const kind = h(
    'select',
    { name: 'sub_category' },
    COMPLAINTS.map(([group, list]) => h('optgroup', { label: group }, options(list))),
  );
  const about = h('select', { name: 'product_id' }, options([['', 'The whole order'], ...order.items.map((i): [string, string] => [i.product_id, i.name])]));
  const form = h(
    'form',
    { class: 'stack' },
    h('div', { class: 'grid-2' }, field('What went wrong?', kind), field('About', about)),
    field('Tell the seller what happened', h('textarea', { name: 'description', rows: '3', required: true, minlength: '10', maxlength: '1000' }), 'At least 10 characters'),
    h('button', { type: 'submit', class: 'button secondary' }, 'Send complaint'),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const grievance = await submitting(form, () => change<Grievance>(`complain:${order.order_id}`, 'POST', `/orders/${order.order_id}/grievances`, formValues(form)));
    if (grievance) {
      form.reset();
      raised(grievance);
    }
  });
  return form;
}

/** The seller's last word on a complaint: nothing more will change by itself. */
export const complaintSettled = (g: Grievance): boolean => g.status === 'RESOLVED' || g.status === 'CLOSED';

export function grievanceCard(g: Grievance): HTMLElement {
  const resolved = complaintSettled(g);
  return h(
    'li',
    { class: 'panel grievance', 'data-grievance': g.grievance_id },
    h('p', {}, h('strong', {}, complaintText(g.sub_category)), ' ', h('span', { class: `state ${resolved ? 'state-completed' : 'state-accepted'}` }, humanize(g.status))),
    h('p', { class: 'meta' }, `Complaint ${g.grievance_id}`),
    g.resolution ? h('p', {}, g.resolution.text, g.resolution.refund.paise > 0 ? [' · Refund ', money(g.resolution.refund)] : null) : null,
    g.respondent ? h('p', { class: 'meta' }, `Handled by ${g.respondent.name}`, g.respondent.phone ? [' · ', h('a', { href: `tel:${g.respondent.phone}` }, g.respondent.phone)] : null) : null,
  );
}

/** Complaint ids per order, kept in this browser: the API looks a complaint up by id but does not list them. */
const STORE = 'ondc-shop.grievances';

export function rememberedGrievances(orderId: string): string[] {
  try {
    const all = JSON.parse(localStorage.getItem(STORE) ?? '{}') as Record<string, string[]>;
    return Array.isArray(all[orderId]) ? all[orderId] : [];
  } catch {
    return [];
  }
}

export function rememberGrievance(orderId: string, id: string): void {
  let all: Record<string, string[]> = {};
  try {
    all = JSON.parse(localStorage.getItem(STORE) ?? '{}') as Record<string, string[]>;
  } catch {
    // a damaged entry is replaced
  }
  all[orderId] = [...new Set([...(all[orderId] ?? []), id])];
  localStorage.setItem(STORE, JSON.stringify(all));
}

export const grievanceStatus = (id: string): Promise<Grievance> => get<Grievance>(`/grievances/${id}`);

export function supportButton(order: Order): HTMLElement {
  const slot = h('div', {});
  const button = h('button', { type: 'button', class: 'button secondary' }, 'Contact the seller');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const c = await get<{ phone: string; email: string }>(`/orders/${order.order_id}/support`);
      replace(slot, h('p', {}, 'Call ', h('a', { href: `tel:${c.phone}` }, c.phone), ' or write to ', h('a', { href: `mailto:${c.email}` }, c.email), '.'));
    } catch (err) {
      replace(slot, notice('error', errorText(err)));
    } finally {
      button.disabled = false;
    }
  });
  return h('div', { class: 'stack' }, button, slot);
}
