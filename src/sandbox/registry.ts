/**
 * The sandbox registry: ONDC's `/v2.0/lookup` over the participants of the local network. Like ONDC's own, it
 * answers only signed lookups from subscribers it knows.
 */
import type { FastifyPluginAsync } from 'fastify';
import { keepRawJson } from '../ondc/raw-json.js';
import type { LookupQuery, RegistryEntry } from '../ondc/registry.js';
import { SignatureError, verifyAuthorization } from '../ondc/signing.js';

export interface SandboxRegistryOptions {
  entries: () => RegistryEntry[];
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
};
