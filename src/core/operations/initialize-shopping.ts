import { Type } from '@sinclair/typebox';
import { defineOperation } from '../operation.js';
import { SessionView } from '../schemas.js';
import { sessionView, startSession } from '../session.js';

export const initializeShopping = defineOperation({
  name: 'initialize_shopping',
  title: 'Start a shopping session',
  description:
    'Start a new shopping session and get its session_id. Call this once before anything else; every other tool ' +
    'needs the session_id it returns. The session holds the cart and expires after a period without activity. ' +
    'Next: search_products or browse_categories.',
  http: { method: 'POST', path: '/sessions' },
  input: Type.Object({}),
  output: SessionView,
  hints: { readOnly: false, idempotent: false, destructive: false },
  summarize: (s) => `Started session ${s.session_id}; it expires at ${s.expires_at} without activity.`,
  run: async (_input, { deps }) => sessionView(await startSession(deps), 0, deps.settings.sessionTtlSeconds),
});
