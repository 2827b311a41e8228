import type { ProductQuantity, RetailDomain } from '../../core/catalog.js';

/** One pack size of a base product; `price` is the MRP in rupees for a brand with factor 1. */
export interface PackSize {
  /** Shown after the product name: `5 kg`, `(Full)`, or empty for single units. */
  label: string;
  unit: ProductQuantity['unit'];
  value: string;
  price: number;
}

export interface BrandSpec {
  name: string;
  /** Product line placed between brand and product name, e.g. `Shudh Chakki`. */
  line?: string;
  /** Complete title replacing `brand line name`, for products whose names do not follow that pattern. */
  title?: string;
  /** Price multiplier against the base pack price. */
  f?: number;
}

export interface Variant {
  /** Empty label = the plain product, so a variant list can include "no variant". */
  label: string;
  f?: number;
  /** Overrides the base product's veg flag (chicken biryani vs veg biryani). */
  veg?: boolean;
  tags?: string[];
}

export interface BaseProduct {
  /** Unique within its data table; becomes the head of item ids. */
  slug: string;
  /**
   * May be empty when brand or variant already names the product (e.g. `Thums Up`). A `{v}` marks
   * where the variant goes when neither before nor after reads naturally (`Hyderabadi {v} Dum Biryani`).
   */
  name: string;
  category: string;
  /** Narrower grouping for categoryPath: subcategory for retail, cuisine for food. */
  sub?: string;
  desc: string;
  /** Hindi/regional/Hinglish names; searchable via tags and mentioned in the long description. */
  aka?: string[];
  tags?: string[];
  /** Omitted for unbranded goods (fresh produce, restaurant dishes): the seller's house label is used. */
  brands?: Array<string | BrandSpec>;
  variants?: Variant[];
  /** Where a variant label goes: after the brand (`Lay's Magic Masala Potato Chips`) or in brackets at the end. */
  variantStyle?: 'prefix' | 'paren' | 'suffix';
  packs: PackSize[];
  veg?: boolean | null;
  maxPerOrder?: number;
  timeToShip?: string;
}

export interface CategoryInfo {
  id: string;
  /** Whether veg/non-veg applies. */
  food: boolean;
  returnWindow: string | null;
  maxPerOrder: number;
  timeToShip?: string;
  /** Whether modifier groups (multipacks, add-ons) may apply to products of this category. */
  mods?: boolean;
}

/**
 * A listing modifier used to widen the catalog at scale: multipacks, meal add-ons, extended warranties.
 * Price of a modified item: unit price x mult x (1 + pct) x (1 - off) + add.
 */
export interface Modifier {
  slug: string;
  suffix: string;
  mult?: number;
  off?: number;
  pct?: number;
  add?: number;
  /** Only for items whose single-unit MRP (rupees) is within these bounds. */
  maxUnitPrice?: number;
  minUnitPrice?: number;
  tags?: string[];
}

export interface DomainData {
  domain: RetailDomain;
  /** First element of every categoryPath, e.g. `Grocery`. */
  root: string;
  /** F&B paths read cuisine before dish type; retail paths read category before subcategory. */
  subFirst: boolean;
  categories: CategoryInfo[];
  products: BaseProduct[];
  modifierGroups: Modifier[][];
  /** Share of items sold at MRP, and the discount range for the rest. */
  pricing: { atMrp: number; minOff: number; maxOff: number };
  stock: { min: number; max: number };
  cancellable: boolean;
  /** Items above this selling price (rupees) are prepaid only even if the seller takes COD. */
  codLimit: number;
}
