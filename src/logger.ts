/** pino, with the places where secrets or personal data could appear redacted before they are written. */
import { pino, type Logger } from 'pino';
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

export function createLogger(config: Pick<Config, 'LOG_LEVEL'>, opts: { stderr?: boolean } = {}): Logger {
  return pino(
    { level: config.LOG_LEVEL, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { service: 'ondc-shopping-mcp' } },
    pino.destination({ fd: opts.stderr ? 2 : 1, sync: false }),
  );
}
