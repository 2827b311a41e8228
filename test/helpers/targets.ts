/**
 * The networks a journey test runs against with only configuration changed: the in-process sandbox (the native
 * ONDC buyer app), or a Himira buyer backend stand-in in front of the same sandbox sellers (BACKEND_ENDPOINT and
 * WIL_API_KEY set).
 */
import type { StoredOrder } from '../../src/core/checkout.js';
import type { RuntimeOptions } from '../../src/deps.js';
import { startHimiraStandin, type HimiraStandin } from './himira-standin.js';
import { openTestShop, type TestShop } from './shop.js';

export type Target = 'sandbox' | 'himira';
export const TARGETS: readonly Target[] = ['sandbox', 'himira'];

export interface TargetShop extends TestShop {
  target: Target;
  /** The backend stand-in, on the himira target. */
  standin?: HimiraStandin;
  /** What the sellers do on their own, on whichever network the target reaches (the sandbox's hooks, or the stand-in's). */
  sellers: {
    /** The seller cancels one of our orders for its own reason. */
    cancel(order: StoredOrder, reasonId: string): Promise<boolean>;
    /** A buyer cancel with any reason code, sent past our own checks: the seller's refusal in words ('' if none). */
    cancelUnchecked(order: StoredOrder, reasonId: string): Promise<string>;
  };
  /** Brings our catalog up to what the sellers changed: the sandbox sellers push changes, a backend's index is pulled. */
  catalogChanges(): Promise<void>;
}

/** SANDBOX_* settings describe the sellers: on the himira target they go to the stand-in's sandbox. */
const sellerKeys = (env: Record<string, string>) => Object.fromEntries(Object.entries(env).filter(([k]) => k.startsWith('SANDBOX_')));

export async function openShopFor(target: Target, env: Record<string, string> = {}, options: RuntimeOptions = {}): Promise<TargetShop> {
  if (target === 'sandbox') {
    const shop = await openTestShop(env, options);
    const { runtime } = shop;
    return {
      ...shop,
      target,
      sellers: {
        cancel: (order, reasonId) => runtime.sandbox!.sellerCancel({ bppId: order.seller.bppId, bapId: runtime.buyer.subscriberId, orderId: order.id, reasonId }),
        cancelUnchecked: (order, reasonId) =>
          runtime.buyer
            .call({ action: 'cancel', bppId: order.seller.bppId, domain: order.seller.domain, city: order.seller.city, transactionId: order.exchange.transactionId, after: order.exchange.lastTimestamp, message: { order_id: order.id, cancellation_reason_id: reasonId }, deadlineMs: 2000 })
            .then(() => '', (err: Error) => err.message),
      },
      catalogChanges: async () => undefined,
    };
  }
  const standin = await startHimiraStandin({ env: sellerKeys(env) });
  const shopEnv = Object.fromEntries(Object.entries(env).filter(([k]) => !k.startsWith('SANDBOX_')));
  // orders are followed through the backend's order list every fifth of a second, as often as the sellers move them here
  const shop = await openTestShop(
    { BACKEND_ORDER_FOLLOW_SECONDS: '0.2', ...shopEnv, BACKEND_ENDPOINT: standin.endpoint, WIL_API_KEY: standin.apiKey, BACKEND_CHECKOUT_URL: standin.checkoutUrl },
    options,
  ).catch(async (err) => {
    await standin.close();
    throw err;
  });
  const { network } = shop.runtime.deps;
  return {
    ...shop,
    target,
    standin,
    sellers: {
      cancel: (order, reasonId) => standin.sellerCancel(order.exchange.transactionId, reasonId),
      cancelUnchecked: async (order, reasonId) =>
        (await network.cancel({ exchange: order.exchange, seller: order.seller, orderId: order.id, reasonId })).refusal?.message ?? '',
    },
    catalogChanges: async () => {
      await shop.runtime.refresh();
    },
    close: async () => {
      await shop.close();
      await standin.close();
    },
  };
}

/** The target a journey test file runs against: JOURNEY_TARGET, set by its `.himira.test.ts` twin; sandbox by default. */
export function journeyTarget(): Target {
  const named = process.env['JOURNEY_TARGET'] ?? 'sandbox';
  if (!TARGETS.includes(named as Target)) throw new Error(`JOURNEY_TARGET=${named} is not one of ${TARGETS.join(', ')}`);
  return named as Target;
}
