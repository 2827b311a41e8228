/**
 * The local ONDC network: a registry, a gateway and one seller app per sandbox provider, served on loopback HTTP
 * by one Fastify server (real sockets, real signatures). Runs inside `npm start` by default, or alone as a
 * network for any buyer app.
 */
import Fastify, { type FastifyBaseLogger } from 'fastify';
import type { Catalog } from '../core/catalog.js';
import { ack, nack } from '../ondc/ack.js';
import type { RegistryEntry } from '../ondc/registry.js';
import { createSender, type Sender } from '../ondc/sender.js';
import { signedRoutes } from '../ondc/signed-routes.js';
import { verifyAuthorization } from '../ondc/signing.js';
import { createHash } from 'node:crypto';
import { createSellerApp } from './bpp/seller.js';
import { faultSwitch, type SellerFaults } from './faults.js';
import { sandboxGatewayUrls, sandboxPayments } from './payments.js';
import { sandboxIdentity, type SandboxIdentity } from './identities.js';
import { matchEntries, sandboxRegistry } from './registry.js';

export const SANDBOX_GATEWAY_ID = 'gateway.sandbox.ondc.local';

export interface SandboxNetworkOptions {
  catalog: Catalog;
  seed: number;
  host?: string;
  port?: number;
  logger: FastifyBaseLogger;
  now?: () => Date;
  /** Time between an order's fulfillment steps at the sellers; tests make it short. */
  statusStepMs?: number;
}

const DEFAULT_STATUS_STEP_MS = 20_000;

export interface SandboxNetwork {
  url: string;
  /** The Razorpay-like payment gateway of the sandbox, and the test-mode keys it accepts. */
  payments: { baseUrl: string; checkoutBaseUrl: string; keyId: string; keySecret: string };
  registryUrl: string;
  gatewayUrl: string;
  /** Lets a buyer app join the network (what subscribing to ONDC's registry does). */
  subscribe(entry: RegistryEntry): void;
  /**
   * A seller cancels an order on its own, with a seller reason (002 item unavailable, 005, 018 pincode not
   * serviceable, 022 payment failed): an unsolicited on_cancel. False when it has no such order or it is on its way.
   */
  sellerCancel(args: { bppId: string; bapId: string; orderId: string; reasonId: string }): Promise<boolean>;
  /** Puts one seller app (by bpp_id) down, makes it slow, or brings it back: real faults for tests. */
  seller(bppId: string): SellerFaults;
  entries(): RegistryEntry[];
  close(): Promise<void>;
}

export async function startSandboxNetwork(opts: SandboxNetworkOptions): Promise<SandboxNetwork> {
  const now = opts.now ?? (() => new Date());
  const host = opts.host ?? '127.0.0.1';
  const app = Fastify({ loggerInstance: opts.logger, bodyLimit: 8 * 1024 * 1024 });
  // Routes must be registered before Fastify listens, and the port is only known after: URLs are read late.
  let url = '';
  const pending: Array<() => void> = [];

  const subscribers = new Map<string, RegistryEntry>();
  const keyOf = (entry: RegistryEntry) => `${entry.subscriber_id}|${entry.ukId}`;
  const subscribe = (entry: RegistryEntry) => void subscribers.set(keyOf(entry), entry);
  const entries = () => [...subscribers.values()];
  const lookupKey = async (subscriberId: string, ukId: string) => subscribers.get(`${subscriberId}|${ukId}`)?.signing_public_key ?? null;
  const verify = (raw: string, header: string) => verifyAuthorization(raw, header, lookupKey);
  const senders: Sender[] = [];
  const sellers: Array<{ close(): void }> = [];
  const sellersById = new Map<string, ReturnType<typeof createSellerApp>>();
  const faults = new Map<string, SellerFaults>();
  const newSender = (identity: SandboxIdentity) => {
    const sender = createSender({ key: identity.key, timeoutMs: 10_000 });
    senders.push(sender);
    return sender;
  };

  const gateway = sandboxIdentity({ subscriberId: SANDBOX_GATEWAY_ID, type: 'BG', domain: '*', city: '*', url: '/gateway', seed: opts.seed });
  pending.push(() => subscribe({ ...gateway.entry, subscriber_url: `${url}/gateway` }));
  const gatewaySender = newSender(gateway);

  await app.register(sandboxRegistry, { prefix: '/registry', entries, subscribe });
  const paymentKeys = {
    keyId: 'rzp_test_sandbox',
    // Test-mode secret of a local sandbox, derived from the seed like the participants' keys.
    keySecret: createHash('sha256').update(`ondc-sandbox-payments:${opts.seed}`).digest('hex').slice(0, 24),
  };
  await app.register(sandboxPayments, { prefix: '/razorpay', ...paymentKeys });

  await app.register(signedRoutes, {
    prefix: '/gateway',
    realm: SANDBOX_GATEWAY_ID,
    verify,
    codes: { badSignature: '10001', badRequest: '10000' },
    routes: [
      {
        action: 'search',
        handle: async ({ raw, authorization, body }) => {
          const sellers = matchEntries(entries(), { type: 'BPP', domain: body.context.domain, city: body.context.city });
          if (sellers.length === 0) return nack('CONTEXT-ERROR', '10002', `No seller app serves ${body.context.domain} in ${body.context.city}`);
          // Forwarded after the ACK, byte for byte, so each seller can verify the buyer app's own signature.
          setImmediate(() => {
            for (const seller of sellers) {
              gatewaySender.forward(`${seller.subscriber_url}/search`, raw, authorization).then(
                (result) => {
                  if (!result.ack) opts.logger.warn({ seller: seller.subscriber_id, status: result.status }, 'seller refused a forwarded search');
                },
                (err: Error) => opts.logger.warn({ seller: seller.subscriber_id, err: err.message }, 'search could not be forwarded'),
              );
            }
          });
          return ack();
        },
      },
    ],
  });

  for (const provider of opts.catalog.providers) {
    const path = `/bpp/${provider.bppId}`;
    const identity = sandboxIdentity({ subscriberId: provider.bppId, type: 'BPP', domain: provider.domain, city: provider.city, url: path, seed: opts.seed });
    pending.push(() => subscribe({ ...identity.entry, subscriber_url: `${url}${path}` }));
    const seller = createSellerApp({
      identity,
      url: () => `${url}${path}`,
      provider,
      products: opts.catalog.products.filter((p) => p.providerId === provider.id),
      sender: newSender(identity),
      now,
      onCallbackFailure: (action, reason) => opts.logger.warn({ seller: provider.bppId, action, reason }, 'sandbox callback failed'),
      statusStepMs: opts.statusStepMs ?? DEFAULT_STATUS_STEP_MS,
    });
    sellers.push(seller);
    sellersById.set(provider.bppId, seller);
    const fault = faultSwitch();
    faults.set(provider.bppId, fault.controls);
    // the seller's routes in a scope of their own, so that its faults touch no other participant
    await app.register(
      async (scope) => {
        scope.addHook('onRequest', fault.onRequest);
        await scope.register(signedRoutes, {
          realm: provider.bppId,
          verify,
          verifyGateway: true,
          codes: { badSignature: '30016', badRequest: '30000' },
          routes: seller.routes,
        });
      },
      { prefix: path },
    );
  }

  await app.listen({ host, port: opts.port ?? 0 });
  url = `http://${host}:${(app.server.address() as { port: number }).port}`;
  for (const join of pending) join();

  return {
    url,
    payments: { ...sandboxGatewayUrls(`${url}/razorpay`), ...paymentKeys },
    registryUrl: `${url}/registry`,
    gatewayUrl: `${url}/gateway`,
    subscribe,
    entries,
    sellerCancel: async ({ bppId, bapId, orderId, reasonId }) =>
      (await sellersById.get(bppId)?.cancelBySeller(bapId, orderId, reasonId)) ?? false,
    seller: (bppId) => {
      const controls = faults.get(bppId);
      if (!controls) throw new Error(`no sandbox seller app ${bppId}; the sellers are ${[...faults.keys()].join(', ')}`);
      return controls;
    },
    close: async () => {
      for (const seller of sellers) seller.close();
      await app.close();
      await Promise.all(senders.map((s) => s.close()));
    },
  };
}
