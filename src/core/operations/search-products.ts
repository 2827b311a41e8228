import { Type } from '@sinclair/typebox';
import { DomainError } from '../errors.js';
import { rupeesToPaise } from '../money.js';
import { defineOperation } from '../operation.js';
import { ProductView, SessionId } from '../schemas.js';
import { requireSession } from '../session.js';
import { productView } from '../views.js';

export const searchProducts = defineOperation({
  name: 'search_products',
  title: 'Search products',
  description:
    'Search products across all sellers on the network by words (name, brand, category; Hindi shopping words such ' +
    'as atta or doodh work too), optionally within a category and a price range in rupees. Returns one page of ' +
    'products with price, pack size, seller and stock. Give either query or category. Next: get_product_details ' +
    'for one product, or add_to_cart with its id.',
  http: { method: 'GET', path: '/products' },
  input: Type.Object({
    session_id: SessionId,
    query: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'What to look for, e.g. "basmati rice 1 kg"' })),
    category: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'A category id or name from browse_categories, e.g. "Foodgrains"' }),
    ),
    min_price: Type.Optional(Type.Number({ minimum: 0, maximum: 10_000_000, description: 'Lowest price in rupees' })),
    max_price: Type.Optional(Type.Number({ minimum: 0, maximum: 10_000_000, description: 'Highest price in rupees' })),
    limit: Type.Integer({ minimum: 1, maximum: 50, default: 10, description: 'Results per page' }),
    page: Type.Integer({ minimum: 1, maximum: 1000, default: 1, description: 'Page number, from 1' }),
  }),
  output: Type.Object({
    query: Type.Union([Type.String(), Type.Null()]),
    category: Type.Union([Type.String(), Type.Null()]),
    results: Type.Array(ProductView),
    total: Type.Integer({ description: 'Matching products across all pages' }),
    page: Type.Integer(),
    limit: Type.Integer(),
    total_pages: Type.Integer(),
  }),
  hints: { readOnly: true, idempotent: true, destructive: false },
  summarize: (r) =>
    r.total === 0
      ? `No products matched${r.query ? ` "${r.query}"` : ''}${r.category ? ` in ${r.category}` : ''}.`
      : `Found ${r.total} product(s)${r.query ? ` for "${r.query}"` : ''}; page ${r.page} of ${r.total_pages}: ` +
        r.results
          .slice(0, 3)
          .map((p) => `${p.name} ₹${p.price.value}`)
          .join('; ') +
        (r.results.length > 3 ? '; …' : ''),
  run: async (input, { deps }) => {
    if (!input.query && !input.category) {
      throw new DomainError('VALIDATION_FAILED', 'Give a query (what to look for) or a category (see browse_categories).');
    }
    if (input.min_price !== undefined && input.max_price !== undefined && input.min_price > input.max_price) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `min_price (${input.min_price}) is above max_price (${input.max_price}); swap them or widen the range.`,
      );
    }
    await requireSession(deps, input.session_id);
    const result = await deps.catalog.search({
      text: input.query,
      category: input.category,
      minPricePaise: input.min_price === undefined ? undefined : rupeesToPaise(input.min_price),
      maxPricePaise: input.max_price === undefined ? undefined : rupeesToPaise(input.max_price),
      limit: input.limit,
      page: input.page,
    });
    const results = [];
    for (const hit of result.hits) {
      results.push(productView(hit.product, await deps.catalog.getProvider(hit.product.providerId)));
    }
    return {
      query: input.query ?? null,
      category: input.category ?? null,
      results,
      total: result.total,
      page: input.page,
      limit: input.limit,
      total_pages: Math.ceil(result.total / input.limit),
    };
  },
});
