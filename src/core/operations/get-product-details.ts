import { Type } from '@sinclair/typebox';
import { requireProduct } from '../cart.js';
import { Money, money } from '../money.js';
import { defineOperation } from '../operation.js';
import { ProductIdParam, ProductView, SessionId } from '../schemas.js';
import { requireSession } from '../session.js';
import { productView } from '../views.js';

export const getProductDetails = defineOperation({
  name: 'get_product_details',
  title: 'Product details',
  description:
    'Show everything about one product from search_products: full description, tags, return and cancellation ' +
    'terms, time to ship, and its seller (city, minimum order, delivery and packing charges, cash on delivery). ' +
    'Next: add_to_cart.',
  http: { method: 'GET', path: '/products/:product_id' },
  input: Type.Object({ session_id: SessionId, product_id: ProductIdParam }),
  output: Type.Object({
    product: ProductView,
    long_description: Type.String(),
    tags: Type.Array(Type.String()),
    seller: Type.Object({
      id: Type.String(),
      name: Type.String(),
      description: Type.String(),
      city: Type.String({ description: 'ONDC std: city code' }),
      rating: Type.Number(),
      min_order_value: Money,
      delivery_charge: Money,
      packing_charge: Money,
      cod: Type.Boolean(),
    }),
  }),
  hints: { readOnly: true, idempotent: true, destructive: false },
  summarize: (d) =>
    `${d.product.name} (${d.product.pack_size}) ₹${d.product.price.value} from ${d.seller.name}; ` +
    `${d.product.in_stock ? 'in stock' : 'out of stock'}.`,
  run: async ({ session_id, product_id }, { deps }) => {
    await requireSession(deps, session_id);
    const product = await requireProduct(deps, product_id);
    const provider = await deps.catalog.getProvider(product.providerId);
    return {
      product: productView(product, provider),
      long_description: product.longDesc,
      tags: product.tags,
      seller: {
        id: product.providerId,
        name: provider?.name ?? product.providerId,
        description: provider?.shortDesc ?? '',
        city: provider?.city ?? '',
        rating: provider?.rating ?? 0,
        min_order_value: money(provider?.minOrderValuePaise ?? 0),
        delivery_charge: money(provider?.deliveryChargePaise ?? 0),
        packing_charge: money(provider?.packingChargePaise ?? 0),
        cod: provider?.cod ?? false,
      },
    };
  },
});

