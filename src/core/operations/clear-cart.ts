import { Type } from '@sinclair/typebox';
import { clearCart as clearLines, summarizeCart, viewCart as priceCart } from '../cart.js';
import { defineOperation } from '../operation.js';
import { CartView, SessionId } from '../schemas.js';
import { requireSession } from '../session.js';

export const clearCart = defineOperation({
  name: 'clear_cart',
  title: 'Empty the cart',
  description: 'Remove every product from the cart. Ask the user first: this cannot be undone.',
  http: { method: 'DELETE', path: '/cart' },
  input: Type.Object({ session_id: SessionId }),
  output: CartView,
  hints: { readOnly: false, idempotent: true, destructive: true },
  summarize: summarizeCart,
  run: async ({ session_id }, { deps }) => {
    await requireSession(deps, session_id);
    return priceCart(deps, await clearLines(deps, session_id));
  },
});
