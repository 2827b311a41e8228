import { Type } from '@sinclair/typebox';
import { Money, money } from '../money.js';
import { defineOperation } from '../operation.js';
import { SessionId } from '../schemas.js';
import { requireSession } from '../session.js';

const DOMAINS = ['ONDC:RET10', 'ONDC:RET11', 'ONDC:RET12', 'ONDC:RET13', 'ONDC:RET14', 'ONDC:RET16'] as const;

export const browseCategories = defineOperation({
  name: 'browse_categories',
  title: 'Browse categories',
  description:
    'List the product categories available on the network, with how many products each has and their price range, ' +
    'optionally for one ONDC domain (RET10 grocery, RET11 food and beverage, RET13 beauty and personal care, ' +
    'RET14 electronics, RET16 home and kitchen). Next: search_products with a category.',
  http: { method: 'GET', path: '/categories' },
  input: Type.Object({
    session_id: SessionId,
    domain: Type.Optional(Type.Union(DOMAINS.map((d) => Type.Literal(d)), { description: 'Only this ONDC domain' })),
  }),
  output: Type.Object({
    categories: Type.Array(
      Type.Object({
        id: Type.String({ description: 'Pass as category to search_products' }),
        path: Type.Array(Type.String()),
        domain: Type.String(),
        product_count: Type.Integer(),
        lowest_price: Money,
        highest_price: Money,
      }),
    ),
  }),
  hints: { readOnly: true, idempotent: true, destructive: false },
  summarize: (r) => `${r.categories.length} categories: ${r.categories.map((c) => c.id).slice(0, 8).join(', ')}${r.categories.length > 8 ? ', …' : ''}.`,
  run: async ({ session_id, domain }, { deps }) => {
    await requireSession(deps, session_id);
    const all = await deps.catalog.categories();
    return {
      categories: all
        .filter((c) => !domain || c.domain === domain)
        .map((c) => ({
          id: c.id,
          path: c.path,
          domain: c.domain,
          product_count: c.productCount,
          lowest_price: money(c.minPricePaise),
          highest_price: money(c.maxPricePaise),
        })),
    };
  },
});
