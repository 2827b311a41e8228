/**
 * Razorpay's two HMAC-SHA256 signatures, hex encoded. They share an algorithm but not a key or an input, and mixing
 * them up is the classic integration bug:
 * - checkout: over `${order_id}|${payment_id}`, keyed with the API key secret;
 * - webhook: over the raw request body exactly as received, keyed with the webhook secret (X-Razorpay-Signature).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const HEX_SHA256 = /^[0-9a-f]{64}$/i;

function hmacHex(input: string | Buffer, secret: string): string {
  return createHmac('sha256', secret).update(input).digest('hex');
}

export function checkoutSignature(orderId: string, paymentId: string, secret: string): string {
  return hmacHex(`${orderId}|${paymentId}`, secret);
}

export function webhookSignature(body: string | Buffer, secret: string): string {
  return hmacHex(body, secret);
}

/** Constant-time comparison of a received hex signature with the one we computed; anything not 64 hex digits fails. */
export function signaturesMatch(received: string, expectedHex: string): boolean {
  if (!HEX_SHA256.test(received)) return false;
  return timingSafeEqual(Buffer.from(received.toLowerCase(), 'hex'), Buffer.from(expectedHex, 'hex'));
}

/**
 * Checks a webhook against its X-Razorpay-Signature header. `rawBody` must be the bytes as received: re-serialised
 * JSON rarely matches Razorpay's own encoding.
 */
export function verifyWebhook(rawBody: string | Buffer, header: string | string[] | undefined, secret: string): boolean {
  // A repeated header is ambiguous, so it is refused rather than guessed at.
  if (typeof header !== 'string') return false;
  return signaturesMatch(header.trim(), webhookSignature(rawBody, secret));
}
