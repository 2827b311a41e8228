/** The Fastify app: REST operations under /api/v1, /mcp, /docs, probes, rate limiting and error mapping. */
import { randomUUID } from 'node:crypto';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { enterRequest, maskUrl, requestChildLogger } from '../logger.js';
import { splitList } from '../config.js';
import { DomainError } from '../core/errors.js';
import type { AnyOperation } from '../core/operation.js';
import { operations as allOperations } from '../core/operations/index.js';
import type { Runtime } from '../deps.js';
import { registerMcpHttp } from '../mcp/http.js';
import { buildToolDefinitions, SERVER_INFO } from '../mcp/server.js';
import { sendError } from './errors.js';
import { registerMetrics, registerProbes } from './probes.js';
import { registerRateLimit } from './rate-limit.js';
import { registerOperationRoutes } from './routes.js';
import { registerDevInbox } from './dev-inbox.js';
import { registerDrain } from './drain.js';
import { registerPaymentReturn } from './payment-return.js';
import { registerRazorpayRoutes } from './payment-routes.js';
import { registerStorefront } from './storefront.js';

export interface AppOptions {
  runtime: Runtime;
  logger: Logger;
  operations?: readonly AnyOperation[];
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

export async function buildApp({ runtime, logger, operations = allOperations }: AppOptions): Promise<FastifyInstance> {
  const { config, deps } = runtime;
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 256 * 1024,
    routerOptions: { maxParamLength: 256 },
    // Errors the router raises before any route runs (malformed URL, over-long path segment) get the same shape.
    frameworkErrors: (err, request, reply) =>
      sendError(
        new DomainError('VALIDATION_FAILED', `The request URL was refused: ${err.message}. Check the path and ids.`),
        request,
        reply,
        config.DEBUG_MODE,
      ),
    // A caller's X-Request-Id is kept when it is safe to log, so one id follows a request across services.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      // one that looks like a phone number or a token would be stamped on every log line: a new id instead
      return typeof given === 'string' && REQUEST_ID.test(given) && maskUrl(given) === given ? given : randomUUID();
    },
    childLoggerFactory: requestChildLogger,
    ajv: { customOptions: { removeAdditional: false, useDefaults: true, coerceTypes: 'array', allErrors: false } },
  });

  // The API speaks JSON only: text bodies get 415 rather than being parsed as a string and failing later.
  app.removeContentTypeParser('text/plain');
  app.addHook('onRequest', (request, _reply, done) => enterRequest(request.id, done));
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.setErrorHandler((err, request, reply) => sendError(err, request, reply, config.DEBUG_MODE));
  app.setNotFoundHandler((request, reply) =>
    sendError(
      new DomainError('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}; see /docs for the API.`),
      request,
      reply,
      config.DEBUG_MODE,
    ),
  );

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'ONDC Shopping API',
        version: SERVER_INFO.version,
        description:
          'Shop on India\'s Open Network for Digital Commerce. Create a session with POST /api/v1/sessions, then ' +
          'send its session_id in the X-Session-Id header on every other call. After signing in (POST ' +
          '/api/v1/auth/otp, then /auth/otp/verify) the returned token may be sent as Authorization: Bearer instead. ' +
          'Every response is { success: true, data } or { success: false, error: { type, code, message } }.',
      },
      components: {
        securitySchemes: {
          sessionToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The token verify_otp returns' },
        },
      },
      tags: [
        { name: 'browse', description: 'Read-only operations' },
        { name: 'change', description: 'Operations that change the session or cart' },
        { name: 'probes', description: 'Liveness and readiness' },
        { name: 'development', description: 'Routes that exist only in development configurations' },
        { name: 'mcp', description: 'Model Context Protocol endpoint' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await registerRateLimit(app, deps.stores.rateLimits, {
    max: config.RATE_LIMIT_MAX,
    windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS,
  });

  const drain = registerDrain(app);
  runtime.metrics.trackInFlight(() => drain.inFlight());
  registerProbes(app, runtime, drain);
  registerMetrics(app, runtime);
  await runtime.buyer.registerRoutes(app);
  registerOperationRoutes(app, operations, deps);
  if (deps.otp.kind === 'dev_inbox') registerDevInbox(app, deps);
  if (config.RAZORPAY_KEY_ID && config.RAZORPAY_KEY_SECRET) {
    await registerRazorpayRoutes(app, deps, {
      keyId: config.RAZORPAY_KEY_ID,
      ...(config.RAZORPAY_WEBHOOK_SECRET ? { webhookSecret: config.RAZORPAY_WEBHOOK_SECRET } : {}),
      merchantName: 'ONDC Shop',
    });
  }
  await registerPaymentReturn(app);
  registerMcpHttp(app, {
    tools: buildToolDefinitions(operations, deps, logger),
    deps,
    allowedHosts: splitList(config.MCP_ALLOWED_HOSTS),
    allowedOrigins: splitList(config.MCP_ALLOWED_ORIGINS),
  });
  await registerStorefront(app);
  return app;
}
