import { productId, type Product, type Provider } from '../../core/catalog.js';
import type { SellerSpec } from './tables/sellers.js';
import { between, hash32, intBetween, mulberry32 } from './rng.js';
import type { BaseProduct, BrandSpec, CategoryInfo, DomainData, Modifier, PackSize, Variant } from './types.js';

const CDN = 'https://cdn.sandbox.ondc.local/img';
/** When every generated item was last changed: a fixed past instant, since ONDC refuses timestamps ahead of the message's. */
export const CATALOG_EPOCH = '2025-01-01T00:00:00.000Z';

const OUT_OF_STOCK_SHARE = 0.04;

/** One sellable SKU before listing modifiers: base product x brand x variant x pack. */
interface Sku {
  base: BaseProduct;
  baseIndex: number;
  category: CategoryInfo;
  brand: string;
  pack: PackSize;
  slug: string;
  name: string;
  /** Reference MRP in rupees for one unit, before seller price level and jitter. */
  unitPrice: number;
  veg: boolean | null;
  tags: string[];
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Interleave lists so the first items of every list come before the second items of any. */
function roundRobin<T>(lists: T[][]): T[] {
  const out: T[] = [];
  const longest = Math.max(0, ...lists.map((list) => list.length));
  for (let i = 0; i < longest; i++) {
    for (const list of lists) {
      const item = list[i];
      if (item !== undefined) out.push(item);
    }
  }
  return out;
}

function skuName(base: BaseProduct, brand: BrandSpec | undefined, variant: Variant | undefined, pack: PackSize): string {
  const v = variant?.label ?? '';
  const style = base.variantStyle ?? 'prefix';
  let name: string;
  if (brand?.title) {
    const t = brand.title;
    const afterBrand = v && style === 'prefix' && t.startsWith(`${brand.name} `);
    name = afterBrand ? `${brand.name} ${v}${t.slice(brand.name.length)}` : t;
    if (v && style === 'prefix' && !afterBrand) name += ` ${v}`;
  } else if (base.name.includes('{v}')) {
    name = [brand?.name, brand?.line, base.name.replace('{v}', v)].filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();
  } else {
    name = [brand?.name, brand?.line, style === 'prefix' ? v : '', base.name].filter(Boolean).join(' ');
  }
  if (v && style === 'suffix') name += ` ${v}`;
  let packLabel = pack.label;
  if (v && style === 'paren') {
    // merge "(Black)" and "(8 GB RAM, 128 GB)" into one bracket, as listings usually do
    if (packLabel.startsWith('(')) packLabel = `(${v}, ${packLabel.slice(1)}`;
    else name += ` (${v})`;
  }
  return packLabel ? `${name} ${packLabel}` : name;
}

function brandSlug(base: BaseProduct, brand: BrandSpec | undefined): string {
  if (!brand) return '';
  const slug = slugify(brand.title ?? [brand.name, brand.line].filter(Boolean).join(' '));
  // a title usually repeats the product name, which the item id already starts with
  return slugify(slug.replace(base.slug, ''));
}

function skusOf(data: DomainData, base: BaseProduct, baseIndex: number, houseBrand: string, orderSeed: number): Sku[] {
  const category = data.categories.find((c) => c.id === base.category);
  if (!category) throw new Error(`catalog data: ${base.slug} has unknown category ${base.category}`);
  const brands: Array<BrandSpec | undefined> = base.brands?.map((b) => (typeof b === 'string' ? { name: b } : b)) ?? [undefined];
  const variants: Array<Variant | undefined> = base.variants ?? [undefined];
  const ranked: Array<{ rank: number; tie: number; sku: Sku }> = [];
  brands.forEach((brand, bi) => {
    variants.forEach((variant, vi) => {
      base.packs.forEach((pack, pi) => {
        const slug = [base.slug, brandSlug(base, brand), slugify(variant?.label ?? ''), slugify(pack.label)].filter(Boolean).join('-');
        const veg = category.food ? (variant?.veg ?? base.veg ?? true) : null;
        const brandName = brand?.name ?? houseBrand;
        const tags = [...(base.aka ?? []), ...(base.tags ?? []), ...(variant?.tags ?? []), brandName, base.category];
        if (base.sub) tags.push(base.sub);
        if (veg !== null) tags.push(veg ? 'veg' : 'non-veg');
        const sku: Sku = {
          base,
          baseIndex,
          category,
          brand: brandName,
          pack,
          slug,
          name: skuName(base, brand, variant, pack),
          unitPrice: pack.price * (brand?.f ?? 1) * (variant?.f ?? 1),
          veg,
          tags: [...new Set(tags.map((t) => t.toLowerCase()))],
        };
        // The first brand, variant and pack in each data row are the canonical ones; spread picks so that
        // a small catalog still carries them, with sellers breaking ties differently to vary their ranges.
        ranked.push({ rank: bi + vi + pi, tie: hash32(slug, orderSeed), sku });
      });
    });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.tie - b.tie);
  return ranked.map((r) => r.sku);
}

/** Every SKU of the domain, ordered so any prefix is a balanced sample across categories and products. */
function orderedSkus(data: DomainData, houseBrand: string, orderSeed: number): Sku[] {
  const byCategory = data.categories.map((c) =>
    data.products.map((base, i) => ({ base, i })).filter(({ base }) => base.category === c.id),
  );
  const bases = roundRobin(byCategory);
  return roundRobin(bases.map(({ base, i }) => skusOf(data, base, i, houseBrand, orderSeed)));
}

/** Cartesian product of modifier groups (each optional), fewest modifiers first. */
function modifierCombos(groups: Modifier[][]): Modifier[][] {
  let combos: Modifier[][] = [[]];
  for (const group of groups) combos = combos.flatMap((c) => [c, ...group.map((m) => [...c, m])]);
  return combos.map((c, i) => ({ c, i })).sort((a, b) => a.c.length - b.c.length || a.i - b.i).map(({ c }) => c);
}

function applies(sku: Sku, mods: Modifier[]): boolean {
  if (mods.length === 0) return true;
  if (!sku.category.mods) return false;
  return mods.every((m) => (m.maxUnitPrice === undefined || sku.unitPrice <= m.maxUnitPrice) && (m.minUnitPrice === undefined || sku.unitPrice >= m.minUnitPrice));
}

/** MRPs end the way Indian price tags do: whole rupees, multiples of 5, or ...99 for big tickets. */
function roundMrp(rupees: number): number {
  if (rupees < 100) return Math.max(1, Math.round(rupees));
  if (rupees < 1000) return Math.round(rupees / 5) * 5;
  return Math.round(rupees / 100) * 100 - 1;
}

function scaleQuantity(value: string, mult: number): string {
  return mult === 1 ? value : String(Number((Number(value) * mult).toFixed(3)));
}

export function buildProvider(seller: SellerSpec): Provider {
  const { city } = seller;
  const locality = (name: string) => {
    const found = city.localities.find((l) => l.name === name);
    if (!found) throw new Error(`catalog data: ${seller.providerId} names unknown locality ${name}`);
    return found;
  };
  return {
    id: seller.providerId,
    bppId: seller.bppId,
    domain: seller.data.domain,
    name: seller.name,
    shortDesc: seller.shortDesc,
    longDesc: seller.longDesc,
    city: city.std,
    locations: seller.stores.map((s) => ({
      id: s.id,
      gps: { lat: s.lat, lon: s.lon },
      address: { street: s.street, locality: s.locality, city: city.name, state: city.state, areaCode: locality(s.locality).pincode },
    })),
    serviceablePincodes: seller.serves.map((name) => locality(name).pincode),
    minOrderValuePaise: seller.minOrderValue * 100,
    deliveryChargePaise: seller.deliveryCharge * 100,
    packingChargePaise: seller.packingCharge * 100,
    cod: seller.cod,
    rating: seller.rating,
    symbol: `${CDN}/${seller.providerId}/logo.png`,
  };
}

/** What one listing sells, before seller-specific pricing and stock are drawn. */
interface Listing {
  itemId: string;
  /** The SKU that decides category, return policy, shipping time and location. */
  sku: Sku;
  name: string;
  brand: string;
  shortDesc: string;
  /** Body of the long description, after the name. */
  about: string;
  /** Reference MRP in rupees for the whole listing. */
  price: number;
  quantity: Product['quantity'];
  veg: boolean | null;
  tags: string[];
  returnWindow: string | null;
  imageSlug: string;
  storeOffset: number;
}

function describe(base: BaseProduct): string {
  return base.aka?.length ? `${base.desc}. Also known as ${base.aka.join(', ')}.` : `${base.desc}.`;
}

function modified(sku: Sku, mods: Modifier[], storeOffset: number): Listing {
  let mult = 1;
  let factor = 1;
  let add = 0;
  for (const m of mods) {
    mult *= m.mult ?? 1;
    factor *= (1 + (m.pct ?? 0)) * (1 - (m.off ?? 0));
    add += m.add ?? 0;
  }
  const itemId = [sku.slug, ...mods.map((m) => m.slug), storeOffset > 0 ? `l${storeOffset + 1}` : ''].filter(Boolean).join('-');
  return {
    itemId,
    sku,
    name: sku.name + mods.map((m) => m.suffix).join(''),
    brand: sku.brand,
    shortDesc: sku.base.desc,
    about: describe(sku.base),
    price: sku.unitPrice * mult * factor + add,
    quantity: { unit: sku.pack.unit, value: scaleQuantity(sku.pack.value, mult) },
    veg: sku.veg,
    returnWindow: sku.category.returnWindow,
    tags: mods.length === 0 ? sku.tags : [...new Set([...sku.tags, ...mods.flatMap((m) => m.tags ?? [])])],
    imageSlug: sku.slug,
    storeOffset,
  };
}

const COMBO_OFF = 0.05;

/** Two different products sold together at a combo price; the first one decides the category. */
function combo(a: Sku, b: Sku, houseBrand: string): Listing {
  const itemId = `combo-${a.slug}--${b.slug}`;
  return {
    itemId,
    sku: a,
    name: `Combo: ${a.name} + ${b.name}`,
    brand: a.brand === b.brand ? a.brand : houseBrand,
    shortDesc: `${a.name} and ${b.name} together at a combo price`,
    about: `${describe(a.base)} ${describe(b.base)}`,
    price: (a.unitPrice + b.unitPrice) * (1 - COMBO_OFF),
    quantity: { unit: 'unit', value: '1' },
    veg: a.veg === null || b.veg === null ? null : a.veg && b.veg,
    // a combo can only go back whole, so one non-returnable part makes it non-returnable
    returnWindow: b.category.returnWindow === null ? null : a.category.returnWindow,
    tags: [...new Set([...a.tags, ...b.tags, 'combo'])],
    imageSlug: itemId,
    storeOffset: 0,
  };
}

/**
 * Pairs of SKUs from different base products, nearest neighbours in the balanced order first so
 * early pairs stay varied. Food is never paired with non-food (atta + detergent is no combo).
 */
function* pairsOf(list: Sku[], sameCategory: boolean): Generator<[Sku, Sku]> {
  for (let d = 1; d < list.length; d++) {
    for (let i = 0; i + d < list.length; i++) {
      const a = list[i];
      const b = list[i + d];
      if (!a || !b || a.base === b.base || a.category.food !== b.category.food) continue;
      if ((a.category === b.category) === sameCategory) yield [a, b];
    }
  }
}

function* interleave<T>(sources: Array<Iterator<T>>): Generator<T> {
  let live = sources;
  while (live.length > 0) {
    const next: Array<Iterator<T>> = [];
    for (const it of live) {
      const r = it.next();
      if (!r.done) {
        yield r.value;
        next.push(it);
      }
    }
    live = next;
  }
}

/**
 * Every listing a seller could publish, in publishing order: plain SKUs, then listing modifiers
 * (multipacks, add-ons, warranties), then the same listings at the seller's other stores, then
 * two-product combos, same category first. Only benchmark-sized catalogs reach the later tiers;
 * if even those run out, SKUs are listed again under new ids.
 */
function* listings(seller: SellerSpec, skus: Sku[]): Generator<Listing> {
  const mods = modifierCombos(seller.data.modifierGroups);
  for (let k = 0; k < seller.stores.length; k++) {
    for (const m of mods) {
      for (const sku of skus) if (applies(sku, m)) yield modified(sku, m, k);
    }
  }
  const byCategory = seller.data.categories.map((c) => skus.filter((sku) => sku.category === c));
  for (const [a, b] of interleave(byCategory.map((list) => pairsOf(list, true)))) yield combo(a, b, seller.houseBrand);
  for (const [a, b] of pairsOf(skus, false)) yield combo(a, b, seller.houseBrand);
  for (let round = 2; ; round++) {
    for (const sku of skus) {
      const l = modified(sku, [], 0);
      yield { ...l, itemId: `${l.itemId}-r${round}` };
    }
  }
}

/** Lists `count` products for a seller; any prefix of the listing order is a balanced catalog. */
export function buildProducts(seller: SellerSpec, count: number, seed: number): Product[] {
  const skus = orderedSkus(seller.data, seller.houseBrand, hash32(seller.providerId));
  const providerSeed = hash32(seller.providerId, seed);
  const products: Product[] = [];
  if (skus.length === 0 || seller.stores.length === 0) return products;
  const seen = new Set<string>();
  for (const listing of listings(seller, skus)) {
    if (products.length >= count) break;
    // ids come from data slugs; fail loudly if a data edit makes two of them collide
    if (seen.has(listing.itemId)) throw new Error(`catalog data: duplicate item id ${listing.itemId} at ${seller.providerId}`);
    seen.add(listing.itemId);
    products.push(makeProduct(seller, listing, mulberry32(hash32(listing.itemId, providerSeed))));
  }
  return products;
}

function makeProduct(seller: SellerSpec, listing: Listing, rng: () => number): Product {
  const data = seller.data;
  const { sku, itemId, name } = listing;
  const { base, category } = sku;
  const jitter = between(rng, 0.96, 1.04) * seller.priceLevel;
  const mrp = roundMrp(listing.price * jitter);
  const atMrp = rng() < data.pricing.atMrp;
  const off = atMrp ? 0 : between(rng, data.pricing.minOff, data.pricing.maxOff);
  const price = Math.min(mrp, Math.max(1, Math.round(mrp * (1 - off))));
  const stock = rng() < OUT_OF_STOCK_SHARE ? 0 : intBetween(rng, data.stock.min, data.stock.max);
  const rating = Math.round(between(rng, 3.4, 4.9) * 10) / 10;
  const store = seller.stores[(sku.baseIndex + listing.storeOffset) % seller.stores.length] ?? seller.stores[0];

  const vegNote = listing.veg === null ? '' : listing.veg ? ' Vegetarian.' : ' Non-vegetarian.';
  const sub = base.sub ?? '';
  return {
    id: productId(seller.providerId, itemId),
    itemId,
    providerId: seller.providerId,
    bppId: seller.bppId,
    domain: data.domain,
    locationId: store?.id ?? '',
    name,
    shortDesc: listing.shortDesc,
    longDesc: `${name}. ${listing.about}${vegNote}`,
    brand: listing.brand,
    categoryId: category.id,
    categoryPath: (data.subFirst ? [data.root, sub, category.id] : [data.root, category.id, sub]).filter(Boolean),
    pricePaise: price * 100,
    mrpPaise: mrp * 100,
    quantity: { ...listing.quantity },
    stock,
    maxPerOrder: base.maxPerOrder ?? category.maxPerOrder,
    veg: listing.veg,
    returnable: listing.returnWindow !== null,
    returnWindow: listing.returnWindow,
    cancellable: data.cancellable,
    cod: seller.cod && price <= data.codLimit,
    timeToShip: base.timeToShip ?? category.timeToShip ?? seller.timeToShip,
    images: [`${CDN}/${seller.providerId}/${listing.imageSlug}.jpg`],
    rating,
    tags: [...listing.tags],
    updatedAt: CATALOG_EPOCH,
  };
}
