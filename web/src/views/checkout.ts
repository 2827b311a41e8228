/**
 * Checkout, first part: sign in, choose or add the delivery address, then ask every seller for a binding quote
 * (select) and give them the address (init). The rest happens on /checkout/{id} (checkout-progress.ts).
 */
import { change, get } from '../api.ts';
import { announce, h, replace } from '../dom.ts';
import { navigate, refresh, type ViewContext } from '../router.ts';
import { signedIn } from '../session.ts';
import type { Address, Cart, Checkout } from '../types.ts';
import { money, notice, submitting } from '../ui.ts';
import { addressChoice, addressForm } from './address.ts';
import { signInBox } from './signin.ts';

const STEPS = ['Sign in', 'Address', 'Payment', 'Review'];

export function steps(current: number): HTMLElement {
  return h(
    'ol',
    { class: 'steps', 'aria-label': 'Checkout steps' },
    STEPS.map((s, i) => h('li', { class: i < current ? 'done' : i === current ? 'current' : '', 'aria-current': i === current ? 'step' : null }, s)),
  );
}

function basket(cart: Cart): HTMLElement {
  return h(
    'aside',
    { class: 'panel summary', 'aria-labelledby': 'basket-h' },
    h('h2', { id: 'basket-h' }, 'In your cart'),
    h('ul', { class: 'plain' }, cart.sellers.map((s) => h('li', {}, `${s.provider.name}: ${s.item_count} ${s.item_count === 1 ? 'item' : 'items'}, `, money(s.subtotal)))),
    h('p', {}, 'Items ', money(cart.subtotal, 'money grand')),
    h('p', { class: 'hint' }, 'Each seller quotes delivery, packing and taxes for your pincode in the next step.'),
  );
}

/** After the page is drawn again in place: focus where the shopper goes on, and say what happened. */
function afterRefresh(selector: string, message: string): void {
  document.querySelector<HTMLElement>(selector)?.focus();
  announce(message);
}

/** select, then init with the chosen address; the checkout page takes it from there. */
async function quote(addresses: Address[], addressId: string): Promise<string> {
  const address = addresses.find((a) => a.address_id === addressId)!;
  const quoted = await change<Checkout>(`select:${addressId}`, 'POST', '/checkouts', { pincode: address.pincode });
  if (quoted.state !== 'failed') {
    await change<Checkout>(`init:${quoted.checkout_id}`, 'POST', `/checkouts/${quoted.checkout_id}/init`, { address_id: addressId });
  }
  return quoted.checkout_id;
}

function addressStep(addresses: Address[]): HTMLElement {
  const form = h('form', { class: 'stack' });
  if (addresses.length > 0) {
    form.append(addressChoice(addresses), h('button', { type: 'submit', class: 'button' }, 'Get quotes from the sellers'));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const chosen = new FormData(form).get('address_id');
      if (typeof chosen !== 'string') return;
      const id = await submitting(form, () => quote(addresses, chosen));
      if (id) await navigate(`/checkout/${id}`);
    });
  }
  const adding = h('details', { class: 'add-address', open: addresses.length === 0 }, h('summary', {}, 'Add a new address'), addressForm(() => void refresh().then(() => afterRefresh('.address-choice input:checked', 'Address saved.'))));
  return h('section', { class: 'panel', 'aria-labelledby': 'address-h' }, h('h2', { id: 'address-h' }, 'Where should we deliver?'), addresses.length ? form : null, adding);
}

export async function checkoutView({ main }: ViewContext): Promise<void> {
  const cart = await get<Cart>('/cart');
  if (cart.lines.length === 0) {
    replace(main, h('h1', {}, 'Checkout'), notice('info', 'Your cart is empty.'), h('p', {}, h('a', { class: 'button', href: '/' }, 'Start shopping')));
    return;
  }
  if (!signedIn()) {
    replace(
      main,
      h('h1', {}, 'Checkout'),
      steps(0),
      h('div', { class: 'checkout-layout' }, h('section', { class: 'panel', 'aria-labelledby': 'signin-h' }, h('h2', { id: 'signin-h' }, 'Sign in with your mobile number'), signInBox(() => void refresh().then(() => afterRefresh('.address-choice input:checked, .address-form input', 'Signed in. Choose where to deliver.')))), basket(cart)),
    );
    return;
  }
  const { addresses } = await get<{ addresses: Address[] }>('/addresses');
  replace(main, h('h1', {}, 'Checkout'), steps(1), h('div', { class: 'checkout-layout' }, addressStep(addresses), basket(cart)));
}
