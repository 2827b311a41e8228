/**
 * One ONDC step through the buyer backend: its client API acknowledges the request with a message id, and the
 * seller's answer is fetched later from an `on_*` route, polled with backoff under the step's deadline.
 */
import type { Logger } from 'pino';
import { DomainError } from '../../core/errors.js';
import type { Exchange, SellerRefusal } from '../../core/ports.js';
import { BackendError, type HimiraClient } from './client.js';
import { pollFor, type PollOptions } from './poll.js';
import { ackOf, readOnAnswer } from './wire.js';

export type Json = Record<string, any>;

export interface StepOptions {
  client: HimiraClient;
  /** How long one step waits for the seller's answer (ONDC_SEARCH_TIMEOUT_MS). */
  deadlineMs: number;
  log: Logger;
  /** Poll timing; tests shorten it. */
  poll?: Omit<PollOptions, 'deadlineMs' | 'onWaiting'>;
}

export interface Step {
  name: string;
  path: string;
  body: unknown;
  onPath: string;
  /** The reference's single-order routes poll by `messageId`, its multi-order routes by `messageIds`. */
  idParam?: 'messageId' | 'messageIds';
  /** A step whose answer names none of what it asked for is not done yet. */
  ready?: (body: Json) => boolean;
  /** Whose backend identity sends it (see client.ts); absent = the service's own. */
  as?: string | undefined;
  api?: 'client' | 'issue';
}

/** The backend failing is the network's failure, not the shopper's: 503 with what to do. */
export function asDomainError(err: unknown, step: string): never {
  if (!(err instanceof BackendError)) throw err;
  if (err.failure === 'auth') {
    throw new DomainError('NETWORK_UNAVAILABLE', `The buyer backend refused this server's credentials at ${step}; an operator must check WIL_API_KEY. Nothing was placed.`);
  }
  if (err.failure === 'timeout') throw new DomainError('NETWORK_UNAVAILABLE', `The seller did not answer ${step} in time through the buyer backend (${err.message}). Nothing was placed; try again in a moment.`);
  throw new DomainError('NETWORK_UNAVAILABLE', `The buyer backend could not complete ${step} (${err.message}). Nothing was placed; try again in a moment.`);
}

export const exchangeOf = (body: Json, before: Exchange): Exchange => ({
  transactionId: typeof body['context']?.['transaction_id'] === 'string' ? body['context']['transaction_id'] : before.transactionId,
  lastTimestamp: typeof body['context']?.['timestamp'] === 'string' ? body['context']['timestamp'] : before.lastTimestamp,
});

/** Sends one step and polls its on_* route until the seller's answer, its refusal, or the deadline. */
export async function runStep(opts: StepOptions, args: Step): Promise<{ body: Json; refusal?: SellerRefusal }> {
  const route = { as: args.as, api: args.api ?? 'client' } as const;
  try {
    const ack = ackOf(await opts.client.request('POST', args.path, { auth: true, ...route, body: args.body }));
    if (ack.error) return { body: {}, refusal: { code: 'BACKEND', message: `the buyer backend would not send ${args.name} (${ack.error})` } };
    if (!ack.messageId) throw new BackendError('bad_response', `the buyer backend acknowledged ${args.name} without a message id`);
    const messageId = ack.messageId;
    const answer = await pollFor(
      args.name,
      async () => {
        const read = readOnAnswer(await opts.client.request('GET', args.onPath, { auth: true, ...route, query: { [args.idParam ?? 'messageIds']: messageId } }));
        if (read.state === 'pending') return { done: false, note: 'no answer from the seller yet' };
        if (read.state === 'done' && args.ready && !args.ready(read.body)) return { done: false, note: 'the answer is incomplete' };
        return { done: true, value: read };
      },
      {
        ...opts.poll,
        deadlineMs: opts.deadlineMs,
        onWaiting: (p) => opts.log.debug({ step: args.name, ...p }, 'waiting for the seller through the buyer backend'),
      },
    );
    return answer.state === 'refused' ? { body: answer.body, refusal: answer.refusal } : { body: answer.body };
  } catch (err) {
    return asDomainError(err, args.name);
  }
}
