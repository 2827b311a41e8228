/** The REST API's shapes, as far as the storefront reads them (see openapi/openapi.json). */

export interface Money {
  currency: 'INR';
  /** Rupees as ONDC writes them, e.g. "342.82". */
  value: string;
  paise: number;
}

export interface Ref {
  id: string;
  name: string;
}

export interface Product {
  id: string;
  name: string;
  brand: string;
  description: string;
  category: string;
  category_path: string[];
  domain: string;
  provider: Ref;
  price: Money;
  mrp: Money;
  discount_percent: number;
  pack_size: string;
  veg: boolean | null;
  in_stock: boolean;
  max_per_order: number;
  returnable: boolean;
  return_window: string | null;
  cancellable: boolean;
  cod: boolean;
  time_to_ship: string;
  rating: number;
  images: string[];
}

export interface Facet {
  value: string;
  label: string;
  count: number;
}

export interface SearchResult {
  results: Product[];
  total: number;
  page: number;
  total_pages: number;
  next_cursor: string | null;
  facets: { categories: Facet[]; price_bands: Facet[]; providers: Facet[]; diet: Facet[] };
}

export interface ProductDetails {
  product: Product;
  long_description: string;
  tags: string[];
  seller: {
    id: string;
    name: string;
    description: string;
    city: string;
    rating: number;
    min_order_value: Money;
    delivery_charge: Money;
    packing_charge: Money;
    cod: boolean;
  };
}

export interface Cart {
  lines: Array<{
    product_id: string;
    name: string;
    provider: Ref;
    pack_size: string;
    quantity: number;
    unit_price: Money;
    line_total: Money;
    available: boolean;
  }>;
  sellers: Array<{ provider: Ref; item_count: number; subtotal: Money; min_order_value: Money; below_min_order: boolean; cod_available: boolean }>;
  item_count: number;
  subtotal: Money;
  warnings: string[];
}

export interface CartTotal {
  subtotal: Money;
  delivery_charges: Money;
  packing_charges: Money;
  estimated_total: Money;
  note: string;
}

export interface SessionInfo {
  session_id: string;
  cart_item_count: number;
  logged_in: boolean;
}

export interface SignIn {
  session_id: string;
  token: string;
  user: { id: string; phone: string; new_user: boolean };
}

export interface Address {
  address_id: string;
  label: string;
  name: string;
  phone: string;
  email: string;
  house: string;
  building: string;
  locality: string;
  city: string;
  state: string;
  pincode: string;
}

export interface SellerOrder {
  provider: Ref;
  state: string;
  items: Array<{ product_id: string; name: string; quantity: number }>;
  quote: { lines: Array<{ type: string; title: string; quantity?: number; price: Money }>; total: Money; expires_at: string };
  refusal: { code: string; message: string } | null;
  payment_method: 'prepaid' | 'cod' | null;
  payment: { gateway_order_id: string; amount: Money; checkout_url: string; paid: boolean } | null;
  order_id: string | null;
  order_state: string | null;
}

export interface Checkout {
  checkout_id: string;
  state: string;
  pincode: string;
  sellers: SellerOrder[];
  total: Money;
  next_step: string;
}

export interface Review {
  checkout: Checkout;
  total: Money;
  deliver_to: string;
  confirmation_token: string;
  expires_at: string;
}

export interface Order {
  order_id: string;
  checkout_id: string;
  provider: Ref;
  state: string;
  fulfillment_state: string | null;
  items: Array<{ product_id: string; name: string; quantity: number }>;
  total: Money;
  payment_method: 'prepaid' | 'cod';
  deliver_to: { name: string; locality: string; city: string; pincode: string };
  cancellation: { by: 'buyer' | 'seller'; reason_id: string; reason: string } | null;
  returns: Array<{ return_id: string; product_id: string; quantity: number; reason_id: string; state: string; refund: Money }>;
  created_at: string;
  updated_at: string;
}

export interface Tracking {
  active: boolean;
  tracking_url: string | null;
  location: { lat: number; lon: number; at: string | null } | null;
}

export interface Grievance {
  grievance_id: string;
  order_id: string;
  sub_category: string;
  status: string;
  resolution: { action: string; text: string; refund: Money } | null;
  respondent: { name: string; phone: string | null; email: string | null } | null;
  created_at: string;
}
