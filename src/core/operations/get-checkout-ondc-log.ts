import { Type } from '@sinclair/typebox';
import { requireCheckout, requireSeller } from '../checkout.js';
import { DomainError } from '../errors.js';
import { defineOperation } from '../operation.js';
import { SessionId } from '../schemas.js';
import { requireSession } from '../session.js';
import { CheckoutId } from './create-payment.js';
import { CertificationDoc } from './get-order-ondc-log.js';

export const getCheckoutOndcLog = defineOperation({
  name: 'get_checkout_ondc_log',
  title: 'ONDC log of a checkout',
  description:
    "Export one seller's ONDC messages of a checkout as a certification document, also when no order came of it " +
    '(flow 3: the seller refused at select, e.g. out of stock). For auditors and certification.',
  http: { method: 'GET', path: '/checkouts/:checkout_id/ondc-log' },
  input: Type.Object({
    session_id: SessionId,
    checkout_id: CheckoutId,
    provider_id: Type.String({ minLength: 1, maxLength: 100, description: 'Which seller of the checkout' }),
    flow: Type.Union([Type.Literal('2'), Type.Literal('3'), Type.Literal('4')], { default: '3', description: 'Certification flow' }),
  }),
  output: CertificationDoc,
  hints: { readOnly: true, idempotent: true, destructive: false },
  summarize: (d) => `ONDC flow ${d.flow} log for ${d.bpp_id}: ${Object.keys(d.payload).join(', ')}.`,
  run: async ({ session_id, checkout_id, provider_id, flow }, { deps }) => {
    const session = await requireSession(deps, session_id);
    const order = requireSeller(await requireCheckout(deps, session, checkout_id), provider_id);
    const doc = await deps.network.certificationLog({ transactionId: order.exchange.transactionId, bppId: order.seller.bppId, flow });
    if (!doc) throw new DomainError('NOT_FOUND', `No ONDC messages are kept for checkout ${checkout_id} at ${provider_id}.`);
    return doc as never;
  },
});
