import { Type } from '@sinclair/typebox';
import { requireOrder } from '../checkout.js';
import { DomainError } from '../errors.js';
import { defineOperation } from '../operation.js';
import { SessionId } from '../schemas.js';
import { requireSession } from '../session.js';
import { OrderId } from './get-order-status.js';

export const CertificationDoc = Type.Object({
  domain: Type.String(),
  version: Type.String(),
  flow: Type.String(),
  bap_id: Type.String(),
  bpp_id: Type.String(),
  payload: Type.Record(Type.String(), Type.Unknown(), { description: 'Each step\'s message: { context, message, error? }' }),
});

export const getOrderOndcLog = defineOperation({
  name: 'get_order_ondc_log',
  title: 'ONDC log of an order',
  description:
    'Export every ONDC message of one order (the seller\'s catalog answer, select, init, confirm, status, …) as an ' +
    'ONDC certification document: { domain, version, flow, bap_id, bpp_id, payload }. For auditors and ' +
    'certification, rarely for shoppers.',
  http: { method: 'GET', path: '/orders/:order_id/ondc-log' },
  input: Type.Object({
    session_id: SessionId,
    order_id: OrderId,
    flow: Type.Union([Type.Literal('2'), Type.Literal('3'), Type.Literal('4')], {
      default: '2',
      description: 'Certification flow: 2 delivered order, 3 out of stock at select, 4 buyer cancel',
    }),
  }),
  output: CertificationDoc,
  hints: { readOnly: true, idempotent: true, destructive: false },
  summarize: (d) => `ONDC flow ${d.flow} log for ${d.bpp_id}: ${Object.keys(d.payload).join(', ')}.`,
  run: async ({ session_id, order_id, flow }, { deps }) => {
    const session = await requireSession(deps, session_id);
    const order = await requireOrder(deps, session, order_id);
    const doc = await deps.network.certificationLog({ transactionId: order.exchange.transactionId, bppId: order.seller.bppId, flow });
    if (!doc) throw new DomainError('NOT_FOUND', `No ONDC messages are kept for order ${order_id} (they are kept for 90 days).`);
    return doc as never;
  },
});
