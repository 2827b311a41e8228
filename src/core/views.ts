/** Catalog records as operations show them. */
import type { Product, Provider } from './catalog.js';
import { money } from './money.js';
import type { ProductView } from './schemas.js';

const UNIT_LABEL: Record<Product['quantity']['unit'], string> = {
  kilogram: 'kg',
  gram: 'g',
  litre: 'l',
  millilitre: 'ml',
  unit: 'unit',
};

export function packSize(product: Product): string {
  const { unit, value } = product.quantity;
  const label = UNIT_LABEL[unit];
  return unit === 'unit' && value !== '1' ? `${value} units` : `${value} ${label}`;
}

export function productView(product: Product, provider: Provider | null | undefined): ProductView {
  const discount = product.mrpPaise > 0 ? Math.round((1 - product.pricePaise / product.mrpPaise) * 100) : 0;
  return {
    id: product.id,
    name: product.name,
    brand: product.brand,
    description: product.shortDesc,
    category: product.categoryId,
    category_path: product.categoryPath,
    domain: product.domain,
    provider: { id: product.providerId, name: provider?.name ?? product.providerId },
    price: money(product.pricePaise),
    mrp: money(product.mrpPaise),
    discount_percent: Math.max(0, Math.min(100, discount)),
    pack_size: packSize(product),
    veg: product.veg,
    in_stock: product.stock > 0,
    max_per_order: Math.min(product.maxPerOrder, Math.max(product.stock, 0)),
    returnable: product.returnable,
    return_window: product.returnWindow,
    cancellable: product.cancellable,
    cod: product.cod,
    time_to_ship: product.timeToShip,
    rating: product.rating,
    images: product.images,
  };
}
