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

/**
 * What a caller put in a URL or Host header (a phone number searched for, the development inbox's path, a token in
 * a query string) is logged with phone numbers, email addresses and tokens masked, percent-escapes read first.
 * Quantifiers are bounded and the text cut short first, so that a hostile URL costs linear time to mask.
 */
const MASKS: ReadonlyArray<[RegExp, string]> = [
  [/(?<![A-Za-z0-9.])(?:\+?91[\s+-]?|0)?[6-9]\d{4}[\s+-]?\d{5}(?![A-Za-z0-9])/g, '[phone]'],
  [/[^\s/?&=#:;,"'<>@]{1,64}@[^\s/?&=#:;,"'<>@]{1,255}\.[A-Za-z]{2,24}/g, '[email]'],
  [/eyJ[\w-]{0,2048}\.[\w-]{0,2048}(?:\.[\w-]{0,512})?/g, '[token]'],
];

/** Longer URLs are logged cut to this many characters. */
const LOGGED_URL_CHARS = 2048;

export function maskUrl(url: string): string {
  const cut = url.length > LOGGED_URL_CHARS ? `${url.slice(0, LOGGED_URL_CHARS)}…(${url.length} characters)` : url;
  const readable = cut.replace(/(?:%[0-9A-Fa-f]{2})+/g, (escapes) => {
    try {
      return decodeURIComponent(escapes);
    } catch {
      return escapes;
    }
  });
  return MASKS.reduce((text, [pattern, mask]) => text.replace(pattern, mask), readable);
}

interface LoggedRequest {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/** Fastify's request serializer, with the URL and host masked. */
const serializers = {
  req: (req: LoggedRequest) => ({
    method: req.method,
    url: req.url === undefined ? undefined : maskUrl(req.url),
    host: req.host === undefined ? undefined : maskUrl(req.host),
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  }),
};

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
      serializers,
      base: { service: 'ondc-shopping-mcp' },
      mixin: withRequestId,
    },
    opts.destination ?? pino.destination({ fd: opts.stderr ? 2 : 1, sync: false }),
  );
}
