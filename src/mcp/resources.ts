/**
 * MCP resources and prompts. Resources: a session's cart, one of its orders and one of its complaints, readable by URI (the session id in
 * the URI is the capability, checked like a tool call's). Prompts: a guided shopping trip, a return and a complaint,
 * each naming the tools to use in order.
 */
import { fromJsonSchema, ProtocolError, ProtocolErrorCode, ResourceTemplate, type McpServer } from '@modelcontextprotocol/server';
import { requireOrder } from '../core/checkout.js';
import { runOperation } from '../core/dispatch.js';
import { errorBody, isDomainError } from '../core/errors.js';
import { viewCart } from '../core/operations/view-cart.js';
import type { Caller, CoreDeps } from '../core/operation.js';
import { orderView } from '../core/order-view.js';
import { grievanceView, requireGrievance } from '../core/grievances.js';
import { requireSession } from '../core/session.js';

const json = (uri: URL, value: unknown) => ({ contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(value, null, 2) }] });

/**
 * Reads fail as MCP errors with our coded message, never with internals: a caller's mistake (an unknown session or
 * order) is invalid params, with the coded error as data; only our own failures are internal errors.
 */
async function read<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (!isDomainError(err)) throw err;
    const code = err.status >= 500 ? ProtocolErrorCode.InternalError : ProtocolErrorCode.InvalidParams;
    throw new ProtocolError(code, `${err.code}: ${err.message}`, { error: errorBody(err).error });
  }
}

// Compiled once: a server (and so its prompts) is made per /mcp request, and compiling these took a third of each one.
const GUIDED_SHOPPING_ARGS = fromJsonSchema({
  type: 'object',
  properties: { need: { type: 'string', description: 'What the shopper wants, in their words' }, pincode: { type: 'string', description: 'Delivery pincode' } },
  required: ['need'],
} as never);
const RETURN_ARGS = fromJsonSchema({ type: 'object', properties: { session_id: { type: 'string' }, order_id: { type: 'string' } }, required: ['session_id', 'order_id'] } as never);
const COMPLAINT_ARGS = fromJsonSchema({
  type: 'object',
  properties: { session_id: { type: 'string' }, order_id: { type: 'string' }, problem: { type: 'string' } },
  required: ['session_id', 'order_id'],
} as never);

export function registerResourcesAndPrompts(server: McpServer, deps: CoreDeps, caller: Caller): void {
  server.registerResource(
    'cart',
    new ResourceTemplate('shop://sessions/{session_id}/cart', { list: undefined }),
    { title: 'Cart', description: "A session's cart: lines, sellers, subtotal and warnings", mimeType: 'application/json' },
    async (uri, variables) =>
      read(async () => json(uri, await runOperation(viewCart, { session_id: String(variables['session_id']) } as never, deps, caller))),
  );
  server.registerResource(
    'order',
    new ResourceTemplate('shop://sessions/{session_id}/orders/{order_id}', { list: undefined }),
    { title: 'Order', description: 'One order as last reported by its seller: state, delivery, cancellation, returns', mimeType: 'application/json' },
    async (uri, variables) =>
      read(async () => {
        const session = await requireSession(deps, String(variables['session_id']));
        return json(uri, orderView(await requireOrder(deps, session, String(variables['order_id']))));
      }),
  );

  server.registerResource(
    'grievance',
    new ResourceTemplate('shop://sessions/{session_id}/grievances/{grievance_id}', { list: undefined }),
    { title: 'Complaint', description: 'A complaint as the seller last described it: status, resolution, who handles it', mimeType: 'application/json' },
    async (uri, variables) =>
      read(async () => {
        const session = await requireSession(deps, String(variables['session_id']));
        return json(uri, grievanceView((await requireGrievance(deps, session, String(variables['grievance_id']))).grievance));
      }),
  );

  const say = (text: string) => ({ messages: [{ role: 'user' as const, content: { type: 'text' as const, text } }] });
  server.registerPrompt(
    'guided_shopping',
    {
      title: 'Shop on ONDC',
      description: 'Find products, fill the cart across sellers, and place the order with the shopper agreeing to the totals',
      argsSchema: GUIDED_SHOPPING_ARGS,
    },
    ((args: { need: string; pincode?: string }) =>
      say(
        `Help me buy: ${args.need}.${args.pincode ? ` Deliver to pincode ${args.pincode}.` : ''} ` +
          'Call initialize_shopping, then search_products (use the pincode filter so only sellers who deliver show up) and ' +
          'show me a few options with prices. Add what I choose with add_to_cart. When I am done, select_items_for_order, ' +
          'initialize_order (ask for my address, or use a saved one if I am signed in), create_payment for each seller, ' +
          'then review_order: show me every total and ask me to confirm before confirm_order.',
      )) as never,
  );
  server.registerPrompt(
    'return_items',
    {
      title: 'Return something',
      description: 'Return items of a delivered order and follow the refund',
      argsSchema: RETURN_ARGS,
    },
    ((args: { session_id: string; order_id: string }) =>
      say(
        `I want to return items from order ${args.order_id} (session ${args.session_id}). Show me the order with ` +
          'get_order_status, ask which product, how many and why, then call return_items. Tell me the return state and, ' +
          'once the seller has the items back, the refund.',
      )) as never,
  );
  server.registerPrompt(
    'complaint',
    {
      title: 'Complain about an order',
      description: "Reach the seller's support about an order and, if that does not settle it, raise a grievance",
      argsSchema: COMPLAINT_ARGS,
    },
    ((args: { session_id: string; order_id: string; problem?: string }) =>
      say(
        `I have a problem with order ${args.order_id} (session ${args.session_id})${args.problem ? `: ${args.problem}` : ''}. ` +
          'Check the order with get_order_status, give me the seller\'s contacts from get_support_contacts, and if I want ' +
          'a formal complaint, raise_grievance and keep me posted with get_grievance_status.',
      )) as never,
  );
}
