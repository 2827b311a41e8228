/**
 * Coming back from the payment gateway. The pay link gives the gateway a callback_url on this service; the gateway
 * posts its result there and the server hands it to this page in the URL fragment (src/http/payment-return.ts).
 * The page then asks the server to verify the payment (verify_payment), which checks it with the gateway: what
 * the fragment says is never taken for a payment.
 */
import { ApiError, change } from '../api.ts';
import type { Checkout } from '../types.ts';
import { errorText, notice } from '../ui.ts';

type GatewayReturn =
  | { providerId: string; paid: { payment_id: string; signature: string } }
  | { providerId: string; failure: string };

/** The link to the gateway's page for one seller, telling the gateway where to send the shopper back. */
export function payLink(checkoutUrl: string, checkoutId: string, providerId: string): string {
  const back = new URL(`/checkout/${encodeURIComponent(checkoutId)}/payment-return`, window.location.origin);
  back.searchParams.set('provider_id', providerId);
  const url = new URL(checkoutUrl);
  url.searchParams.set('callback_url', back.href);
  return url.href;
}

/** Reads the gateway's result from the fragment once and clears it, so a reload or a shared link does not repeat it. */
function takeGatewayReturn(): GatewayReturn | null {
  const fields = new URLSearchParams(window.location.hash.slice(1));
  const providerId = fields.get('provider_id');
  if (!providerId) return null;
  history.replaceState(history.state, '', window.location.pathname + window.location.search);
  const paymentId = fields.get('razorpay_payment_id');
  const signature = fields.get('razorpay_signature');
  if (paymentId && signature) return { providerId, paid: { payment_id: paymentId, signature } };
  return { providerId, failure: fields.get('payment_error') ?? 'payment_failed' };
}

export interface ReturnNotice {
  providerId: string;
  notice: HTMLElement;
  /** Said to screen readers once the page is drawn. */
  message: string;
  /** A failure takes focus, so it is seen (and read) before anything else on the page. */
  failed: boolean;
}

const RETRY = 'This seller is not paid yet: use the Pay button below to try again, or choose another way to pay.';

function failed(providerId: string, text: string): ReturnNotice {
  const message = `${text} ${RETRY}`;
  const shown = notice('error', message);
  shown.tabIndex = -1;
  return { providerId, notice: shown, message, failed: true };
}

/**
 * What the shopper is told about the payment they just came back from. A payment is verified first; a failure is
 * only reported (in this page's words, since anyone can post a gateway's error text).
 */
export async function settleGatewayReturn(c: Checkout): Promise<ReturnNotice | null> {
  const returned = takeGatewayReturn();
  if (!returned) return null;
  const { providerId } = returned;
  const checkoutId = c.checkout_id;
  const name = c.sellers.find((s) => s.provider.id === providerId)?.provider.name ?? 'this seller';
  if ('failure' in returned) {
    return failed(providerId, returned.failure === 'payment_cancelled' ? `You cancelled the payment to ${name}.` : `The payment to ${name} did not go through.`);
  }
  try {
    await change<Checkout>(`verify:${checkoutId}:${providerId}`, 'POST', `/checkouts/${checkoutId}/payments/verify`, { provider_id: providerId, ...returned.paid });
  } catch (err) {
    const why = err instanceof ApiError && err.code === 'PAYMENT_NOT_VERIFIED' ? 'the payment gateway does not confirm it' : errorText(err).replace(/\.$/, '');
    return failed(providerId, `The payment to ${name} could not be verified: ${why}.`);
  }
  const message = `Payment to ${name} received and verified.`;
  return { providerId, notice: notice('success', message), message, failed: false };
}
