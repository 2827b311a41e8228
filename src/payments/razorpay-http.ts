/**
 * Razorpay's REST API over undici: Basic auth with key_id:key_secret, JSON both ways, a deadline on every call,
 * and every failure turned into a PaymentError whose message cannot carry the key secret.
 */
import { request } from 'undici';
import { PaymentError } from './port.js';
import type { RazorpayErrorBody } from './razorpay-wire.js';

export interface RazorpayHttpOptions {
  baseUrl: string;
  keyId: string;
  keySecret: string;
  timeoutMs: number;
}

export type RazorpayCall = (method: 'GET' | 'POST', path: string, body?: unknown) => Promise<unknown>;

const TIMEOUT_NAMES = new Set(['TimeoutError', 'HeadersTimeoutError', 'BodyTimeoutError', 'ConnectTimeoutError']);
const MAX_DESCRIPTION = 300;

export function createRazorpayCall(opts: RazorpayHttpOptions): RazorpayCall {
  const base = apiBase(opts.baseUrl);
  const authorization = `Basic ${Buffer.from(`${opts.keyId}:${opts.keySecret}`).toString('base64')}`;
  const redact = (text: string) => (opts.keySecret ? text.split(opts.keySecret).join('[redacted]') : text);

  return async (method, path, body) => {
    const where = `${method} ${path}`;
    let status: number;
    let text: string;
    try {
      const res = await request(`${base}${path}`, {
        method,
        headers: { authorization, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        headersTimeout: opts.timeoutMs,
        bodyTimeout: opts.timeoutMs,
        // The per-phase timeouts above do not bound connecting plus a slow trickle; this bounds the whole call.
        signal: AbortSignal.timeout(opts.timeoutMs),
      });
      status = res.statusCode;
      text = await res.body.text();
    } catch (err) {
      throw transportError(err, where, new URL(base).origin, opts.timeoutMs, redact);
    }
    if (status >= 200 && status < 300) return parseSuccess(text, where);
    throw httpError(status, text, where, redact);
  };
}

function apiBase(baseUrl: string): string {
  const url = new URL(baseUrl);
  // Credentials in the URL would end up in error messages and logs; they belong in the Authorization header.
  if (url.username || url.password) throw new Error('payment gateway baseUrl must not contain credentials');
  return url.href.replace(/\/+$/, '');
}

function transportError(err: unknown, where: string, origin: string, timeoutMs: number, redact: (s: string) => string): PaymentError {
  const e = err as { name?: string; message?: string };
  if (e.name !== undefined && TIMEOUT_NAMES.has(e.name)) {
    return new PaymentError('GATEWAY_TIMEOUT', `payment gateway at ${origin} did not answer ${where} within ${timeoutMs} ms`, { cause: err });
  }
  const detail = redact(e.message ?? String(err));
  return new PaymentError('GATEWAY_UNREACHABLE', `could not reach the payment gateway at ${origin} for ${where}: ${detail}`, { cause: err });
}

function parseSuccess(text: string, where: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new PaymentError('GATEWAY_BAD_RESPONSE', `payment gateway answered ${where} with a body that is not JSON`);
  }
}

function readErrorBody(text: string): RazorpayErrorBody['error'] | undefined {
  try {
    const parsed = JSON.parse(text) as Partial<RazorpayErrorBody>;
    return parsed.error && typeof parsed.error.description === 'string' ? parsed.error : undefined;
  } catch {
    return undefined;
  }
}

function httpError(status: number, text: string, where: string, redact: (s: string) => string): PaymentError {
  const body = readErrorBody(text);
  const description = redact(body?.description ?? `HTTP ${status}`).slice(0, MAX_DESCRIPTION);
  const details = {
    status,
    ...(body?.code ? { gatewayCode: body.code } : {}),
    ...(body?.reason ? { gatewayReason: body.reason } : {}),
    ...(typeof body?.field === 'string' ? { field: body.field } : {}),
  };
  if (status === 401) {
    return new PaymentError('GATEWAY_AUTH_FAILED', `payment gateway rejected our API key on ${where} (check the key id and secret): ${description}`, details);
  }
  if (status >= 500) return new PaymentError('GATEWAY_FAILED', `payment gateway failed on ${where}: ${description}`, details);
  return new PaymentError('GATEWAY_REFUSED', `payment gateway refused ${where}: ${description}`, details);
}
