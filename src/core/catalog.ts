/**
 * The catalog as the shop sees it: what a seller app publishes in on_search, normalized.
 * Money is integer paise; the ONDC wire carries decimal rupee strings (see ondc/ once it lands).
 */

/** ONDC retail domains the sandbox sellers cover. */
export type RetailDomain = 'ONDC:RET10' | 'ONDC:RET11' | 'ONDC:RET12' | 'ONDC:RET13' | 'ONDC:RET14' | 'ONDC:RET16';

export interface GeoPoint {
  lat: number;
  lon: number;
}

export interface ProviderLocation {
  /** ONDC location id, unique within the provider. */
  id: string;
  gps: GeoPoint;
  address: { street: string; locality: string; city: string; state: string; areaCode: string };
}

export interface Provider {
  /** ONDC provider id; [a-z0-9-], unique across the sandbox network. */
  id: string;
  /** The seller app (BPP) that publishes this provider: its subscriber id, e.g. `kirana.sandbox.ondc.local`. */
  bppId: string;
  domain: RetailDomain;
  name: string;
  shortDesc: string;
  longDesc: string;
  /** City as ONDC `std:` code, e.g. `std:080` for Bengaluru. */
  city: string;
  locations: ProviderLocation[];
  /** Pincodes this provider delivers to. */
  serviceablePincodes: string[];
  /** Smallest order value the provider accepts, in paise (0 = none). */
  minOrderValuePaise: number;
  /** Delivery charge in paise for one order from this provider. */
  deliveryChargePaise: number;
  /** Packing charge in paise for one order. */
  packingChargePaise: number;
  /** Whether cash on delivery is accepted. */
  cod: boolean;
  /** Provider rating 0..5 with one decimal. */
  rating: number;
  symbol: string;
}

export interface ProductQuantity {
  /** Unit of the pack, ONDC style: `kilogram`, `gram`, `litre`, `millilitre`, `unit`. */
  unit: 'kilogram' | 'gram' | 'litre' | 'millilitre' | 'unit';
  /** Amount of that unit in one pack, as ONDC's decimal string: `"1"`, `"500"`, `"0.5"`. */
  value: string;
}

export interface Product {
  /** Catalog id used by every operation: `<providerId>:<itemId>`. Stable across runs. */
  id: string;
  /** ONDC item id, unique within its provider. */
  itemId: string;
  providerId: string;
  bppId: string;
  domain: RetailDomain;
  /** ONDC location id of the store that ships this item. */
  locationId: string;
  name: string;
  shortDesc: string;
  longDesc: string;
  brand: string;
  /** ONDC retail category id as in the taxonomy for the domain, e.g. `Foodgrains`, `Ghee`, `Pizza`. */
  categoryId: string;
  /** Human category path, broad to narrow: `['Grocery', 'Atta, Flours & Sooji']`. */
  categoryPath: string[];
  /** Selling price in paise. */
  pricePaise: number;
  /** Maximum retail price in paise (>= pricePaise). */
  mrpPaise: number;
  quantity: ProductQuantity;
  /** Units in stock at the seller (0 = out of stock). */
  stock: number;
  /** Most units of this item one order may hold. */
  maxPerOrder: number;
  /** true veg, false non-veg, null where it does not apply (electronics, apparel). */
  veg: boolean | null;
  returnable: boolean;
  /** ISO 8601 duration, e.g. `P7D`; null when not returnable. */
  returnWindow: string | null;
  cancellable: boolean;
  cod: boolean;
  /** ISO 8601 duration to ship, e.g. `PT45M`, `P1D`. */
  timeToShip: string;
  images: string[];
  /** Product rating 0..5 with one decimal. */
  rating: number;
  /** Free-form tags for search (e.g. `organic`, `sugar-free`). */
  tags: string[];
  /** When the seller last changed the item (ONDC item `time.timestamp`), RFC 3339. */
  updatedAt: string;
}

export interface Catalog {
  providers: Provider[];
  products: Product[];
}

export function productId(providerId: string, itemId: string): string {
  return `${providerId}:${itemId}`;
}
