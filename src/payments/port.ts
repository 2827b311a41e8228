/**
 * The payment port: what checkout needs from a payment gateway. Amounts are integer paise throughout. The
 * Razorpay adapter implements it; pointed at the local sandbox gateway, the same adapter is the sandbox gateway.
 */

export interface PaymentOrder {
  gatewayOrderId: string;
  amountPaise: number;
  currency: 'INR';
  receipt: string;
  status: 'created' | 'attempted' | 'paid';
  /** Where the buyer goes to pay this order. */
  checkoutUrl: string;
}

export interface PaymentResult {
  /** True only when the signature, order, amount and a captured status all check out at the gateway. */
  verified: boolean;
  paymentId: string;
  gatewayOrderId: string;
  /** What the gateway says was paid (0 when the gateway knows no such payment). */
  amountPaise: number;
  status: 'captured' | 'authorized' | 'failed';
  /** Why `verified` is false. */
  reason?: string;
}

export interface PaymentGateway {
  readonly kind: 'sandbox' | 'razorpay';
  createOrder(args: { amountPaise: number; receipt: string; notes?: Record<string, string> }): Promise<PaymentOrder>;
  /** Verifies the checkout signature AND fetches the payment from the gateway: never trusts what the caller says. */
  verifyPayment(args: { gatewayOrderId: string; paymentId: string; signature: string; expectedAmountPaise: number }): Promise<PaymentResult>;
  /** The gateway's own account of a payment it reported by webhook: order, amount and captured status, no signature. */
  confirmPayment(args: { gatewayOrderId: string; paymentId: string; expectedAmountPaise: number }): Promise<PaymentResult>;
}

export type PaymentErrorCode =
  /** Our own request was malformed (e.g. a fractional amount); nothing was sent. */
  | 'INVALID_REQUEST'
  /** The gateway could not be reached (DNS, refused connection, reset). */
  | 'GATEWAY_UNREACHABLE'
  | 'GATEWAY_TIMEOUT'
  /** The gateway rejected our API key (HTTP 401): a configuration problem, not the buyer's. */
  | 'GATEWAY_AUTH_FAILED'
  /** The gateway refused the request (HTTP 4xx other than 401). */
  | 'GATEWAY_REFUSED'
  /** The gateway failed (HTTP 5xx). */
  | 'GATEWAY_FAILED'
  /** The gateway answered 2xx with something that is not what its contract promises. */
  | 'GATEWAY_BAD_RESPONSE';

export interface PaymentErrorDetails {
  /** The gateway's HTTP status, when it answered. */
  status?: number;
  /** The gateway's own error fields (Razorpay: error.code, error.reason, error.field). */
  gatewayCode?: string;
  gatewayReason?: string;
  field?: string;
  cause?: unknown;
}

/** The gateway was unreachable, refused us or answered nonsense. Messages never carry credentials. */
export class PaymentError extends Error {
  readonly status: number | undefined;
  readonly gatewayCode: string | undefined;
  readonly gatewayReason: string | undefined;
  readonly field: string | undefined;

  constructor(
    readonly code: PaymentErrorCode,
    message: string,
    details: PaymentErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'PaymentError';
    this.status = details.status;
    this.gatewayCode = details.gatewayCode;
    this.gatewayReason = details.gatewayReason;
    this.field = details.field;
  }
}
