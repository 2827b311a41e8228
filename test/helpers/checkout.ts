/** The checkout journey, written once over the Call interface so it runs over REST and MCP alike. */
import { request } from 'undici';
import type { CatalogIndex } from '../../src/core/ports.js';
import type { Call } from './journey.js';

export const DELIVERY = {
  name: 'Asha Rao',
  phone: '9876543210',
  email: 'asha.rao@example.in',
  house: 'Flat 302',
  building: 'Lakeview Residency',
  locality: '5th Block, Koramangala',
  city: 'Bengaluru',
  state: 'Karnataka',
};

/** A pincode both sellers deliver to, and products from each that clear their minimum order. */
export async function twoSellerBasket(catalog: CatalogIndex) {
  const grocer = (await catalog.getProvider('sri-lakshmi-kirana'))!;
  const beauty = (await catalog.getProvider('glow-and-co'))!;
  const pincode = grocer.serviceablePincodes.find((p) => beauty.serviceablePincodes.includes(p));
  if (!pincode) throw new Error('no pincode served by both sandbox sellers');
  const pick = async (providerId: string, minPaise: number) => {
    const all = (await catalog.search({ providerId, limit: 10_000, page: 1 })).hits.map((h) => h.product);
    const product = all.filter((p) => p.stock >= 10 && p.maxPerOrder >= 3).sort((a, b) => b.pricePaise - a.pricePaise)[0]!;
    return { product, quantity: Math.max(1, Math.ceil(minPaise / product.pricePaise)) };
  };
  return { pincode, grocer, beauty, items: [await pick(grocer.id, grocer.minOrderValuePaise), await pick(beauty.id, beauty.minOrderValuePaise)] };
}

/** Stands in for the user paying in the gateway's checkout page. */
export async function payAtCheckout(checkoutUrl: string): Promise<{ payment_id: string; signature: string }> {
  const res = await request(`${checkoutUrl}/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ outcome: 'success', method: 'upi' }),
  });
  const body = (await res.body.json()) as { razorpay_payment_id: string; razorpay_signature: string };
  if (res.statusCode !== 200) throw new Error(`checkout answered ${res.statusCode}: ${JSON.stringify(body)}`);
  return { payment_id: body.razorpay_payment_id, signature: body.razorpay_signature };
}

/** Two sellers quoted, initialized, the grocer on cash on delivery and the beauty store paid: ready to confirm. */
export async function readyCheckout(call: Call, catalog: CatalogIndex) {
  const basket = await twoSellerBasket(catalog);
  const { session_id } = await call('initialize_shopping', {});
  for (const { product, quantity } of basket.items) await call('add_to_cart', { session_id, product_id: product.id, quantity });
  const quoted = await call('select_items_for_order', { session_id, pincode: basket.pincode });
  const checkout_id = quoted['checkout_id'] as string;
  const initialized = await call('initialize_order', { session_id, checkout_id, pincode: basket.pincode, ...DELIVERY });
  const cod = await call('create_payment', { session_id, checkout_id, provider_id: basket.grocer.id, method: 'cod' });
  const pending = await call('create_payment', { session_id, checkout_id, provider_id: basket.beauty.id, method: 'prepaid' });
  const beautyOrder = (pending['sellers'] as any[]).find((s) => s.provider.id === basket.beauty.id);
  const paid = await payAtCheckout(beautyOrder.payment.checkout_url);
  const verified = await call('verify_payment', { session_id, checkout_id, provider_id: basket.beauty.id, ...paid });
  return { basket, session_id, checkout_id, quoted, initialized, cod, pending, verified, paid };
}

export async function runCheckoutJourney(call: Call, catalog: CatalogIndex) {
  const ready = await readyCheckout(call, catalog);
  const { session_id, checkout_id } = ready;
  const reviewed = await call('review_order', { session_id, checkout_id });
  const confirmed = await call('confirm_order', { session_id, checkout_id, confirmation_token: reviewed['confirmation_token'] });
  const statuses = [];
  for (const seller of confirmed['sellers'] as any[]) {
    statuses.push(await call('get_order_status', { session_id, order_id: seller.order_id }));
  }
  const listed = await call('list_orders', { session_id });
  return { ...ready, confirmed, statuses, listed };
}
