/** One product: pictures, price, terms, its seller's charges, and a quantity to add to the cart. */
import { change, get } from '../api.ts';
import { announce, h, replace } from '../dom.ts';
import { duration } from '../format.ts';
import type { ViewContext } from '../router.ts';
import { showCartCount } from '../shell.ts';
import type { Cart, ProductDetails } from '../types.ts';
import { field, money, notice, options, productImage, rating, submitting, vegMark } from '../ui.ts';
import { priceRow } from './product-card.ts';

function addForm(d: ProductDetails): HTMLElement {
  const p = d.product;
  if (!p.in_stock || p.max_per_order < 1) return notice('info', 'Out of stock at this seller right now.');
  const counts = Array.from({ length: Math.min(p.max_per_order, 20) }, (_, i) => String(i + 1));
  const quantity = h('select', { name: 'quantity' }, options(counts.map((n) => [n, n])));
  const form = h('form', { class: 'add-form' }, field('Quantity', quantity), h('button', { type: 'submit', class: 'button' }, 'Add to cart'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const count = Number(quantity.value);
    const cart = await submitting(form, () => change<Cart>(`add:${p.id}`, 'POST', '/cart/items', { product_id: p.id, quantity: count }));
    if (!cart) return;
    showCartCount(cart.item_count);
    const slot = form.querySelector('.form-message')!;
    replace(slot, h('p', { class: 'notice success', role: 'status' }, `Added ${count} × ${p.name}. `, h('a', { href: '/cart' }, 'Go to cart')));
    announce(`Added ${count} to the cart.`);
  });
  return form;
}

function facts(d: ProductDetails): HTMLElement {
  const p = d.product;
  const rows: Array<[string, string | Node]> = [
    ['Pack size', p.pack_size],
    ['Ships in', duration(p.time_to_ship)],
    ['Returns', p.returnable ? `Returnable within ${duration(p.return_window) || 'the seller’s window'}` : 'Not returnable'],
    ['Cancellation', p.cancellable ? 'Cancellable until picked up' : 'Not cancellable'],
    ['Cash on delivery', p.cod ? 'Available' : 'Not available'],
  ];
  return h('dl', { class: 'facts' }, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

function seller(d: ProductDetails): HTMLElement {
  const s = d.seller;
  return h(
    'section',
    { class: 'panel seller-card', 'aria-labelledby': 'seller-h' },
    h('h2', { id: 'seller-h' }, 'Sold by ', s.name),
    h('p', {}, s.description, ' ', rating(s.rating)),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Minimum order'),
      h('dd', {}, money(s.min_order_value)),
      h('dt', {}, 'Delivery'),
      h('dd', {}, money(s.delivery_charge)),
      h('dt', {}, 'Packing'),
      h('dd', {}, money(s.packing_charge)),
    ),
    h('p', { class: 'hint' }, 'Each seller delivers its own order; the binding total, with taxes, comes from the seller’s quote at checkout.'),
  );
}

export async function productView({ main, params }: ViewContext): Promise<void> {
  const id = params[0] ?? '';
  const d = await get<ProductDetails>(`/products/${encodeURIComponent(id)}`);
  const p = d.product;
  const categoryHref = `/?${new URLSearchParams({ category: p.category }).toString()}`;
  replace(
    main,
    h(
      'nav',
      { class: 'breadcrumbs', 'aria-label': 'Breadcrumb' },
      h('ol', {}, h('li', {}, h('a', { href: '/' }, 'Shop')), p.category_path.map((part) => h('li', {}, part === p.category ? h('a', { href: categoryHref }, part) : part))),
    ),
    h(
      'article',
      { class: 'product' },
      h('div', { class: 'product-media' }, productImage(p, p.name)),
      h(
        'div',
        { class: 'product-info' },
        h('p', { class: 'maker' }, p.brand),
        h('h1', {}, p.name),
        h('p', { class: 'meta' }, vegMark(p.veg), ' ', p.pack_size, ' · ', rating(p.rating)),
        priceRow(p),
        h('p', { class: p.in_stock ? 'stock in' : 'stock out' }, p.in_stock ? `In stock · up to ${p.max_per_order} per order` : 'Out of stock'),
        addForm(d),
        facts(d),
      ),
    ),
    h('section', { class: 'panel', 'aria-labelledby': 'about-h' }, h('h2', { id: 'about-h' }, 'About this product'), h('p', {}, d.long_description), d.tags.length ? h('ul', { class: 'tags', 'aria-label': 'Tags' }, d.tags.map((t) => h('li', {}, t))) : null),
    seller(d),
  );
}
