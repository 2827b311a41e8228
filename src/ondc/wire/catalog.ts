/**
 * The on_search catalog as ONDC retail (1.2.0 and 1.2.5) puts it on the wire: `message.catalog`.
 * Shared by the sandbox seller apps, which write it, and the buyer app, which reads it from any seller app.
 * Values the wire carries as strings are strings here (prices, counts, gps, ratings); booleans stay booleans.
 * The types say what a well-formed catalog holds; a reader must still check every field at run time.
 */

/** One `code`/`value` pair of a tag group. */
export interface WireTagEntry {
  code: string;
  value: string;
}

/** A tag group: `{code: "serviceability", list: [...]}`. */
export interface WireTag {
  code: string;
  list: WireTagEntry[];
}

export interface WireDescriptor {
  name: string;
  /** Item descriptors only: `<type>:<code>`, type 1 EAN, 2 ISBN, 3 GTIN, 4 HSN, 5 others. */
  code?: string;
  symbol?: string;
  short_desc?: string;
  long_desc?: string;
  images?: string[];
  tags?: WireTag[];
}

/** `label` and `timestamp` say when the entity was enabled or disabled; the rest are opening hours. */
export interface WireTime {
  label: 'enable' | 'disable' | string;
  timestamp: string;
  /** Comma-separated ISO weekdays, 1 = Monday: `"1,2,3,4,5,6,7"`. */
  days?: string;
  schedule?: { holidays: string[]; frequency?: string; times?: string[] };
  /** Fixed hours as HHMM: `{start: "0800", end: "2200"}`. */
  range?: { start: string; end: string };
}

export interface WireAddress {
  locality: string;
  street: string;
  city: string;
  /** The pincode. */
  area_code: string;
  state: string;
}

export interface WireLocation {
  id: string;
  /** `"lat,lon"`, at least six decimals each. */
  gps: string;
  address: WireAddress;
  time: WireTime;
  /** Delivery radius around the store; ONDC asks for it with hyperlocal (type 10) serviceability. */
  circle?: { gps: string; radius: { unit: string; value: string } };
}

export interface WireContact {
  phone: string;
  email: string;
}

export interface WireFulfillment {
  id: string;
  /** `Delivery`, `Self-Pickup`, `Delivery and Self-Pickup` (1.2.5 adds `Buyer-Delivery`). */
  type: string;
  contact?: WireContact;
}

export interface WireCategory {
  id: string;
  descriptor: { name: string };
  /** `type` (`custom_menu`, `custom_group`, `variant_group`), `attr`, `timing`, `display`. */
  tags: WireTag[];
}

export interface WirePrice {
  currency: 'INR' | string;
  /** Selling price, rupees with two decimals: `"120.00"`. */
  value: string;
  /** MRP, rupees with two decimals. */
  maximum_value?: string;
}

export interface WireItemQuantity {
  unitized: { measure: { unit: string; value: string } };
  /** ONDC allows only `"99"` (in stock) and `"0"` (out of stock) here. */
  available: { count: string };
  /** Most units per order; `"99"` means no cap. */
  maximum: { count: string };
}

export interface WireStatutoryPackagedCommodities {
  manufacturer_or_packer_name: string;
  manufacturer_or_packer_address: string;
  common_or_generic_name_of_commodity: string;
  month_year_of_manufacture_packing_import: string;
}

export interface WireStatutoryPrepackagedFood {
  nutritional_info: string;
  additives_info: string;
  brand_owner_FSSAI_license_no: string;
  other_FSSAI_license_no?: string;
  importer_FSSAI_license_no?: string;
  ingredients_info?: string;
}

export interface WireItem {
  id: string;
  time?: WireTime;
  /** Variant group (a `variant_group` category id) this item is one variant of. */
  parent_item_id?: string;
  descriptor: WireDescriptor;
  quantity: WireItemQuantity;
  price: WirePrice;
  /** Category from the ONDC retail taxonomy of the domain, e.g. `Atta, Flours and Sooji`. */
  category_id: string;
  /** Custom menus the item is listed under, each `<category id>:<rank>`. */
  category_ids?: string[];
  fulfillment_id: string;
  location_id: string;
  /** A string in 1.2.5 (`"4.2"`); 1.2.0 allows it too. */
  rating?: string;
  '@ondc/org/returnable': boolean;
  '@ondc/org/cancellable': boolean;
  /** ISO 8601 duration. */
  '@ondc/org/return_window': string;
  '@ondc/org/seller_pickup_return': boolean;
  /** ISO 8601 duration. */
  '@ondc/org/time_to_ship': string;
  '@ondc/org/available_on_cod': boolean;
  /** `"name,email,phone"`. */
  '@ondc/org/contact_details_consumer_care': string;
  '@ondc/org/statutory_reqs_packaged_commodities'?: WireStatutoryPackagedCommodities;
  '@ondc/org/statutory_reqs_prepackaged_food'?: WireStatutoryPrepackagedFood;
  tags: WireTag[];
}

export interface WireProvider {
  id: string;
  /** How long the buyer app may cache this provider, ISO 8601: `"P1D"`. */
  ttl: string;
  time: WireTime;
  descriptor: WireDescriptor;
  rating?: string;
  /** Required of F&B (RET11) providers: the kitchen's 14-digit FSSAI licence. */
  '@ondc/org/fssai_license_no'?: string;
  fulfillments: WireFulfillment[];
  locations: WireLocation[];
  categories?: WireCategory[];
  items: WireItem[];
  offers?: unknown[];
  /** `timing`, `serviceability`, `order_value` and extensions. */
  tags: WireTag[];
}

export interface OnSearchCatalog {
  'bpp/descriptor': WireDescriptor;
  'bpp/fulfillments': WireFulfillment[];
  'bpp/providers': WireProvider[];
}

/**
 * Serviceability types ONDC defines for the provider `serviceability` tag: 10 hyperlocal (val km around the
 * location), 11 intercity (val a list of pincodes and pincode ranges), 12 PAN-India (val `IND`), 13 polygon
 * (val GeoJSON).
 */
export const SERVICEABILITY = { hyperlocal: '10', pincodes: '11', panIndia: '12', polygon: '13' } as const;

/**
 * Our own tag group, on providers and items, for model fields ONDC's catalog has no place for (delivery and
 * packing charges, whether the store takes cash on delivery, the true stock count behind ONDC's "99", search
 * keywords). The `x_` prefix marks it as an extension; other buyer apps ignore tag codes they do not know.
 */
export const EXTENSION_TAG = 'x_ondc_shop';

/** Codes inside {@link EXTENSION_TAG}. */
export const EXT = {
  deliveryCharge: 'delivery_charge',
  packingCharge: 'packing_charge',
  cod: 'cod',
  stock: 'stock',
  keyword: 'keyword',
} as const;

/** Separator of the category breadcrumb our sellers publish as a custom menu name: `Grocery > Foodgrains`. */
export const BREADCRUMB_SEPARATOR = ' > ';
