/**
 * What a sandbox seller app answers a search with: our providers and products as ONDC retail's on_search
 * `message.catalog`, shaped like the validator-clean samples in shared/ondc/samples (flow 8 and the 1.2.5
 * workbench catalog). `parseOnSearch` in ondc/ingest.ts reads it back into the same model, field for field.
 *
 * Where the model says more than ONDC's catalog can, the rest travels in the `x_ondc_shop` extension tag
 * (see ondc/wire/catalog.ts). Where ONDC asks for more than the model knows (contacts, store hours, item
 * codes, statutory declarations), the values are derived deterministically from ids, so the same catalog
 * always gives the same bytes.
 */
import type { Product, Provider, ProviderLocation } from '../../core/catalog.js';
import { rupeesString } from '../../core/money.js';
import {
  BREADCRUMB_SEPARATOR,
  EXT,
  EXTENSION_TAG,
  SERVICEABILITY,
  type OnSearchCatalog,
  type WireCategory,
  type WireContact,
  type WireDescriptor,
  type WireItem,
  type WireLocation,
  type WireProvider,
  type WireStatutoryPackagedCommodities,
  type WireStatutoryPrepackagedFood,
  type WireTag,
  type WireTagEntry,
  type WireTime,
} from '../../ondc/wire/catalog.js';
import { CATALOG_EPOCH, SANDBOX_SELLERS } from '../catalog/index.js';
import { hash32 } from '../catalog/rng.js';

export interface OnSearchCatalogArgs {
  bppId: string;
  bppUri?: string;
  providers: Provider[];
  products: Product[];
  /**
   * Both versions get the same catalog for the fields we publish: 1.2.5 made provider and item `rating`
   * mandatory, and 1.2.0's Item and Provider schemas already allow it.
   */
  coreVersion: '1.2.0' | '1.2.5';
  /**
   * When the catalog last changed, for provider `time.timestamp` (items carry their own `updatedAt`). ONDC
   * rejects a timestamp later than the on_search context's, so the default is the generated catalog's instant.
   */
  updatedAt?: string;
}

/** The one fulfillment every sandbox item ships by; the model has no pickup flag to offer Self-Pickup on. */
const DELIVERY_ID = 'F1';
/** Store hours: the model has none, and ONDC wants them on every location, menu and timing tag. */
const OPENS = '0700';
const CLOSES = '2300';
const EVERY_DAY = '1,2,3,4,5,6,7';
/** ONDC wants `return_window` on every item; a zero window is how we say "no returns". */
export const NO_RETURN_WINDOW = 'P0D';
/** Domains whose goods fall under the Legal Metrology (Packaged Commodities) rules; restaurants do not. */
const PACKAGED_DOMAINS = new Set<string>(['ONDC:RET10', 'ONDC:RET12', 'ONDC:RET13', 'ONDC:RET14', 'ONDC:RET16']);

export function onSearchCatalog(args: OnSearchCatalogArgs): OnSearchCatalog {
  const stamp = args.updatedAt ?? CATALOG_EPOCH;
  const byProvider = productsByProvider(args.providers, args.products);
  return {
    'bpp/descriptor': bppDescriptor(args.bppId, args.bppUri),
    'bpp/fulfillments': [{ id: DELIVERY_ID, type: 'Delivery' }],
    'bpp/providers': args.providers.map((p) => wireProvider(p, byProvider.get(p.id) ?? [], stamp)),
  };
}

/**
 * An incremental catalog change (ONDC catalog_inc push): the provider by id alone, around the whole record of
 * each changed item, each stamped with when it changed.
 */
export function incrementalCatalog(provider: Provider, changed: Product[]): { 'bpp/providers': Array<{ id: string; items: WireItem[] }> } {
  const menus = breadcrumbMenus(changed);
  return { 'bpp/providers': [{ id: provider.id, items: changed.map((p, i) => wireItem(p, provider, menus, i + 1, p.updatedAt)) }] };
}

function productsByProvider(providers: Provider[], products: Product[]): Map<string, Product[]> {
  const map = new Map<string, Product[]>(providers.map((p) => [p.id, []]));
  for (const product of products) {
    const list = map.get(product.providerId);
    // a product of a provider we do not publish would leave the catalog silently incomplete
    if (!list) {
      throw new Error(`onSearchCatalog: product ${product.id} belongs to provider ${product.providerId}, which is not among the providers`);
    }
    list.push(product);
  }
  return map;
}

function bppDescriptor(bppId: string, bppUri: string | undefined): WireDescriptor {
  const name = SANDBOX_SELLERS.find((s) => s.bppId === bppId)?.name ?? bppId;
  const symbol = `${(bppUri ?? `https://${bppId}`).replace(/\/+$/, '')}/logo.png`;
  return {
    name,
    symbol,
    short_desc: name,
    long_desc: `${name}, a seller app on the ONDC sandbox network`,
    images: [symbol],
    // each sandbox seller app is the seller itself (one provider per app): an inventory seller node
    tags: [group('bpp_terms', [entry('np_type', 'ISN')])],
  };
}

function wireProvider(provider: Provider, products: Product[], stamp: string): WireProvider {
  const menus = breadcrumbMenus(products);
  return {
    id: provider.id,
    ttl: 'P1D',
    time: { label: 'enable', timestamp: stamp },
    descriptor: {
      name: provider.name,
      symbol: provider.symbol,
      short_desc: provider.shortDesc,
      long_desc: provider.longDesc,
      images: [provider.symbol],
    },
    rating: provider.rating.toFixed(1),
    ...(provider.domain === 'ONDC:RET11' ? { '@ondc/org/fssai_license_no': fssaiLicence(provider.id) } : {}),
    fulfillments: [{ id: DELIVERY_ID, type: 'Delivery', contact: contactOf(provider) }],
    locations: provider.locations.map((l) => wireLocation(l, stamp)),
    categories: [...menus.entries()].map(([crumb, id]) => menuCategory(id, crumb)),
    items: products.map((p, i) => wireItem(p, provider, menus, i + 1, stamp)),
    offers: [],
    tags: providerTags(provider, products),
  };
}

function contactOf(provider: Provider): WireContact {
  return { phone: phoneOf(provider.id), email: `care@${provider.bppId}` };
}

/** A stable ten-digit mobile number per provider; the model keeps no contact details. */
function phoneOf(providerId: string): string {
  return `9${String(hash32(providerId) % 1_000_000_000).padStart(9, '0')}`;
}

function consumerCare(provider: Provider): string {
  const contact = contactOf(provider);
  // the field is "name,email,phone", so a comma inside the name would shift the other two
  return [provider.name.replace(/,/g, ' '), contact.email, contact.phone].join(',');
}

function wireLocation(location: ProviderLocation, stamp: string): WireLocation {
  const { address } = location;
  return {
    id: location.id,
    gps: `${coordinate(location.gps.lat)},${coordinate(location.gps.lon)}`,
    address: {
      locality: address.locality,
      street: address.street,
      city: address.city,
      area_code: address.areaCode,
      state: address.state,
    },
    time: openingHours(stamp),
  };
}

/** ONDC wants at least six decimals; padding keeps the value, and longer values pass through untouched. */
function coordinate(value: number): string {
  const text = String(value);
  const decimals = text.split('.')[1]?.length ?? 0;
  return decimals >= 6 ? text : value.toFixed(6);
}

function openingHours(stamp: string): WireTime {
  return { label: 'enable', timestamp: stamp, days: EVERY_DAY, schedule: { holidays: [] }, range: { start: OPENS, end: CLOSES } };
}

/**
 * One custom menu per distinct category path, named by the whole breadcrumb: ONDC's taxonomy `category_id`
 * holds one level only, and the menu is the catalog's own place for the seller's grouping.
 */
function breadcrumbMenus(products: Product[]): Map<string, string> {
  const menus = new Map<string, string>();
  for (const p of products) {
    const crumb = p.categoryPath.join(BREADCRUMB_SEPARATOR);
    if (!menus.has(crumb)) menus.set(crumb, `CM${menus.size + 1}`);
  }
  return menus;
}

function menuCategory(id: string, crumb: string): WireCategory {
  return {
    id,
    descriptor: { name: crumb },
    tags: [
      group('type', [entry('type', 'custom_menu')]),
      group('timing', [entry('day_from', '1'), entry('day_to', '7'), entry('time_from', OPENS), entry('time_to', CLOSES)]),
      group('display', [entry('rank', id.slice(2))]),
    ],
  };
}

function providerTags(provider: Provider, products: Product[]): WireTag[] {
  const tags = provider.locations.map((l) => timingTag(l.id));
  for (const l of provider.locations) tags.push(...serviceabilityTags(provider, l.id, products));
  if (provider.minOrderValuePaise > 0) {
    tags.push(group('order_value', [entry('min_value', rupeesString(provider.minOrderValuePaise))]));
  }
  tags.push(
    group(EXTENSION_TAG, [
      entry(EXT.deliveryCharge, rupeesString(provider.deliveryChargePaise)),
      entry(EXT.packingCharge, rupeesString(provider.packingChargePaise)),
      entry(EXT.cod, provider.cod ? 'yes' : 'no'),
    ]),
  );
  return tags;
}

function timingTag(locationId: string): WireTag {
  return group('timing', [
    entry('type', 'All'),
    entry('location', locationId),
    entry('day_from', '1'),
    entry('day_to', '7'),
    entry('time_from', OPENS),
    entry('time_to', CLOSES),
  ]);
}

/**
 * Our sellers deliver to a list of pincodes, which is ONDC's intercity construct (type 11), one per location
 * and item category as the validators want it, in exactly five entries.
 */
function serviceabilityTags(provider: Provider, locationId: string, products: Product[]): WireTag[] {
  if (provider.serviceablePincodes.length === 0) return [];
  const categories = [...new Set(products.map((p) => p.categoryId))];
  return (categories.length > 0 ? categories : ['*']).map((category) =>
    group('serviceability', [
      entry('location', locationId),
      entry('category', category),
      entry('type', SERVICEABILITY.pincodes),
      entry('val', provider.serviceablePincodes.join(',')),
      entry('unit', 'pincode'),
    ]),
  );
}

function wireItem(product: Product, provider: Provider, menus: Map<string, string>, rank: number, stamp: string): WireItem {
  const menu = menus.get(product.categoryPath.join(BREADCRUMB_SEPARATOR)) ?? 'CM1';
  return {
    id: product.itemId,
    time: { label: 'enable', timestamp: product.updatedAt },
    descriptor: {
      name: product.name,
      code: itemCode(product),
      symbol: product.images[0] ?? provider.symbol,
      short_desc: product.shortDesc,
      long_desc: product.longDesc,
      images: [...product.images],
    },
    quantity: {
      unitized: { measure: { unit: product.quantity.unit, value: product.quantity.value } },
      // ONDC allows only "99" (in stock) and "0" here; the true count rides in the extension tag
      available: { count: product.stock > 0 ? '99' : '0' },
      maximum: { count: String(product.maxPerOrder) },
    },
    price: { currency: 'INR', value: rupeesString(product.pricePaise), maximum_value: rupeesString(product.mrpPaise) },
    category_id: product.categoryId,
    category_ids: [`${menu}:${rank}`],
    fulfillment_id: DELIVERY_ID,
    location_id: product.locationId,
    rating: product.rating.toFixed(1),
    '@ondc/org/returnable': product.returnable,
    '@ondc/org/cancellable': product.cancellable,
    '@ondc/org/return_window': product.returnWindow ?? NO_RETURN_WINDOW,
    // sandbox sellers collect returns themselves, so a buyer never has to ship one back
    '@ondc/org/seller_pickup_return': product.returnable,
    '@ondc/org/time_to_ship': product.timeToShip,
    '@ondc/org/available_on_cod': product.cod,
    '@ondc/org/contact_details_consumer_care': consumerCare(provider),
    ...statutory(product, provider, stamp),
    tags: itemTags(product),
  };
}

/** Type 5 ("others"): a seller SKU code, alphanumeric as ONDC's pattern demands, stable per item. */
function itemCode(product: Product): string {
  const key = `${product.providerId}/${product.itemId}`;
  return `5:${hash32(key).toString(36)}${hash32(key, 1).toString(36)}`.toUpperCase();
}

function itemTags(product: Product): WireTag[] {
  const tags = [group('origin', [entry('country', 'IND')])];
  if (product.veg !== null) {
    tags.push(group('veg_nonveg', [product.veg ? entry('veg', 'yes') : entry('non_veg', 'yes')]));
  }
  tags.push(group('attribute', [entry('brand', product.brand)]));
  tags.push(
    group(EXTENSION_TAG, [entry(EXT.stock, String(product.stock)), ...product.tags.map((t) => entry(EXT.keyword, t))]),
  );
  return tags;
}

type StatutoryBlocks = {
  '@ondc/org/statutory_reqs_packaged_commodities'?: WireStatutoryPackagedCommodities;
  '@ondc/org/statutory_reqs_prepackaged_food'?: WireStatutoryPrepackagedFood;
};

/** The declarations a packaged item needs by law; the model has no manufacturer data, so these are stand-ins. */
function statutory(product: Product, provider: Provider, stamp: string): StatutoryBlocks {
  if (!PACKAGED_DOMAINS.has(product.domain)) return {};
  const store = provider.locations.find((l) => l.id === product.locationId) ?? provider.locations[0];
  const blocks: StatutoryBlocks = {
    '@ondc/org/statutory_reqs_packaged_commodities': {
      manufacturer_or_packer_name: product.brand,
      manufacturer_or_packer_address: store ? addressLine(store) : provider.name,
      common_or_generic_name_of_commodity: product.categoryPath.at(-1) ?? product.categoryId,
      month_year_of_manufacture_packing_import: `${stamp.slice(5, 7)}/${stamp.slice(0, 4)}`,
    },
  };
  // grocery food carries FSSAI details; veg is null exactly where food rules do not apply
  if (product.domain === 'ONDC:RET10' && product.veg !== null) {
    blocks['@ondc/org/statutory_reqs_prepackaged_food'] = {
      nutritional_info: 'As printed on the pack',
      additives_info: 'As printed on the pack',
      brand_owner_FSSAI_license_no: fssaiLicence(product.brand),
    };
  }
  return blocks;
}

function addressLine(location: ProviderLocation): string {
  const a = location.address;
  return `${a.street}, ${a.locality}, ${a.city} ${a.areaCode}, ${a.state}`;
}

/** FSSAI licence numbers have fourteen digits; one stable stand-in per brand or kitchen. */
function fssaiLicence(holder: string): string {
  const part = (seed: number) => String(hash32(holder, seed) % 10_000_000).padStart(7, '0');
  return `1${part(1).slice(1)}${part(2)}`;
}

function group(code: string, list: WireTagEntry[]): WireTag {
  return { code, list };
}

function entry(code: string, value: string): WireTagEntry {
  return { code, value };
}
