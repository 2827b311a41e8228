/**
 * The buyer backend answers every ONDC step asynchronously: a request is acknowledged with a message id and the
 * seller's answer is fetched later from an `on_*` route. This waits for it with exponential backoff, full jitter
 * and an overall deadline, so a slow seller costs a bounded number of requests and a dead one a bounded time.
 */
import { BackendError } from './client.js';

export type PollResult<T> = { done: true; value: T } | { done: false; note: string };

export interface PollOptions {
  /** Give up this long after the first attempt. */
  deadlineMs: number;
  /** Delay ceiling before the second attempt; doubles each time up to maxDelayMs. */
  firstDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Each unfinished attempt: how many so far, time spent, and what the backend said (progress). */
  onWaiting?: (p: { attempt: number; elapsedMs: number; note: string }) => void;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** Failures worth another poll before the deadline: the backend is briefly down or slow, not refusing us. */
const transient = (err: unknown) => err instanceof BackendError && ['unreachable', 'timeout', 'failed'].includes(err.failure);

export async function pollFor<T>(what: string, attempt: () => Promise<PollResult<T>>, opts: PollOptions): Promise<T> {
  const random = opts.random ?? Math.random;
  const sleep = opts.sleep ?? pause;
  const maxDelay = opts.maxDelayMs ?? 2000;
  let ceiling = opts.firstDelayMs ?? 100;
  const started = performance.now();
  let last = 'no answer yet';
  for (let n = 1; ; n += 1) {
    try {
      const result = await attempt();
      if (result.done) return result.value;
      last = result.note;
    } catch (err) {
      if (!transient(err)) throw err;
      last = (err as Error).message;
    }
    const elapsed = performance.now() - started;
    opts.onWaiting?.({ attempt: n, elapsedMs: Math.round(elapsed), note: last });
    const left = opts.deadlineMs - elapsed;
    if (left <= 0) {
      throw new BackendError('timeout', `${what}: the seller's answer did not come within ${opts.deadlineMs} ms (${n} polls; last: ${last})`);
    }
    await sleep(Math.min(left, Math.max(1, random() * ceiling)));
    ceiling = Math.min(maxDelay, ceiling * 2);
  }
}
