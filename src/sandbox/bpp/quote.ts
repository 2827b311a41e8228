/**
 * A sandbox seller's quote for a select: priced from its own catalog, with stock, serviceability and minimum
 * order checked the way ONDC seller apps report them (error codes 40002, 30009, 30023, 30004).
 */
import type { Product, Provider } from '../../core/catalog.js';
import { rupeesString } from '../../core/money.js';
import type { OndcError } from '../../ondc/ack.js';
import { durationMs, isoDuration } from '../../ondc/duration.js';

/** Delivery and packing are services: GST at 18% is charged on them, shown as one tax line. */
const SERVICE_GST_PERCENT = 18;
/** Time for the delivery agent on top of the seller's time to ship. */
const DELIVERY_MINUTES = 30;

export interface OrderLine {
  itemId: string;
  count: number;
}

export interface BreakupLine {
  '@ondc/org/item_id': string;
  '@ondc/org/title_type': 'item' | 'delivery' | 'packing' | 'tax' | 'discount' | 'misc';
  '@ondc/org/item_quantity'?: { count: number };
  title: string;
  price: { currency: 'INR'; value: string };
  item?: { quantity?: { available: { count: string }; maximum: { count: string } }; price: { currency: 'INR'; value: string } };
}

export interface Quote {
  fulfillmentId: string;
  serviceable: boolean;
  /** Turnaround from order to delivery, as `@ondc/org/TAT`. */
  tat: string;
  breakup: BreakupLine[];
  totalPaise: number;
  error?: OndcError;
}

const inr = (paise: number) => ({ currency: 'INR' as const, value: rupeesString(paise) });

function itemLine(product: Product, count: number): BreakupLine {
  const available = Math.min(count, Math.max(product.stock, 0));
  return {
    '@ondc/org/item_id': product.itemId,
    '@ondc/org/title_type': 'item',
    '@ondc/org/item_quantity': { count: available },
    title: product.name,
    price: inr(product.pricePaise * available),
    item: {
      quantity: { available: { count: product.stock > 0 ? '99' : '0' }, maximum: { count: String(Math.min(product.maxPerOrder, product.stock)) } },
      price: inr(product.pricePaise),
    },
  };
}

function chargeLine(kind: 'delivery' | 'packing' | 'tax', fulfillmentId: string, title: string, paise: number): BreakupLine {
  return { '@ondc/org/item_id': fulfillmentId, '@ondc/org/title_type': kind, title, price: inr(paise) };
}

export function quoteOrder(args: {
  provider: Provider;
  products: Map<string, Product>;
  lines: OrderLine[];
  areaCode: string | undefined;
  fulfillmentId: string;
}): Quote {
  const { provider, fulfillmentId } = args;
  const unknown = args.lines.filter((l) => !args.products.has(l.itemId)).map((l) => l.itemId);
  const known = args.lines.filter((l) => args.products.has(l.itemId)).map((l) => ({ product: args.products.get(l.itemId)!, count: l.count }));
  const short = known.filter(({ product, count }) => count > Math.min(product.stock, product.maxPerOrder));
  const serviceable = args.areaCode !== undefined && provider.serviceablePincodes.includes(args.areaCode);

  const items = known.map(({ product, count }) => itemLine(product, Math.min(count, product.maxPerOrder)));
  const itemsPaise = items.reduce((n, l) => n + Math.round(Number(l.price.value) * 100), 0);
  const delivery = serviceable ? provider.deliveryChargePaise : 0;
  const packing = provider.packingChargePaise;
  const tax = Math.round(((delivery + packing) * SERVICE_GST_PERCENT) / 100);
  const breakup = [
    ...items,
    chargeLine('delivery', fulfillmentId, 'Delivery charges', delivery),
    chargeLine('packing', fulfillmentId, 'Packing charges', packing),
    chargeLine('tax', fulfillmentId, `GST ${SERVICE_GST_PERCENT}% on delivery and packing`, tax),
  ];
  const shipMinutes = Math.max(0, ...known.map(({ product }) => (durationMs(product.timeToShip) ?? 0) / 60_000));

  const quote: Quote = {
    fulfillmentId,
    serviceable,
    tat: isoDuration(Math.ceil(shipMinutes) + DELIVERY_MINUTES),
    breakup,
    totalPaise: itemsPaise + delivery + packing + tax,
  };
  if (unknown.length > 0) {
    quote.error = { type: 'DOMAIN-ERROR', code: '30004', message: `Items not found: ${unknown.join(', ')}` };
  } else if (short.length > 0) {
    quote.error = {
      type: 'DOMAIN-ERROR',
      code: '40002',
      message: `Not enough stock for: ${short.map(({ product }) => `${product.itemId} (${Math.max(0, Math.min(product.stock, product.maxPerOrder))} available)`).join(', ')}`,
    };
  } else if (!serviceable) {
    quote.error = { type: 'DOMAIN-ERROR', code: '30009', message: `${provider.name} does not deliver to pincode ${args.areaCode ?? '(none given)'}` };
  } else if (itemsPaise < provider.minOrderValuePaise) {
    quote.error = {
      type: 'DOMAIN-ERROR',
      code: '30023',
      message: `Minimum order value is ${rupeesString(provider.minOrderValuePaise)} INR; the items come to ${rupeesString(itemsPaise)} INR`,
    };
  }
  return quote;
}
