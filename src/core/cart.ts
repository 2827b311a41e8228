/**
 * Cart rules. Lines hold only catalog ids and quantities: names and prices are always read from the catalog
 * when the cart is shown, so a caller can never set a price.
 */
import type { Product, Provider } from './catalog.js';
import { DomainError } from './errors.js';
import { formatInr, money } from './money.js';
import type { CoreDeps } from './operation.js';
import type { Cart, CartLine } from './ports.js';
import type { CartView } from './schemas.js';
import { packSize } from './views.js';

export async function requireProduct(deps: CoreDeps, productId: string): Promise<Product> {
  const product = await deps.catalog.getProduct(productId);
  if (!product) {
    throw new DomainError(
      'PRODUCT_NOT_FOUND',
      `No product with id ${productId}; use an id returned by search_products.`,
    );
  }
  return product;
}

function checkQuantity(product: Product, quantity: number): void {
  if (product.stock <= 0) {
    throw new DomainError('OUT_OF_STOCK', `${product.name} is out of stock; search_products can suggest alternatives.`, {
      product_id: product.id,
    });
  }
  const limit = Math.min(product.maxPerOrder, product.stock);
  if (quantity > limit) {
    throw new DomainError(
      'QUANTITY_LIMIT',
      `At most ${limit} of ${product.name} can be ordered at once (asked for ${quantity}); lower the quantity.`,
      { product_id: product.id, max_quantity: limit },
    );
  }
}

function findLine(cart: Cart, productId: string): CartLine | undefined {
  return cart.lines.find((l) => l.productId === productId);
}

function requireLine(cart: Cart, productId: string): CartLine {
  const line = findLine(cart, productId);
  if (!line) {
    throw new DomainError(
      'CART_ITEM_NOT_FOUND',
      `Product ${productId} is not in the cart; call view_cart to see what it holds.`,
    );
  }
  return line;
}

/** Adds packs of a product, merging with a line that already holds it. */
export async function addToCart(deps: CoreDeps, sessionId: string, productId: string, quantity: number): Promise<Cart> {
  const product = await requireProduct(deps, productId);
  const now = deps.clock.now().toISOString();
  return deps.stores.carts.update(
    sessionId,
    (cart) => {
      const existing = findLine(cart, productId);
      const total = (existing?.quantity ?? 0) + quantity;
      checkQuantity(product, total);
      if (existing) {
        return { ...cart, updatedAt: now, lines: cart.lines.map((l) => (l === existing ? { ...l, quantity: total } : l)) };
      }
      if (cart.lines.length >= deps.settings.maxCartLines) {
        throw new DomainError(
          'CART_FULL',
          `The cart already holds ${cart.lines.length} different products, the most allowed; remove some before adding more.`,
        );
      }
      return { ...cart, updatedAt: now, lines: [...cart.lines, { productId, quantity, addedAt: now }] };
    },
    deps.settings.sessionTtlSeconds,
  );
}

/** Sets a line's quantity; 0 removes the line. */
export async function setQuantity(deps: CoreDeps, sessionId: string, productId: string, quantity: number): Promise<Cart> {
  const product = quantity > 0 ? await requireProduct(deps, productId) : undefined;
  const now = deps.clock.now().toISOString();
  return deps.stores.carts.update(
    sessionId,
    (cart) => {
      const line = requireLine(cart, productId);
      if (!product) return { ...cart, updatedAt: now, lines: cart.lines.filter((l) => l !== line) };
      checkQuantity(product, quantity);
      return { ...cart, updatedAt: now, lines: cart.lines.map((l) => (l === line ? { ...l, quantity } : l)) };
    },
    deps.settings.sessionTtlSeconds,
  );
}

/**
 * Takes what was just ordered out of a cart: each line loses the ordered quantity and goes when none is left.
 * Lines added or raised since the quote keep what the order did not take.
 */
export async function removeOrdered(deps: CoreDeps, sessionId: string, ordered: Array<{ productId: string; count: number }>): Promise<void> {
  const taken = new Map<string, number>();
  for (const o of ordered) taken.set(o.productId, (taken.get(o.productId) ?? 0) + o.count);
  const now = deps.clock.now().toISOString();
  await deps.stores.carts.update(
    sessionId,
    (cart) => ({
      ...cart,
      lines: cart.lines
        .map((l) => ({ ...l, quantity: l.quantity - (taken.get(l.productId) ?? 0) }))
        .filter((l) => l.quantity > 0),
      updatedAt: now,
    }),
    deps.settings.sessionTtlSeconds,
  );
}

export async function clearCart(deps: CoreDeps, sessionId: string): Promise<Cart> {
  const now = deps.clock.now().toISOString();
  return deps.stores.carts.update(sessionId, (cart) => ({ ...cart, lines: [], updatedAt: now }), deps.settings.sessionTtlSeconds);
}

function providerRef(product: Product, provider: Provider | undefined) {
  return { id: product.providerId, name: provider?.name ?? product.providerId };
}

/** Prices every line from the catalog and groups lines by seller, as checkout will. */
export async function viewCart(deps: CoreDeps, cart: Cart): Promise<CartView> {
  const products = await deps.catalog.getProducts(cart.lines.map((l) => l.productId));
  const providerIds = [...new Set([...products.values()].map((p) => p.providerId))];
  const providers = new Map<string, Provider>();
  for (const id of providerIds) {
    const provider = await deps.catalog.getProvider(id);
    if (provider) providers.set(id, provider);
  }

  const warnings: string[] = [];
  const lines: CartView['lines'] = [];
  const groups = new Map<string, CartView['sellers'][number]>();
  let subtotal = 0;
  let itemCount = 0;

  for (const line of cart.lines) {
    const product = products.get(line.productId);
    if (!product) {
      warnings.push(`${line.productId} is no longer listed by its seller; remove it with remove_from_cart.`);
      lines.push({
        product_id: line.productId,
        name: line.productId,
        provider: { id: line.productId.split(':')[0] ?? '', name: 'unknown seller' },
        pack_size: '',
        quantity: line.quantity,
        unit_price: money(0),
        line_total: money(0),
        available: false,
      });
      continue;
    }
    const provider = providers.get(product.providerId);
    const available = product.stock >= line.quantity;
    if (!available) {
      warnings.push(
        product.stock <= 0
          ? `${product.name} is now out of stock; remove it or choose another product.`
          : `Only ${product.stock} of ${product.name} are left; lower the quantity to ${product.stock}.`,
      );
    }
    const lineTotal = product.pricePaise * line.quantity;
    lines.push({
      product_id: product.id,
      name: product.name,
      provider: providerRef(product, provider),
      pack_size: packSize(product),
      quantity: line.quantity,
      unit_price: money(product.pricePaise),
      line_total: money(lineTotal),
      available,
    });
    if (!available) continue;
    subtotal += lineTotal;
    itemCount += line.quantity;
    const group = groups.get(product.providerId) ?? {
      provider: providerRef(product, provider),
      item_count: 0,
      subtotal: money(0),
      min_order_value: money(provider?.minOrderValuePaise ?? 0),
      below_min_order: false,
      cod_available: provider?.cod ?? false,
    };
    group.item_count += line.quantity;
    group.subtotal = money(group.subtotal.paise + lineTotal);
    group.cod_available = group.cod_available && product.cod;
    groups.set(product.providerId, group);
  }

  for (const group of groups.values()) {
    group.below_min_order = group.subtotal.paise < group.min_order_value.paise;
    if (group.below_min_order) {
      const short = group.min_order_value.paise - group.subtotal.paise;
      warnings.push(
        `${group.provider.name} needs a minimum order of ${formatInr(group.min_order_value.paise)}; add ${formatInr(short)} more from this seller.`,
      );
    }
  }

  return {
    session_id: cart.sessionId,
    lines,
    sellers: [...groups.values()],
    item_count: itemCount,
    subtotal: money(subtotal),
    updated_at: cart.updatedAt,
    warnings,
  };
}

/** One line for the MCP text content of every operation that returns the cart. */
export function summarizeCart(c: CartView): string {
  if (c.lines.length === 0) return 'The cart is empty.';
  const sellers = c.sellers.length === 1 ? '1 seller' : `${c.sellers.length} sellers`;
  const warn = c.warnings.length > 0 ? ` ${c.warnings.length} warning(s): ${c.warnings[0]}` : '';
  return `Cart: ${c.item_count} item(s) from ${sellers}, subtotal ₹${c.subtotal.value}.${warn}`;
}
