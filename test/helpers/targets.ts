/**
 * The networks a journey test runs against with only configuration changed: the in-process sandbox (the native
 * ONDC buyer app), or a Himira buyer backend stand-in in front of the same sandbox sellers (BACKEND_ENDPOINT and
 * WIL_API_KEY set).
 */
import type { RuntimeOptions } from '../../src/deps.js';
import { startHimiraStandin, type HimiraStandin } from './himira-standin.js';
import { openTestShop, type TestShop } from './shop.js';

export type Target = 'sandbox' | 'himira';
export const TARGETS: readonly Target[] = ['sandbox', 'himira'];

export interface TargetShop extends TestShop {
  target: Target;
  /** The backend stand-in, on the himira target. */
  standin?: HimiraStandin;
}

/** SANDBOX_* settings describe the sellers: on the himira target they go to the stand-in's sandbox. */
const sellerKeys = (env: Record<string, string>) => Object.fromEntries(Object.entries(env).filter(([k]) => k.startsWith('SANDBOX_')));

export async function openShopFor(target: Target, env: Record<string, string> = {}, options: RuntimeOptions = {}): Promise<TargetShop> {
  if (target === 'sandbox') return { ...(await openTestShop(env, options)), target };
  const standin = await startHimiraStandin({ env: sellerKeys(env) });
  const shopEnv = Object.fromEntries(Object.entries(env).filter(([k]) => !k.startsWith('SANDBOX_')));
  const shop = await openTestShop(
    { ...shopEnv, BACKEND_ENDPOINT: standin.endpoint, WIL_API_KEY: standin.apiKey, BACKEND_CHECKOUT_URL: standin.checkoutUrl },
    options,
  ).catch(async (err) => {
    await standin.close();
    throw err;
  });
  return {
    ...shop,
    target,
    standin,
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
