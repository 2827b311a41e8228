/** TypeBox schemas shared by operations: inputs people send and the views they get back. */
import { Type, type Static } from '@sinclair/typebox';
import { Money } from './money.js';

export const SESSION_ID_PATTERN = '^shop_[A-Za-z0-9_-]{22,64}$';

export const SessionId = Type.String({
  pattern: SESSION_ID_PATTERN,
  description: 'The shopping session id from initialize_shopping (shop_ followed by 24 random characters)',
  examples: ['shop_3q2-7Yw0bX9vV1kP4mZr8sTa'],
});

export const ProductIdParam = Type.String({
  minLength: 3,
  maxLength: 200,
  pattern: '^[a-z0-9-]+:[a-z0-9-]+$',
  description: 'A product id from search_products, of the form <provider_id>:<item_id>',
  examples: ['kirana-koramangala:atta-aashirvaad-5kg'],
});

export const Quantity = Type.Integer({ minimum: 1, maximum: 100, description: 'Number of packs' });

export const ProviderRef = Type.Object({
  id: Type.String(),
  name: Type.String(),
});

export const ProductView = Type.Object(
  {
    id: Type.String({ description: 'Use this id with get_product_details and add_to_cart' }),
    name: Type.String(),
    brand: Type.String(),
    description: Type.String(),
    category: Type.String({ description: 'ONDC category id' }),
    category_path: Type.Array(Type.String()),
    domain: Type.String({ description: 'ONDC domain, e.g. ONDC:RET10 for grocery' }),
    provider: ProviderRef,
    price: Money,
    mrp: Money,
    discount_percent: Type.Integer({ minimum: 0, maximum: 100 }),
    pack_size: Type.String({ description: 'e.g. "1 kg", "500 g", "1 unit"' }),
    veg: Type.Union([Type.Boolean(), Type.Null()], { description: 'true veg, false non-veg, null not food' }),
    in_stock: Type.Boolean(),
    max_per_order: Type.Integer(),
    returnable: Type.Boolean(),
    return_window: Type.Union([Type.String(), Type.Null()], { description: 'ISO 8601 duration such as P7D' }),
    cancellable: Type.Boolean(),
    cod: Type.Boolean({ description: 'Cash on delivery available' }),
    time_to_ship: Type.String({ description: 'ISO 8601 duration such as PT45M' }),
    rating: Type.Number(),
    images: Type.Array(Type.String()),
  },
);
export type ProductView = Static<typeof ProductView>;

export const CartLineView = Type.Object({
  product_id: Type.String(),
  name: Type.String(),
  provider: ProviderRef,
  pack_size: Type.String(),
  quantity: Type.Integer(),
  unit_price: Money,
  line_total: Money,
  available: Type.Boolean({ description: 'false when the product is no longer listed or is out of stock' }),
});

export const SellerGroup = Type.Object({
  provider: ProviderRef,
  item_count: Type.Integer(),
  subtotal: Money,
  min_order_value: Money,
  below_min_order: Type.Boolean({ description: 'The seller will refuse this order until the subtotal reaches the minimum' }),
  cod_available: Type.Boolean(),
});

export const CartView = Type.Object(
  {
    session_id: Type.String(),
    lines: Type.Array(CartLineView),
    sellers: Type.Array(SellerGroup, {
      description: 'Each seller becomes its own ONDC order at checkout',
    }),
    item_count: Type.Integer({ description: 'Total packs across all lines' }),
    subtotal: Money,
    updated_at: Type.String({ format: 'date-time' }),
    warnings: Type.Array(Type.String()),
  },
);
export type CartView = Static<typeof CartView>;

export const SessionView = Type.Object(
  {
    session_id: Type.String(),
    created_at: Type.String({ format: 'date-time' }),
    last_active_at: Type.String({ format: 'date-time' }),
    expires_at: Type.String({ format: 'date-time' }),
    cart_item_count: Type.Integer(),
    logged_in: Type.Boolean(),
  },
);
export type SessionView = Static<typeof SessionView>;
