/**
 * The sandbox registry: ONDC's `/v2.0/lookup` over the participants of the local network. Like ONDC's own, it
 * answers only signed lookups from subscribers it knows.
 */
import type { FastifyPluginAsync } from 'fastify';
import { keepRawJson } from '../ondc/raw-json.js';
import type { LookupQuery, RegistryEntry } from '../ondc/registry.js';
import { SignatureError, verifyAuthorization } from '../ondc/signing.js';
import { registryEntry } from './identities.js';

export interface SandboxRegistryOptions {
  entries: () => RegistryEntry[];
  /** Adds a buyer app to the network (sandbox only: ONDC's registry has its own onboarding). */
  subscribe: (entry: RegistryEntry) => void;
}

interface SubscribeBody {
  subscriber_id?: unknown;
  ukId?: unknown;
  subscriber_url?: unknown;
  signing_public_key?: unknown;
}

const FILTERS = ['subscriber_id', 'ukId', 'type', 'domain', 'city', 'country'] as const;

export function matchEntries(entries: RegistryEntry[], query: LookupQuery): RegistryEntry[] {
  return entries.filter((entry) =>
    FILTERS.every((key) => {
      const wanted = query[key];
      if (wanted === undefined) return true;
      // A participant listed for every city or domain matches any asked-for value.
      if ((key === 'city' || key === 'domain') && entry[key] === '*') return true;
      return entry[key] === wanted;
    }),
  );
}

export const sandboxRegistry: FastifyPluginAsync<SandboxRegistryOptions> = async (app, opts) => {
  keepRawJson(app);

  app.post('/v2.0/lookup', async (request, reply) => {
    const keyOf = (subscriberId: string, ukId: string) =>
      opts.entries().find((e) => e.subscriber_id === subscriberId && e.ukId === ukId)?.signing_public_key ?? null;
    try {
      await verifyAuthorization(request.rawBody ?? '', request.headers.authorization ?? '', async (s, k) => keyOf(s, k));
    } catch (err) {
      if (!(err instanceof SignatureError)) throw err;
      return reply.code(401).send({ error: { code: '1000', message: `lookup must be signed by a subscriber: ${err.message}` } });
    }
    const query = request.body as LookupQuery | undefined;
    if (!query || typeof query !== 'object' || Array.isArray(query)) {
      return reply.code(400).send({ error: { code: '1050', message: 'lookup body must be a JSON object of filters' } });
    }
    return matchEntries(opts.entries(), query);
  });

  /**
   * A buyer app joins by posting its subscriber id, key id, callback URL and public key, signed with that very
   * key: proof that it holds the private half. Sellers then accept its requests and it can verify their callbacks.
   */
  app.post('/subscribe', async (request, reply) => {
    const body = (request.body ?? {}) as SubscribeBody;
    const fields = ['subscriber_id', 'ukId', 'subscriber_url', 'signing_public_key'] as const;
    const missing = fields.filter((k) => typeof body[k] !== 'string' || (body[k] as string).length === 0);
    if (missing.length > 0) return reply.code(400).send({ error: { code: '1050', message: `missing ${missing.join(', ')}` } });
    const entry = body as Record<(typeof fields)[number], string>;
    if (!/^https?:\/\/\S+$/.test(entry.subscriber_url)) {
      return reply.code(400).send({ error: { code: '1050', message: 'subscriber_url must be an http(s) URL' } });
    }
    try {
      const signer = await verifyAuthorization(request.rawBody ?? '', request.headers.authorization ?? '', async () => entry.signing_public_key);
      if (signer.subscriberId !== entry.subscriber_id || signer.uniqueKeyId !== entry.ukId) {
        throw new SignatureError('bad_signature', 'the keyId of the signature names another subscriber');
      }
    } catch (err) {
      if (!(err instanceof SignatureError)) throw err;
      return reply.code(401).send({ error: { code: '1000', message: `subscribe must be signed with the key being registered: ${err.message}` } });
    }
    opts.subscribe(
      registryEntry({
        subscriberId: entry.subscriber_id,
        ukId: entry.ukId,
        type: 'BAP',
        domain: '*',
        city: '*',
        url: entry.subscriber_url,
        publicKey: entry.signing_public_key,
      }),
    );
    return { message: { ack: { status: 'ACK' } } };
  });
};
