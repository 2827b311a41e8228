import { Type } from '@sinclair/typebox';
import { DomainError } from '../errors.js';
import { rupeesToPaise } from '../money.js';
import { defineOperation } from '../operation.js';
import { ProductView, SessionId } from '../schemas.js';
import { requireSession } from '../session.js';
import { productView } from '../views.js';

const Facet = Type.Object({ value: Type.String(), label: Type.String(), count: Type.Integer() });

export const searchProducts = defineOperation({
  name: 'search_products',
  title: 'Search products',
  description:
    'Search products across all sellers on the network by words (name, brand, category; Hindi shopping words such ' +
    'as atta, doodh or lal mirch work too, and sizes like 500g), optionally narrowed by category, price range in ' +
    'rupees, brand, seller, veg, in stock, cash on delivery, delivery pincode and rating, and sorted by relevance, ' +
    'price or rating. Returns one page of products with price, pack size, seller and stock, facet counts for ' +
    'narrowing, and next_cursor. Give a query or a category. Next: get_product_details or add_to_cart.',
  http: { method: 'GET', path: '/products' },
  input: Type.Object({
    session_id: SessionId,
    query: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'What to look for, e.g. "basmati rice 1 kg"' })),
    category: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'A category id or name from browse_categories, e.g. "Foodgrains"' }),
    ),
    min_price: Type.Optional(Type.Number({ minimum: 0, maximum: 10_000_000, description: 'Lowest price in rupees' })),
    max_price: Type.Optional(Type.Number({ minimum: 0, maximum: 10_000_000, description: 'Highest price in rupees' })),
    brand: Type.Optional(Type.String({ minLength: 1, maxLength: 80, description: 'Only this brand, e.g. "Amul"' })),
    provider_id: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{1,100}$', description: 'Only this seller' })),
    veg: Type.Optional(Type.Boolean({ description: 'true: vegetarian only; false: non-vegetarian only' })),
    in_stock: Type.Optional(Type.Boolean({ description: 'true: leave out what is out of stock' })),
    cod: Type.Optional(Type.Boolean({ description: 'true: only products payable by cash on delivery' })),
    pincode: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{5}$', description: 'Only products whose seller delivers to this pincode' })),
    min_rating: Type.Optional(Type.Number({ minimum: 0, maximum: 5, description: 'Lowest product rating, 0 to 5' })),
    sort: Type.Union(
      [Type.Literal('relevance'), Type.Literal('price_asc'), Type.Literal('price_desc'), Type.Literal('rating')],
      { default: 'relevance', description: 'Order of results' },
    ),
    limit: Type.Integer({ minimum: 1, maximum: 50, default: 10, description: 'Results per page' }),
    page: Type.Integer({ minimum: 1, maximum: 1000, default: 1, description: 'Page number, from 1 (or use cursor)' }),
    cursor: Type.Optional(Type.String({ pattern: '^p[1-9][0-9]{0,3}$', description: 'next_cursor from the previous page' })),
  }),
  output: Type.Object({
    query: Type.Union([Type.String(), Type.Null()]),
    category: Type.Union([Type.String(), Type.Null()]),
    results: Type.Array(ProductView),
    total: Type.Integer({ description: 'Matching products across all pages' }),
    page: Type.Integer(),
    limit: Type.Integer(),
    total_pages: Type.Integer(),
    next_cursor: Type.Union([Type.String(), Type.Null()], { description: 'Pass as cursor for the next page; null on the last' }),
    facets: Type.Object(
      {
        categories: Type.Array(Facet),
        price_bands: Type.Array(Facet),
        providers: Type.Array(Facet),
        diet: Type.Array(Facet),
      },
      { description: 'Counts over all matches, to narrow the search with category, min_price/max_price, provider_id or veg' },
    ),
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
    if (input.pincode !== undefined && !deps.pincodes.lookup(input.pincode)) {
      throw new DomainError('VALIDATION_FAILED', `${input.pincode} is not an Indian delivery pincode in India Post's directory; check the six digits.`);
    }
    const page = input.cursor ? Number(input.cursor.slice(1)) : input.page;
    const result = await deps.catalog.search({
      text: input.query,
      category: input.category,
      minPricePaise: input.min_price === undefined ? undefined : rupeesToPaise(input.min_price),
      maxPricePaise: input.max_price === undefined ? undefined : rupeesToPaise(input.max_price),
      brand: input.brand,
      providerId: input.provider_id,
      veg: input.veg,
      inStock: input.in_stock,
      cod: input.cod,
      pincode: input.pincode,
      minRating: input.min_rating,
      sort: input.sort,
      limit: input.limit,
      page,
    });
    const results = [];
    for (const hit of result.hits) {
      results.push(productView(hit.product, await deps.catalog.getProvider(hit.product.providerId)));
    }
    const totalPages = Math.ceil(result.total / input.limit);
    return {
      query: input.query ?? null,
      category: input.category ?? null,
      results,
      total: result.total,
      page,
      limit: input.limit,
      total_pages: totalPages,
      next_cursor: page < totalPages ? `p${page + 1}` : null,
      facets: {
        categories: result.facets.categories,
        price_bands: result.facets.priceBands,
        providers: result.facets.providers,
        diet: result.facets.diet,
      },
    };
  },
});
