/**
 * A sandbox seller moves each order through its life on its own, as real seller apps do, and tells the buyer app
 * with unsolicited on_status messages (each with a fresh message id): Packed, Agent-assigned, Order-picked-up
 * (the order goes In-progress and an invoice appears), Out-for-delivery, Order-delivered (Completed).
 */
import type { SellerOrder, SellerOrderState } from './orders.js';

interface Step {
  fulfillment: string;
  order: SellerOrderState;
}

export const FULFILLMENT_STEPS: readonly Step[] = [
  { fulfillment: 'Packed', order: 'Accepted' },
  { fulfillment: 'Agent-assigned', order: 'Accepted' },
  { fulfillment: 'Order-picked-up', order: 'In-progress' },
  { fulfillment: 'Out-for-delivery', order: 'In-progress' },
  { fulfillment: 'Order-delivered', order: 'Completed' },
];

type Json = Record<string, any>;

/** The order's wire form after a step, stamped with the on_status's own timestamp. */
export function advance(order: SellerOrder, step: Step, at: string, invoiceUrl: string): Json {
  const wire = structuredClone(order.wire) as Json;
  wire['state'] = step.order;
  wire['updated_at'] = at;
  const fulfillment = (wire['fulfillments'] as Json[] | undefined)?.[0];
  if (fulfillment) {
    fulfillment['state'] = { descriptor: { code: step.fulfillment } };
    if (step.fulfillment === 'Order-picked-up') fulfillment['start'] = { ...fulfillment['start'], time: { ...fulfillment['start']?.time, timestamp: at } };
    if (step.fulfillment === 'Order-delivered') fulfillment['end'] = { ...fulfillment['end'], time: { ...fulfillment['end']?.time, timestamp: at } };
  }
  // ONDC: the invoice is shared from pickup on.
  if (step.order !== 'Accepted') wire['documents'] = [{ url: invoiceUrl, label: 'Invoice' }];
  return wire;
}

/** Runs one timer at a time per order; stop() cancels every pending step (network shutdown). */
export class Progression {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly stepMs: number) {}

  start(order: SellerOrder, onStep: (step: Step) => Promise<void>): void {
    const next = (i: number) => {
      const step = FULFILLMENT_STEPS[i];
      if (!step || order.state === 'Cancelled') return;
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        void onStep(step).then(() => next(i + 1));
      }, this.stepMs);
      timer.unref();
      this.timers.add(timer);
    };
    next(0);
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
