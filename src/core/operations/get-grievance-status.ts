import { Type } from '@sinclair/typebox';
import { laterExchange, orders } from '../checkout.js';
import { DomainError } from '../errors.js';
import { GrievanceId, grievances, grievanceView, GrievanceView, requireGrievance } from '../grievances.js';
import { defineOperation } from '../operation.js';
import { SessionId } from '../schemas.js';
import { requireSession } from '../session.js';

export const getGrievanceStatus = defineOperation({
  name: 'get_grievance_status',
  title: 'Complaint status',
  description: 'Ask the seller where a complaint from raise_grievance stands (ONDC IGM issue_status): PROCESSING, RESOLVED, and the resolution (a refund, a replacement…).',
  http: { method: 'GET', path: '/grievances/:grievance_id' },
  input: Type.Object({ session_id: SessionId, grievance_id: GrievanceId }),
  output: GrievanceView,
  hints: { readOnly: true, idempotent: true, destructive: false, openWorld: true },
  summarize: (g) => `Complaint ${g.grievance_id}: ${g.status}${g.resolution ? ` — ${g.resolution.text}` : ''}.`,
  run: async ({ session_id, grievance_id }, { deps }) => {
    const session = await requireSession(deps, session_id);
    const { grievance, order } = await requireGrievance(deps, session, grievance_id);
    const answer = await deps.network.issueStatus({ exchange: order.exchange, seller: order.seller, issueId: grievance.id });
    if (answer.refusal || !answer.issue) {
      throw new DomainError('SELLER_REFUSED', `${order.seller.name} gave no status for the complaint: ${answer.refusal?.message ?? 'no answer'}.`);
    }
    const saved = await grievances(deps).update(grievance.id, (g) => ({ ...g, state: answer.issue! }));
    await orders(deps).update(order.id, (o) => ({ ...o, exchange: laterExchange(o.exchange, answer.exchange) }));
    return grievanceView(saved ?? grievance);
  },
});
