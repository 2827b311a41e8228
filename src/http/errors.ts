/** The one translation from errors to HTTP responses, shared by every route. */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, errorBody, isDomainError } from '../core/errors.js';
import { schemaError } from '../validation.js';

/** Fastify's own 4xx errors (bad JSON, wrong content type, body too large) keep their status, in our shape. */
function frameworkError(err: FastifyError): DomainError | null {
  if (err.validation) {
    return schemaError(err.validation, err.validationContext ?? 'request');
  }
  switch (err.statusCode) {
    case 429:
      return new DomainError('RATE_LIMITED', err.message);
    case 413:
      return new DomainError('PAYLOAD_TOO_LARGE', `${err.message}; send a smaller body.`);
    case 415:
      return new DomainError('UNSUPPORTED_MEDIA_TYPE', `${err.message}; send JSON with Content-Type: application/json.`);
    case 404:
      return new DomainError('NOT_FOUND', err.message);
    case 405:
      return new DomainError('METHOD_NOT_ALLOWED', err.message);
  }
  if (err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500) {
    return new DomainError('VALIDATION_FAILED', `${err.message}; send a valid JSON body with Content-Type: application/json.`);
  }
  return null;
}

export function toDomainError(err: unknown): DomainError | null {
  if (isDomainError(err)) return err;
  if (err && typeof err === 'object' && ('statusCode' in err || 'validation' in err)) {
    return frameworkError(err as FastifyError);
  }
  return null;
}

export function sendError(err: unknown, request: FastifyRequest, reply: FastifyReply, debug: boolean): FastifyReply {
  const known = toDomainError(err);
  if (known) {
    if (known.status >= 500) request.log.warn({ code: known.code, err: known.message }, 'request failed');
    const retry = known.details?.['retry_after_seconds'];
    if (typeof retry === 'number') reply.header('retry-after', String(retry));
    // a dependency that is down (store, network, gateway) is worth retrying in a moment
    else if (known.status === 503) reply.header('retry-after', '5');
    if (known.status === 401) reply.header('www-authenticate', 'Bearer realm="ondc-shop"');
    return reply.code(known.status).send(errorBody(known));
  }
  request.log.error({ err }, 'unhandled error');
  const message = `Something went wrong on our side; retry shortly. If it persists, report request id ${request.id}.`;
  const internal = new DomainError('INTERNAL', message, debug ? { reason: (err as Error)?.message } : undefined);
  return reply.code(500).send(errorBody(internal));
}
