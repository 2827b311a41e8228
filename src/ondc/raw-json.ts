import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body exactly as received, for signature checks (set inside plugins that call keepRawJson). */
    rawBody?: string;
  }
}

/**
 * Within this plugin scope, JSON bodies keep their raw text: ONDC signatures cover the exact bytes received.
 * An unparsable body becomes undefined so the route can answer with a NACK rather than Fastify's error.
 */
export function keepRawJson(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, raw, done) => {
    request.rawBody = raw as string;
    try {
      done(null, JSON.parse(raw as string));
    } catch {
      done(null, undefined);
    }
  });
}
