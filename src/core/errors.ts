/**
 * Coded errors. The core throws these; each surface (REST, MCP) translates them once.
 * Every message says what went wrong and what to do next.
 */

/** The seed's error types; they are part of the public contract of both surfaces. */
export type ErrorType =
  | 'validation_error'
  | 'authentication_error'
  | 'backend_error'
  | 'rate_limit_error'
  | 'session_error'
  | 'network_error'
  | 'internal_error';

interface CodeSpec {
  type: ErrorType;
  status: number;
}

/** The one table from error code to type and HTTP status. */
export const ERROR_CODES = {
  VALIDATION_FAILED: { type: 'validation_error', status: 400 },
  SESSION_REQUIRED: { type: 'session_error', status: 400 },
  SESSION_NOT_FOUND: { type: 'session_error', status: 404 },
  PRODUCT_NOT_FOUND: { type: 'validation_error', status: 404 },
  CATEGORY_NOT_FOUND: { type: 'validation_error', status: 404 },
  CART_ITEM_NOT_FOUND: { type: 'validation_error', status: 404 },
  OUT_OF_STOCK: { type: 'validation_error', status: 409 },
  QUANTITY_LIMIT: { type: 'validation_error', status: 422 },
  CART_FULL: { type: 'validation_error', status: 422 },
  NOT_FOUND: { type: 'validation_error', status: 404 },
  METHOD_NOT_ALLOWED: { type: 'validation_error', status: 405 },
  PAYLOAD_TOO_LARGE: { type: 'validation_error', status: 413 },
  UNSUPPORTED_MEDIA_TYPE: { type: 'validation_error', status: 415 },
  RATE_LIMITED: { type: 'rate_limit_error', status: 429 },
  STORE_UNAVAILABLE: { type: 'backend_error', status: 503 },
  INDEX_UNAVAILABLE: { type: 'backend_error', status: 503 },
  NETWORK_UNAVAILABLE: { type: 'network_error', status: 503 },
  SHUTTING_DOWN: { type: 'backend_error', status: 503 },
  CART_EMPTY: { type: 'validation_error', status: 409 },
  CHECKOUT_NOT_FOUND: { type: 'validation_error', status: 404 },
  CHECKOUT_STEP: { type: 'validation_error', status: 409 },
  CHECKOUT_EXPIRED: { type: 'validation_error', status: 409 },
  SELLER_REFUSED: { type: 'backend_error', status: 422 },
  PAYMENT_NOT_VERIFIED: { type: 'validation_error', status: 402 },
  PAYMENT_UNAVAILABLE: { type: 'backend_error', status: 503 },
  CONFIRM_IN_PROGRESS: { type: 'validation_error', status: 409 },
  ORDER_NOT_FOUND: { type: 'validation_error', status: 404 },
  UNAUTHENTICATED: { type: 'authentication_error', status: 401 },
  TOKEN_INVALID: { type: 'authentication_error', status: 401 },
  SESSION_MISMATCH: { type: 'authentication_error', status: 403 },
  LOGIN_REQUIRED: { type: 'authentication_error', status: 401 },
  OTP_INVALID: { type: 'authentication_error', status: 401 },
  OTP_EXPIRED: { type: 'authentication_error', status: 401 },
  OTP_LOCKED: { type: 'rate_limit_error', status: 429 },
  OTP_RATE_LIMITED: { type: 'rate_limit_error', status: 429 },
  OTP_DELIVERY_FAILED: { type: 'backend_error', status: 503 },
  IDEMPOTENCY_MISMATCH: { type: 'validation_error', status: 409 },
  REVIEW_REQUIRED: { type: 'validation_error', status: 409 },
  REVIEW_EXPIRED: { type: 'validation_error', status: 409 },
  REVIEW_STALE: { type: 'validation_error', status: 409 },
  CONFIRM_DECLINED: { type: 'validation_error', status: 409 },
  CONFIRM_CANCELLED: { type: 'validation_error', status: 409 },
  CANCEL_REFUSED: { type: 'backend_error', status: 409 },
  IDEMPOTENCY_IN_PROGRESS: { type: 'validation_error', status: 409 },
  FORBIDDEN: { type: 'authentication_error', status: 403 },
  INTERNAL: { type: 'internal_error', status: 500 },
} as const satisfies Record<string, CodeSpec>;

export type ErrorCode = keyof typeof ERROR_CODES;

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }

  get type(): ErrorType {
    return ERROR_CODES[this.code].type;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}

export function isDomainError(err: unknown): err is DomainError {
  return err instanceof DomainError;
}

/** The wire shape of an error on both surfaces. */
export interface ErrorBody {
  success: false;
  error: { type: ErrorType; code: ErrorCode; message: string; details?: Record<string, unknown> };
}

export function errorBody(err: DomainError): ErrorBody {
  const error: ErrorBody['error'] = { type: err.type, code: err.code, message: err.message };
  if (err.details) error.details = err.details;
  return { success: false, error };
}
