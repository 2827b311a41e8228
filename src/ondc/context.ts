/**
 * Beckn context for every message: who talks to whom, in which transaction, when. The rules that ONDC's
 * validators enforce live here once: fresh message ids, RFC 3339 millisecond UTC timestamps that strictly
 * increase along a transaction, `ttl: "PT30S"`, the city as a `std:` code.
 */
import { randomUUID } from 'node:crypto';

/** Retail core versions, and 1.0.0: the version of ONDC's issue and grievance management (IGM) API. */
export const CORE_VERSIONS = ['1.2.0', '1.2.5', '1.0.0'] as const;
export const IGM_VERSION = '1.0.0';
export type CoreVersion = (typeof CORE_VERSIONS)[number];

export const REQUEST_ACTIONS = [
  'search',
  'select',
  'init',
  'confirm',
  'status',
  'track',
  'cancel',
  'update',
  'rating',
  'support',
  'issue',
  'issue_status',
] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];
export type CallbackAction = `on_${RequestAction}`;
export type Action = RequestAction | CallbackAction;

export const MESSAGE_TTL = 'PT30S';
const CITY_CODE = /^std:\d{3,5}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export interface BecknContext {
  domain: string;
  country: 'IND';
  city: string;
  action: Action;
  core_version: CoreVersion;
  bap_id: string;
  bap_uri: string;
  bpp_id?: string;
  bpp_uri?: string;
  transaction_id: string;
  message_id: string;
  timestamp: string;
  ttl: string;
}

/** The buyer app as it names itself in every context. */
export interface Participant {
  subscriberId: string;
  /** Base URL the other side calls back; must contain the subscriber id (ONDC rule). */
  uri: string;
}

export interface ContextArgs {
  domain: string;
  city: string;
  action: Action;
  coreVersion: CoreVersion;
  bap: Participant;
  bpp?: Participant;
  transactionId: string;
  /** A callback reuses its request's id; requests and unsolicited callbacks leave it out to get a fresh one. */
  messageId?: string;
  now: Date;
  /** The latest timestamp already seen in this transaction; the new one is at least 1 ms later. */
  after?: string;
}

export function nextTimestamp(now: Date, after?: string): string {
  const floor = after === undefined ? -Infinity : Date.parse(after) + 1;
  return new Date(Math.max(now.getTime(), floor)).toISOString();
}

export function newTransactionId(): string {
  return randomUUID();
}

export function buildContext(args: ContextArgs): BecknContext {
  if (!CITY_CODE.test(args.city)) throw new Error(`city must be an ONDC std: code such as std:080, not ${args.city}`);
  const context: BecknContext = {
    domain: args.domain,
    country: 'IND',
    city: args.city,
    action: args.action,
    core_version: args.coreVersion,
    bap_id: args.bap.subscriberId,
    bap_uri: args.bap.uri,
    transaction_id: args.transactionId,
    message_id: args.messageId ?? randomUUID(),
    timestamp: nextTimestamp(args.now, args.after),
    ttl: MESSAGE_TTL,
  };
  if (args.bpp) {
    context.bpp_id = args.bpp.subscriberId;
    context.bpp_uri = args.bpp.uri;
  }
  if (context.message_id === context.transaction_id) throw new Error('message_id must differ from transaction_id');
  return context;
}

/** What an incoming context must satisfy; each problem is a sentence naming the field. */
export function contextProblems(context: unknown, expected: { action?: Action; bapId?: string }): string[] {
  if (!context || typeof context !== 'object') return ['context is missing'];
  const c = context as Partial<Record<keyof BecknContext, unknown>>;
  const problems: string[] = [];
  const str = (k: keyof BecknContext) => typeof c[k] === 'string' && (c[k] as string).length > 0;
  for (const key of ['domain', 'city', 'action', 'core_version', 'bap_id', 'bap_uri', 'transaction_id', 'message_id', 'timestamp'] as const) {
    if (!str(key)) problems.push(`context.${key} is required`);
  }
  if (c.country !== 'IND') problems.push('context.country must be IND');
  if (str('city') && !CITY_CODE.test(c.city as string)) problems.push('context.city must be a std: code such as std:080');
  if (str('timestamp') && !TIMESTAMP.test(c.timestamp as string)) {
    problems.push('context.timestamp must be RFC 3339 UTC with milliseconds, e.g. 2024-07-24T19:40:07.970Z');
  }
  if (str('core_version') && !CORE_VERSIONS.includes(c.core_version as CoreVersion)) {
    problems.push(`context.core_version must be one of ${CORE_VERSIONS.join(', ')}`);
  }
  if (expected.action && c.action !== expected.action) problems.push(`context.action must be ${expected.action} on this endpoint`);
  if (expected.bapId && str('bap_id') && c.bap_id !== expected.bapId) problems.push(`context.bap_id ${String(c.bap_id)} is not this buyer app`);
  if (str('message_id') && c.message_id === c.transaction_id) problems.push('context.message_id must differ from transaction_id');
  if (c.ttl !== undefined && typeof c.ttl !== 'string') problems.push('context.ttl must be an ISO 8601 duration');
  return problems;
}
