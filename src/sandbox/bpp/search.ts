/** What a sandbox seller answers to a search: its catalog, whole or narrowed to an item name or a category. */
import type { Product } from '../../core/catalog.js';

export interface SearchIntent {
  itemName?: string;
  categoryId?: string;
}

export function readIntent(message: unknown): SearchIntent {
  const intent = (message as { intent?: { item?: { descriptor?: { name?: unknown } }; category?: { id?: unknown } } })?.intent;
  const itemName = intent?.item?.descriptor?.name;
  const categoryId = intent?.category?.id;
  return {
    ...(typeof itemName === 'string' && itemName.trim() ? { itemName: itemName.trim() } : {}),
    ...(typeof categoryId === 'string' && categoryId.trim() ? { categoryId: categoryId.trim() } : {}),
  };
}

/** A seller's own matching is plain: every word of the asked name must appear in the item's name or tags. */
export function matchIntent(products: Product[], intent: SearchIntent): Product[] {
  if (intent.categoryId) {
    const wanted = intent.categoryId.toLowerCase();
    return products.filter((p) => p.categoryId.toLowerCase() === wanted);
  }
  if (intent.itemName) {
    const words = intent.itemName.toLowerCase().split(/\s+/).filter(Boolean);
    return products.filter((p) => {
      const text = `${p.name} ${p.tags.join(' ')}`.toLowerCase();
      return words.every((w) => text.includes(w));
    });
  }
  return products;
}

/** The `catalog_inc` mode a search asks for (ONDC incremental catalog refresh), if any. */
export function readCatalogIncrement(message: unknown): 'start' | 'stop' | undefined {
  const tags = (message as { intent?: { tags?: unknown } })?.intent?.tags;
  if (!Array.isArray(tags)) return undefined;
  const tag = tags.find((t: { code?: unknown }) => t?.code === 'catalog_inc') as { list?: Array<{ code?: unknown; value?: unknown }> } | undefined;
  const mode = tag?.list?.find((e) => e?.code === 'mode')?.value;
  return mode === 'start' || mode === 'stop' ? mode : undefined;
}
