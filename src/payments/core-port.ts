/**
 * The payment gateway as the core's PaymentPort: gateway failures become PAYMENT_UNAVAILABLE (503, retry) with a
 * message that says what to do, never the gateway's raw error (which may name internals).
 */
import { DomainError } from '../core/errors.js';
import type { PaymentPort } from '../core/ports.js';
import { PaymentError, type PaymentGateway } from './port.js';

async function guarded<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (!(err instanceof PaymentError)) throw err;
    throw new DomainError('PAYMENT_UNAVAILABLE', `The payment gateway could not be used (${err.code}); nothing was charged. Try again shortly or choose cash on delivery.`);
  }
}

export function paymentPort(gateway: PaymentGateway): PaymentPort {
  return {
    kind: gateway.kind,
    createOrder: (args) => guarded(gateway.createOrder(args)),
    verifyPayment: (args) => guarded(gateway.verifyPayment(args)),
    confirmPayment: (args) => guarded(gateway.confirmPayment(args)),
  };
}

/** Used on a real ONDC network until a Razorpay account is configured: prepaid is refused, cash on delivery works. */
export const noPayments: PaymentPort = {
  kind: 'none',
  createOrder: async () => {
    throw new DomainError('PAYMENT_UNAVAILABLE', 'No payment gateway is configured on this server; choose cash on delivery.');
  },
  verifyPayment: async () => {
    throw new DomainError('PAYMENT_UNAVAILABLE', 'No payment gateway is configured on this server.');
  },
  confirmPayment: async () => {
    throw new DomainError('PAYMENT_UNAVAILABLE', 'No payment gateway is configured on this server.');
  },
};
