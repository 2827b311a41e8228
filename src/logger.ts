/**
 * pino, with the places where secrets or personal data could appear redacted before they are written, and the
 * id of the HTTP request being served added to every line written while serving it, whichever logger wrote it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, type Bindings, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import type { Config } from './config.js';

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-session-id"]',
  'req.headers["idempotency-key"]',
  '*.session_id',
  '*.phone',
  '*.email',
  '*.token',
  '*.password',
  '*.api_key',
];

const requests = new AsyncLocalStorage<string>();
/** Marks Fastify's per-request child loggers, which carry the id as a binding already. */
const BOUND = Symbol('reqIdBound');

/** Runs the rest of a request inside its id, so core code logging through the root logger names the request too. */
export function enterRequest(reqId: string, next: () => void): void {
  requests.run(reqId, next);
}

/** Fastify's `childLoggerFactory`: the request child logger binds reqId itself, so the mixin leaves it alone. */
export function requestChildLogger<L extends { child(bindings: Bindings, options?: object): L }>(
  logger: L,
  bindings: Bindings,
  options: object,
): L {
  const child = logger.child(bindings, options);
  (child as unknown as Record<symbol, boolean>)[BOUND] = true;
  return child;
}

const withRequestId: LoggerOptions['mixin'] = (_merge, _level, logger) => {
  if ((logger as unknown as Record<symbol, boolean>)[BOUND]) return {};
  const reqId = requests.getStore();
  return reqId ? { reqId } : {};
};

export function createLogger(
  config: Pick<Config, 'LOG_LEVEL'>,
  opts: { stderr?: boolean; destination?: DestinationStream } = {},
): Logger {
  return pino(
    {
      level: config.LOG_LEVEL,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { service: 'ondc-shopping-mcp' },
      mixin: withRequestId,
    },
    opts.destination ?? pino.destination({ fd: opts.stderr ? 2 : 1, sync: false }),
  );
}
