import { Type } from '@sinclair/typebox';
import { defineOperation } from '../operation.js';
import { SessionId, SessionView } from '../schemas.js';
import { requireSession, sessionView } from '../session.js';

export const getSessionInfo = defineOperation({
  name: 'get_session_info',
  title: 'Session info',
  description:
    'Show a shopping session: when it started, when it expires without activity, how many items its cart holds and ' +
    'whether a user is logged in. Use it to check that a session_id is still valid.',
  http: { method: 'GET', path: '/session' },
  input: Type.Object({ session_id: SessionId }),
  output: SessionView,
  hints: { readOnly: true, idempotent: true, destructive: false },
  summarize: (s) => `Session ${s.session_id}: ${s.cart_item_count} item(s) in cart, expires ${s.expires_at}.`,
  run: async ({ session_id }, { deps }) => {
    const session = await requireSession(deps, session_id);
    const cart = await deps.stores.carts.get(session_id);
    const count = cart.lines.reduce((n, l) => n + l.quantity, 0);
    return sessionView(session, count, deps.settings.sessionTtlSeconds);
  },
});
