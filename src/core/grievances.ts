/** Complaints (ONDC IGM issues) the buyer raised: theirs alone, kept with the seller's latest word on each. */
import { Type, type Static } from '@sinclair/typebox';
import { requireOrder, type StoredOrder } from './checkout.js';
import { DomainError } from './errors.js';
import { Money, money } from './money.js';
import type { CoreDeps } from './operation.js';
import type { IssueState, Session } from './ports.js';

export interface Grievance {
  id: string;
  orderId: string;
  sessionId: string;
  userId?: string;
  category: string;
  subCategory: string;
  description: string;
  state: IssueState;
  createdAt: string;
}

export const grievances = (deps: CoreDeps) => deps.stores.documents<Grievance>('grievance');

export const GrievanceId = Type.String({ pattern: '^grv_[A-Za-z0-9_-]{12}$', description: 'From raise_grievance' });

export const GrievanceView = Type.Object({
  grievance_id: Type.String(),
  order_id: Type.String(),
  category: Type.String(),
  sub_category: Type.String(),
  status: Type.String({ description: 'The seller\'s latest action: PROCESSING, RESOLVED…' }),
  resolution: Type.Union([Type.Object({ action: Type.String(), text: Type.String(), refund: Money }), Type.Null()]),
  respondent: Type.Union([Type.Object({ name: Type.String(), phone: Type.Union([Type.String(), Type.Null()]), email: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String(),
});
export type GrievanceView = Static<typeof GrievanceView>;

export function grievanceView(g: Grievance): GrievanceView {
  return {
    grievance_id: g.id,
    order_id: g.orderId,
    category: g.category,
    sub_category: g.subCategory,
    status: g.state.status,
    resolution: g.state.resolution ? { action: g.state.resolution.action, text: g.state.resolution.text, refund: money(g.state.resolution.refundPaise) } : null,
    respondent: g.state.respondent ? { name: g.state.respondent.name, phone: g.state.respondent.phone ?? null, email: g.state.respondent.email ?? null } : null,
    created_at: g.createdAt,
    updated_at: g.state.updatedAt,
  };
}

/** The caller's grievance, with its order (which must be the caller's too); another buyer's is not found. */
export async function requireGrievance(deps: CoreDeps, session: Session, id: string): Promise<{ grievance: Grievance; order: StoredOrder }> {
  const grievance = await grievances(deps).get(id);
  if (!grievance) throw new DomainError('NOT_FOUND', `No grievance ${id} for this buyer; raise_grievance opens one.`);
  try {
    return { grievance, order: await requireOrder(deps, session, grievance.orderId) };
  } catch {
    throw new DomainError('NOT_FOUND', `No grievance ${id} for this buyer; raise_grievance opens one.`);
  }
}
