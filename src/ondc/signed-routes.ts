/**
 * Endpoints that receive signed ONDC messages (the buyer app's on_* callbacks; the sandbox registry, gateway and
 * seller apps). Inside this plugin JSON bodies keep their raw text, because the signature covers the exact bytes.
 * Every request is verified before its handler runs; a bad signature gets 401 with a NACK and WWW-Authenticate.
 */
import type {} from '@fastify/swagger';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply } from 'fastify';
import { nack, type AckBody, type OndcErrorType } from './ack.js';
import { keepRawJson } from './raw-json.js';
import { contextProblems, type Action, type BecknContext } from './context.js';
import { authorizationChallenge, SignatureError, type ParsedSignature } from './signing.js';

export interface SignedRequest<T = Record<string, unknown>> {
  raw: string;
  /** The sender's Authorization header, kept so a gateway can pass the message on with it. */
  authorization: string;
  body: T & { context: BecknContext };
  signature: ParsedSignature;
  /** Set when a gateway forwarded the message and signed it too. */
  gatewaySignature?: ParsedSignature;
}

export interface SignedRoute {
  action: Action;
  handle: (request: SignedRequest) => Promise<AckBody>;
}

export interface SignedRoutesOptions {
  /** Who we are, for WWW-Authenticate. */
  realm: string;
  verify: (raw: string, header: string) => Promise<ParsedSignature>;
  routes: SignedRoute[];
  /** Error codes of our role (buyer 2xxxx, seller 3xxxx, gateway 1xxxx). */
  codes: { badSignature: string; badRequest: string };
  /** Extra context checks of this receiver (e.g. bap_id must be ours). */
  expectBapId?: string;
  /** Ask for X-Gateway-Authorization to be verified too (seller apps receiving a forwarded search). */
  verifyGateway?: boolean;
}

/** A full catalog in one on_search runs to megabytes; far above what the shopping API accepts. */
const ONDC_BODY_LIMIT = 32 * 1024 * 1024;

function refuse(reply: FastifyReply, status: number, type: OndcErrorType, code: string, message: string): AckBody {
  reply.code(status);
  return nack(type, code, message);
}

export const signedRoutes: FastifyPluginAsync<SignedRoutesOptions> = async (app: FastifyInstance, opts) => {
  keepRawJson(app);

  for (const route of opts.routes) {
    // Seller apps are authenticated by signature and may send bursts of status updates: the per-client rate
    // limit for people and assistants does not apply to them.
    app.post(`/${route.action}`, { bodyLimit: ONDC_BODY_LIMIT, config: { rateLimit: false }, schema: { hide: true } }, async (request, reply) => {
      const raw = request.rawBody;
      const header = request.headers.authorization;
      if (!header || raw === undefined) {
        reply.header('www-authenticate', authorizationChallenge(opts.realm));
        return refuse(reply, 401, 'POLICY-ERROR', opts.codes.badSignature, 'Authorization header with an ONDC signature is required');
      }
      let signature: ParsedSignature;
      let gatewaySignature: ParsedSignature | undefined;
      try {
        signature = await opts.verify(raw, header);
        const gatewayHeader = request.headers['x-gateway-authorization'];
        if (opts.verifyGateway && typeof gatewayHeader === 'string') gatewaySignature = await opts.verify(raw, gatewayHeader);
      } catch (err) {
        if (!(err instanceof SignatureError)) throw err;
        reply.header('www-authenticate', authorizationChallenge(opts.realm));
        return refuse(reply, 401, 'POLICY-ERROR', opts.codes.badSignature, `Signature rejected: ${err.message}`);
      }
      const body = request.body as SignedRequest['body'] | undefined;
      if (!body || typeof body !== 'object') {
        return refuse(reply, 400, 'JSON-SCHEMA-ERROR', opts.codes.badRequest, 'Body must be a JSON object with context and message');
      }
      const problems = contextProblems(body.context, { action: route.action, bapId: opts.expectBapId });
      if (problems.length > 0) return refuse(reply, 400, 'CONTEXT-ERROR', opts.codes.badRequest, problems.join('; '));
      // A request is signed by the buyer app that sent it, a callback by the seller app; a forwarding gateway
      // adds its own header but never replaces the sender's.
      const sender = route.action.startsWith('on_') ? body.context.bpp_id : body.context.bap_id;
      if (signature.subscriberId !== sender) {
        return refuse(reply, 401, 'POLICY-ERROR', opts.codes.badSignature, `The message is signed by ${signature.subscriberId}, not by its sender ${String(sender)}`);
      }
      return route.handle({ raw, authorization: header, body, signature, gatewaySignature });
    });
  }
};
