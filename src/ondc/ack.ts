/** The synchronous answer to every ONDC call: an acknowledgement, never the business result. */

export const ONDC_ERROR_TYPES = ['CONTEXT-ERROR', 'CORE-ERROR', 'DOMAIN-ERROR', 'POLICY-ERROR', 'JSON-SCHEMA-ERROR'] as const;
export type OndcErrorType = (typeof ONDC_ERROR_TYPES)[number];

export interface OndcError {
  type: OndcErrorType;
  code: string;
  message?: string;
}

export interface AckBody {
  message: { ack: { status: 'ACK' | 'NACK' } };
  error?: OndcError;
}

export function ack(): AckBody {
  return { message: { ack: { status: 'ACK' } } };
}

export function nack(type: OndcErrorType, code: string, message: string): AckBody {
  return { message: { ack: { status: 'NACK' } }, error: { type, code, message } };
}

export function isAck(body: unknown): boolean {
  return (body as AckBody | undefined)?.message?.ack?.status === 'ACK';
}
