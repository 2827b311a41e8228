/**
 * The buyer app's reading of an on_search: a catalog from any seller app, ours or not, normalized into our
 * Provider and Product model. Nothing on the wire is trusted: a malformed item is skipped and named in
 * `problems`, a malformed provider likewise; only a body without the context or catalog we need throws.
 *
 * Defaults where the wire is silent (each also noted at its reader):
 * - brand: the `attribute` tag's `brand`, else the first word of the item name;
 * - stock: our extension's true count, else `available.count` (ONDC sends "99" for "in stock"), else 0;
 * - maxPerOrder: `maximum.count`, else 99 (ONDC's "no cap");
 * - veg: null without a `veg_nonveg` tag; returnable, cancellable, cod: false when absent;
 * - returnWindow: null unless returnable with a non-zero window; timeToShip: P1D when absent or malformed;
 * - mrp: the selling price when `maximum_value` is absent, malformed or below it;
 * - category: `category_id`, else `Other`; path: our breadcrumb menu when present, else [domain, category_id,
 *   the item's other custom menus];
 * - serviceable pincodes: intercity (type 11) constructs, else the pincodes of the provider's own locations;
 * - delivery and packing charges: 0, meaning unknown until the on_select quote; minimum order: 0;
 * - provider cod: our extension, else whether any item is available on cash on delivery;
 * - ratings: 0 when absent; search tags: our extension's keywords, else brand, categories and veg;
 * - updatedAt: the item's `time.timestamp`, else the message's context timestamp (else the epoch).
 */
import { isIsoDuration } from './duration.js';
import {
  productId,
  type GeoPoint,
  type Product,
  type ProductQuantity,
  type Provider,
  type ProviderLocation,
  type RetailDomain,
} from '../core/catalog.js';
import { BREADCRUMB_SEPARATOR, EXT, EXTENSION_TAG, SERVICEABILITY, type OnSearchCatalog, type WireTag } from './wire/catalog.js';

export interface OnSearchBody {
  context: { bpp_id: string; bpp_uri?: string; domain: string; city?: string };
  message: { catalog: OnSearchCatalog };
}

export interface IngestResult {
  providers: Provider[];
  products: Product[];
  problems: string[];
}

/** The first level of every category path, per domain, matching the sandbox catalog's roots. */
const DOMAIN_ROOTS: Record<RetailDomain, string> = {
  'ONDC:RET10': 'Grocery',
  'ONDC:RET11': 'F&B',
  'ONDC:RET12': 'Fashion',
  'ONDC:RET13': 'Beauty & Personal Care',
  'ONDC:RET14': 'Electronics',
  'ONDC:RET16': 'Home & Kitchen',
};

const CITY_CODE = /^std:\d{3,5}$/;
const RUPEES = /^(\d+)(?:\.(\d{1,2}))?$/;
const COUNT = /^\d+$/;
const DECIMAL = /^\d+(\.\d+)?$/;
const PINCODE = /^\d{6}$/;
/** ONDC's "no cap per order". */
const NO_CAP = 99;
const DEFAULT_TIME_TO_SHIP = 'P1D';
/** A pincode range wider than this is a region, not a delivery list; we do not expand it. */
const MAX_RANGE = 1000;

interface Scope {
  bppId: string;
  domain: RetailDomain;
  city: string;
  root: string;
  /** The message's own timestamp: when an item carries no valid `time.timestamp`, it was current then. */
  sentAt: string;
  problems: string[];
}

/**
 * `known` holds providers from an earlier full catalog: an incremental on_search (ONDC's catalog_inc push) names a
 * provider by id alone around its changed items, and the items are read against the known provider's stores.
 */
export function parseOnSearch(body: OnSearchBody, known: ReadonlyMap<string, Provider> = new Map()): IngestResult {
  const scope = readContext(body as unknown);
  const result: IngestResult = { providers: [], products: [], problems: scope.problems };
  readProviderList(body as unknown).forEach((raw, i) => ingestProvider(raw, i, scope, result, known));
  return result;
}

/** The provider ids an on_search names, to look up before parsing an incremental one. */
export function onSearchProviderIds(body: unknown): string[] {
  try {
    return readProviderList(body).flatMap((p) => (isObj(p) && text(p.id) ? [text(p.id) as string] : []));
  } catch {
    return [];
  }
}

// ---- context and catalog shape: the only errors that throw ----

function readContext(body: unknown): Scope {
  if (!isObj(body) || !isObj(body.context)) throw new Error('on_search: the body has no context object');
  const ctx = body.context;
  const bppId = text(ctx.bpp_id);
  if (!bppId) throw new Error('on_search: context.bpp_id is missing, so the catalog cannot be tied to a seller app');
  const domain = str(ctx.domain) ?? '';
  if (!isRetailDomain(domain)) {
    throw new Error(`on_search: context.domain "${domain}" is not one we handle (${Object.keys(DOMAIN_ROOTS).join(', ')})`);
  }
  const problems: string[] = [];
  const city = str(ctx.city) ?? '';
  if (!CITY_CODE.test(city)) problems.push(`context.city "${city}" is not a std: code; providers get an empty city`);
  const stamp = str(ctx.timestamp);
  const sentAt = stamp && !Number.isNaN(Date.parse(stamp)) ? new Date(stamp).toISOString() : new Date(0).toISOString();
  return { bppId, domain, city: CITY_CODE.test(city) ? city : '', root: DOMAIN_ROOTS[domain], sentAt, problems };
}

function isRetailDomain(domain: string): domain is RetailDomain {
  return Object.hasOwn(DOMAIN_ROOTS, domain);
}

function readProviderList(body: unknown): unknown[] {
  const message = isObj(body) ? body.message : undefined;
  const catalog = isObj(message) ? message.catalog : undefined;
  if (!isObj(catalog)) throw new Error('on_search: message.catalog is missing');
  const providers = catalog['bpp/providers'];
  if (!Array.isArray(providers)) throw new Error("on_search: message.catalog['bpp/providers'] is not an array");
  return providers;
}

// ---- providers ----

function ingestProvider(raw: unknown, index: number, scope: Scope, out: IngestResult, known: ReadonlyMap<string, Provider>): void {
  const id = isObj(raw) ? text(raw.id) : undefined;
  const descriptor = isObj(raw) && isObj(raw.descriptor) ? raw.descriptor : {};
  const name = text(descriptor.name);
  const earlier = id ? known.get(id) : undefined;
  if (isObj(raw) && id && !name && earlier) {
    // an incremental change: items only, sold from the stores the full catalog listed
    out.products.push(...readItems(raw, id, earlier.locations, scope));
    return;
  }
  if (!isObj(raw) || !id || !name) {
    const what = id ? `provider ${id}: no descriptor.name` : `provider #${index + 1}: no id`;
    out.problems.push(`${what}; skipped with its items`);
    return;
  }
  const tags = tagsOf(raw.tags);
  const locations = readLocations(raw.locations, id, scope.problems);
  const serviceablePincodes = servedPincodes(tags, locations, id, scope.problems);
  const products = readItems(raw, id, locations, scope);
  const ext = (code: string) => tagValue(tags, EXTENSION_TAG, code);
  out.providers.push({
    id,
    bppId: scope.bppId,
    domain: scope.domain,
    name,
    shortDesc: text(descriptor.short_desc) ?? '',
    longDesc: text(descriptor.long_desc) ?? text(descriptor.short_desc) ?? '',
    city: scope.city,
    locations,
    serviceablePincodes,
    minOrderValuePaise: paiseOf(tagValue(tags, 'order_value', 'min_value')) ?? 0,
    deliveryChargePaise: paiseOf(ext(EXT.deliveryCharge)) ?? 0,
    packingChargePaise: paiseOf(ext(EXT.packingCharge)) ?? 0,
    cod: flagOf(ext(EXT.cod)) ?? products.some((p) => p.cod),
    rating: ratingOf(raw.rating),
    symbol: text(descriptor.symbol) ?? strings(descriptor.images)[0] ?? '',
  });
  out.products.push(...products);
}

function readLocations(raw: unknown, providerId: string, problems: string[]): ProviderLocation[] {
  const locations: ProviderLocation[] = [];
  for (const item of list(raw)) {
    const location = readLocation(item);
    if (typeof location === 'string') problems.push(`provider ${providerId}: ${location}; location skipped`);
    else locations.push(location);
  }
  return locations;
}

function readLocation(raw: unknown): ProviderLocation | string {
  if (!isObj(raw)) return 'a location is not an object';
  const id = text(raw.id);
  if (!id) return 'a location has no id';
  const gps = gpsOf(raw.gps);
  if (!gps) return `location ${id} has unreadable gps "${String(raw.gps)}"`;
  const a = isObj(raw.address) ? raw.address : {};
  return {
    id,
    gps,
    address: {
      street: str(a.street) ?? '',
      locality: str(a.locality) ?? '',
      city: str(a.city) ?? '',
      state: str(a.state) ?? '',
      areaCode: str(a.area_code) ?? '',
    },
  };
}

function gpsOf(raw: unknown): GeoPoint | null {
  const parts = (str(raw) ?? '').split(',').map((p) => p.trim());
  if (parts.length !== 2 || !parts.every((p) => /^-?\d+(\.\d+)?$/.test(p))) return null;
  const [lat, lon] = parts.map(Number) as [number, number];
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : null;
}

/**
 * Pincodes from intercity (type 11) constructs in first-seen order. Hyperlocal, PAN-India and polygon
 * constructs cannot be listed as pincodes, so such a provider is taken to serve its own locations' pincodes.
 */
function servedPincodes(tags: WireTag[], locations: ProviderLocation[], providerId: string, problems: string[]): string[] {
  const served = new Set<string>();
  for (const tag of tags) {
    if (tag.code !== 'serviceability' || entryValue(tag, 'type') !== SERVICEABILITY.pincodes) continue;
    for (const part of (entryValue(tag, 'val') ?? '').split(',')) {
      const codes = expandPincodes(part.trim());
      if (codes) codes.forEach((c) => served.add(c));
      else problems.push(`provider ${providerId}: serviceability val "${part.trim()}" is not a pincode or a range we expand; ignored`);
    }
  }
  if (served.size > 0) return [...served];
  return [...new Set(locations.map((l) => l.address.areaCode).filter((c) => PINCODE.test(c)))];
}

function expandPincodes(part: string): string[] | null {
  if (PINCODE.test(part)) return [part];
  const [from, to, extra] = part.split('-').map((p) => p.trim());
  if (!from || !to || extra !== undefined || !PINCODE.test(from) || !PINCODE.test(to)) return null;
  const start = Number(from);
  const end = Number(to);
  if (end < start || end - start >= MAX_RANGE) return null;
  return Array.from({ length: end - start + 1 }, (_, i) => String(start + i));
}

// ---- items ----

interface ItemScope extends Scope {
  providerId: string;
  locations: ProviderLocation[];
  /** Custom menu id to name. */
  menus: Map<string, string>;
}

function readItems(raw: Obj, providerId: string, locations: ProviderLocation[], scope: Scope): Product[] {
  const itemScope: ItemScope = { ...scope, providerId, locations, menus: customMenus(raw.categories) };
  const products: Product[] = [];
  const seen = new Set<string>();
  for (const [i, item] of list(raw.items).entries()) {
    const product = safeReadItem(item, itemScope);
    const label = `provider ${providerId} item ${(isObj(item) && text(item.id)) || `#${i + 1}`}`;
    const skip = (why: string) => scope.problems.push(`${label}: ${why}; skipped`);
    if (typeof product === 'string') {
      skip(product);
      continue;
    }
    if (seen.has(product.itemId)) {
      skip('duplicate item id');
      continue;
    }
    seen.add(product.itemId);
    products.push(product);
  }
  return products;
}

function customMenus(raw: unknown): Map<string, string> {
  const menus = new Map<string, string>();
  for (const category of list(raw)) {
    if (!isObj(category)) continue;
    const id = text(category.id);
    const name = isObj(category.descriptor) ? text(category.descriptor.name) : undefined;
    if (id && name && tagValue(tagsOf(category.tags), 'type', 'type') === 'custom_menu') menus.set(id, name);
  }
  return menus;
}

/** One item's surprise must never cost the rest of the catalog. */
function safeReadItem(raw: unknown, scope: ItemScope): Product | string {
  try {
    return readItem(raw, scope);
  } catch (err) {
    return `unreadable (${err instanceof Error ? err.message : String(err)})`;
  }
}

/** What an item cannot do without; anything missing here skips the item. */
interface ItemCore {
  item: Obj;
  itemId: string;
  name: string;
  descriptor: Obj;
  price: PriceRead;
  locationId: string;
}

function readItem(raw: unknown, scope: ItemScope): Product | string {
  const core = readItemCore(raw, scope);
  if (typeof core === 'string') return core;
  const { item, itemId, name, descriptor, price } = core;
  const note = (what: string) => scope.problems.push(`provider ${scope.providerId} item ${itemId}: ${what}`);
  if (price.note) note(price.note);
  const tags = tagsOf(item.tags);
  const shortDesc = text(descriptor.short_desc) ?? name;
  return {
    id: productId(scope.providerId, itemId),
    itemId,
    providerId: scope.providerId,
    bppId: scope.bppId,
    domain: scope.domain,
    locationId: core.locationId,
    name,
    shortDesc,
    longDesc: text(descriptor.long_desc) ?? shortDesc,
    ...classification(item, name, tags, scope),
    pricePaise: price.paise,
    mrpPaise: price.mrpPaise,
    ...stockFields(item, tags, note),
    ...terms(item),
    images: imagesOf(descriptor),
    rating: ratingOf(item.rating),
    updatedAt: updatedAtOf(item, scope.sentAt),
  };
}

/** The item's `time.timestamp` when it is a valid instant, else when the message was sent. */
function updatedAtOf(item: Obj, sentAt: string): string {
  const stamp = isObj(item.time) ? str(item.time.timestamp) : undefined;
  return stamp && !Number.isNaN(Date.parse(stamp)) ? new Date(stamp).toISOString() : sentAt;
}

function readItemCore(raw: unknown, scope: ItemScope): ItemCore | string {
  if (!isObj(raw)) return 'not an object';
  const itemId = text(raw.id);
  if (!itemId) return 'no id';
  const descriptor = isObj(raw.descriptor) ? raw.descriptor : {};
  const name = text(descriptor.name);
  if (!name) return 'no descriptor.name';
  const price = readPrice(raw.price);
  if (typeof price === 'string') return price;
  // a provider with one store ships everything from it, so a missing location_id is unambiguous there
  const locationId = text(raw.location_id) ?? (scope.locations.length === 1 ? scope.locations[0]?.id : undefined);
  if (!locationId) return 'no location_id, and the provider has more than one location';
  return { item: raw, itemId, name, descriptor, price, locationId };
}

type Classification = Pick<Product, 'brand' | 'categoryId' | 'categoryPath' | 'veg' | 'tags'>;

function classification(raw: Obj, name: string, tags: WireTag[], scope: ItemScope): Classification {
  const categoryId = text(raw.category_id) ?? 'Other';
  const categoryPath = pathOf(scope, categoryId, menuNames(raw.category_ids, scope.menus));
  const veg = vegOf(tags);
  const brand = tagValue(tags, 'attribute', 'brand') ?? name.split(/\s+/)[0] ?? name;
  return { brand, categoryId, categoryPath, veg, tags: keywordsOf(tags, { brand, categoryPath, veg }) };
}

function stockFields(raw: Obj, tags: WireTag[], note: (what: string) => void): Pick<Product, 'quantity' | 'stock' | 'maxPerOrder'> {
  const quantity = isObj(raw.quantity) ? raw.quantity : {};
  const measure = readMeasure(quantity.unitized);
  if (measure.note) note(measure.note);
  return {
    quantity: measure.quantity,
    stock: stockOf(quantity, tags),
    maxPerOrder: positiveCount(isObj(quantity.maximum) ? quantity.maximum.count : undefined) ?? NO_CAP,
  };
}

function terms(raw: Obj): Pick<Product, 'returnable' | 'returnWindow' | 'cancellable' | 'cod' | 'timeToShip'> {
  const returnable = flagOf(raw['@ondc/org/returnable']) ?? false;
  return {
    returnable,
    returnWindow: returnable ? windowOf(raw['@ondc/org/return_window']) : null,
    cancellable: flagOf(raw['@ondc/org/cancellable']) ?? false,
    cod: flagOf(raw['@ondc/org/available_on_cod']) ?? false,
    timeToShip: durationOf(raw['@ondc/org/time_to_ship']) ?? DEFAULT_TIME_TO_SHIP,
  };
}

interface PriceRead {
  paise: number;
  mrpPaise: number;
  note?: string;
}

function readPrice(raw: unknown): PriceRead | string {
  if (!isObj(raw)) return 'no price';
  const currency = str(raw.currency);
  if (currency !== undefined && currency !== 'INR') return `price.currency "${currency}" is not INR`;
  const paise = paiseOf(raw.value);
  if (paise === null) return `price.value "${String(raw.value)}" is not a rupee amount`;
  const mrp = paiseOf(raw.maximum_value);
  if (mrp === null && raw.maximum_value === undefined) return { paise, mrpPaise: paise };
  if (mrp === null) {
    return { paise, mrpPaise: paise, note: `price.maximum_value "${String(raw.maximum_value)}" unreadable; MRP taken as the price` };
  }
  if (mrp < paise) return { paise, mrpPaise: paise, note: 'price.maximum_value below price.value; MRP taken as the price' };
  return { paise, mrpPaise: mrp };
}

/** ONDC units, with the spellings seller apps use in practice, to ours and a factor for the pack value. */
const UNITS: Record<string, { unit: ProductQuantity['unit']; factor: number }> = {
  unit: { unit: 'unit', factor: 1 },
  units: { unit: 'unit', factor: 1 },
  piece: { unit: 'unit', factor: 1 },
  pieces: { unit: 'unit', factor: 1 },
  pack: { unit: 'unit', factor: 1 },
  dozen: { unit: 'unit', factor: 12 },
  gram: { unit: 'gram', factor: 1 },
  grams: { unit: 'gram', factor: 1 },
  g: { unit: 'gram', factor: 1 },
  gm: { unit: 'gram', factor: 1 },
  kilogram: { unit: 'kilogram', factor: 1 },
  kilograms: { unit: 'kilogram', factor: 1 },
  kg: { unit: 'kilogram', factor: 1 },
  tonne: { unit: 'kilogram', factor: 1000 },
  litre: { unit: 'litre', factor: 1 },
  litres: { unit: 'litre', factor: 1 },
  liter: { unit: 'litre', factor: 1 },
  l: { unit: 'litre', factor: 1 },
  ltr: { unit: 'litre', factor: 1 },
  millilitre: { unit: 'millilitre', factor: 1 },
  millilitres: { unit: 'millilitre', factor: 1 },
  milliliter: { unit: 'millilitre', factor: 1 },
  ml: { unit: 'millilitre', factor: 1 },
};

const ONE_UNIT: ProductQuantity = { unit: 'unit', value: '1' };

function readMeasure(unitized: unknown): { quantity: ProductQuantity; note?: string } {
  const measure = isObj(unitized) && isObj(unitized.measure) ? unitized.measure : undefined;
  if (!measure) return { quantity: { ...ONE_UNIT }, note: 'no quantity.unitized.measure; taken as 1 unit' };
  const unit = (str(measure.unit) ?? '').trim().toLowerCase();
  const mapped = UNITS[unit];
  const value = (str(measure.value) ?? String(measure.value ?? '')).trim();
  if (!mapped || !DECIMAL.test(value)) {
    return { quantity: { ...ONE_UNIT }, note: `measure "${value} ${unit}" unreadable; taken as 1 unit` };
  }
  return { quantity: { unit: mapped.unit, value: scaled(value, mapped.factor) } };
}

/** Keeps the seller's own spelling of the value unless a unit change forces arithmetic. */
function scaled(value: string, factor: number): string {
  return factor === 1 ? value : String(Number((Number(value) * factor).toFixed(3)));
}

/**
 * ONDC's `available.count` says only "99" (in stock) or "0"; our extension carries the true count. A seller
 * that sends a real count there is believed.
 */
function stockOf(quantity: Obj, tags: WireTag[]): number {
  const available = countOf(isObj(quantity.available) ? quantity.available.count : undefined);
  if (available === 0) return 0;
  return countOf(tagValue(tags, EXTENSION_TAG, EXT.stock)) ?? available ?? 0;
}

/** Non-veg wins over an inconsistent veg flag: a wrong "veg" is the costlier mistake. */
function vegOf(tags: WireTag[]): boolean | null {
  const yes = (code: string) => flagOf(tagValue(tags, 'veg_nonveg', code));
  if (yes('non_veg') === true || yes('egg') === true) return false;
  const veg = yes('veg');
  return veg ?? null;
}

function menuNames(raw: unknown, menus: Map<string, string>): string[] {
  const names: string[] = [];
  for (const ref of strings(raw)) {
    const cut = ref.lastIndexOf(':');
    const name = menus.get(cut > 0 ? ref.slice(0, cut) : ref);
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

function pathOf(scope: Scope, categoryId: string, menus: string[]): string[] {
  const crumb = menus.find((m) => m.includes(BREADCRUMB_SEPARATOR));
  if (crumb) return crumb.split(BREADCRUMB_SEPARATOR).map((s) => s.trim()).filter(Boolean);
  return [...new Set([scope.root, categoryId, ...menus])];
}

function imagesOf(descriptor: Obj): string[] {
  if (Array.isArray(descriptor.images)) return strings(descriptor.images).filter((s) => s.trim() !== '');
  const symbol = text(descriptor.symbol);
  return symbol ? [symbol] : [];
}

function keywordsOf(tags: WireTag[], product: Pick<Product, 'brand' | 'categoryPath' | 'veg'>): string[] {
  const ours = tags.find((t) => t.code === EXTENSION_TAG);
  if (ours) return ours.list.filter((e) => e.code === EXT.keyword).map((e) => e.value);
  const words = [product.brand, ...product.categoryPath.slice(1)];
  if (product.veg !== null) words.push(product.veg ? 'veg' : 'non-veg');
  return [...new Set(words.map((w) => w.toLowerCase()))];
}

function windowOf(raw: unknown): string | null {
  const window = durationOf(raw);
  // a zero window is how sellers (ours included) mark "no returns" on an item ONDC makes carry one
  return window && /[1-9]/.test(window) ? window : null;
}

// ---- scalar readers: each returns null (or undefined) for anything it cannot read exactly ----

/** Rupees as ONDC writes them ("120.00", "120.5", "120") to paise, by the digits: no float drift. */
function paiseOf(raw: unknown): number | null {
  const s = typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  const match = RUPEES.exec(s);
  if (!match) return null;
  const paise = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(paise) ? paise : null;
}

function countOf(raw: unknown): number | null {
  const s = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  return COUNT.test(s) && Number.isSafeInteger(Number(s)) ? Number(s) : null;
}

function positiveCount(raw: unknown): number | null {
  const n = countOf(raw);
  return n !== null && n > 0 ? n : null;
}

/** Booleans as seller apps send them: true, "true", "yes", "Y", "1". */
function flagOf(raw: unknown): boolean | undefined {
  if (typeof raw === 'boolean') return raw;
  const s = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim().toLowerCase() : '';
  if (['true', 'yes', 'y', '1'].includes(s)) return true;
  if (['false', 'no', 'n', '0'].includes(s)) return false;
  return undefined;
}

function durationOf(raw: unknown): string | null {
  const s = str(raw)?.trim() ?? '';
  return isIsoDuration(s) ? s : null;
}

/** Ratings arrive as "4", "4.0" or 4; anything outside 0..5 counts as unrated. */
function ratingOf(raw: unknown): number {
  const s = typeof raw === 'number' ? String(raw) : (str(raw)?.trim() ?? '');
  if (!DECIMAL.test(s)) return 0;
  const n = Number(s);
  return n <= 5 ? Math.round(n * 10) / 10 : 0;
}

// ---- shape helpers ----

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function strings(v: unknown): string[] {
  return list(v).filter((s): s is string => typeof s === 'string');
}

/** Tag groups with their well-formed entries only; numbers some apps send as values become strings. */
function tagsOf(raw: unknown): WireTag[] {
  const tags: WireTag[] = [];
  for (const tag of list(raw)) {
    if (!isObj(tag) || typeof tag.code !== 'string') continue;
    const entries = list(tag.list).flatMap((e) =>
      isObj(e) && typeof e.code === 'string' && (typeof e.value === 'string' || typeof e.value === 'number')
        ? [{ code: e.code, value: String(e.value) }]
        : [],
    );
    tags.push({ code: tag.code, list: entries });
  }
  return tags;
}

function entryValue(tag: WireTag, code: string): string | undefined {
  return tag.list.find((e) => e.code === code)?.value;
}

/** The first value of `code` in any group named `group`. */
function tagValue(tags: WireTag[], group: string, code: string): string | undefined {
  for (const tag of tags) {
    if (tag.code !== group) continue;
    const value = entryValue(tag, code);
    if (value !== undefined) return value;
  }
  return undefined;
}
