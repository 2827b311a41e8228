/**
 * Where callbacks meet the requests that caused them. A request registers what it awaits under its message id
 * before it is sent; the callback route delivers into it. No polling: each waiter is a promise settled by the
 * delivery (or by its deadline).
 */

export interface Callback<T = unknown> {
  /** The subscriber that sent it (bpp_id from its context). */
  from: string;
  body: T;
  receivedAt: number;
}

export interface Expectation {
  /** Settle as soon as this many callbacks arrived; the rest may still be late. */
  count: number;
  /** Settle with what has arrived when this many milliseconds have passed. */
  deadlineMs: number;
}

interface Waiter {
  expectation: Expectation;
  received: Callback[];
  settle: () => void;
}

export class CallbackTimeoutError extends Error {
  constructor(readonly messageId: string, readonly waitedMs: number) {
    super(`no callback for message ${messageId} within ${waitedMs} ms`);
    this.name = 'CallbackTimeoutError';
  }
}

export class CallbackHub {
  private readonly waiters = new Map<string, Waiter>();

  /**
   * Registers interest in callbacks for `messageId`. The promise resolves with every callback that arrived by the
   * time `count` were in or the deadline passed, whichever is first; it rejects only when none arrived at all.
   */
  expect<T>(messageId: string, expectation: Expectation): Promise<Callback<T>[]> {
    if (this.waiters.has(messageId)) throw new Error(`already awaiting callbacks for message ${messageId}`);
    return new Promise<Callback<T>[]>((resolve, reject) => {
      const started = Date.now();
      const waiter: Waiter = {
        expectation,
        received: [],
        settle: () => {
          clearTimeout(timer);
          this.waiters.delete(messageId);
          if (waiter.received.length === 0) reject(new CallbackTimeoutError(messageId, Date.now() - started));
          else resolve(waiter.received as Callback<T>[]);
        },
      };
      const timer = setTimeout(() => waiter.settle(), expectation.deadlineMs);
      this.waiters.set(messageId, waiter);
    });
  }

  /** Hands a verified callback to its waiter. Returns false when nobody awaits that message id (late or unsolicited). */
  deliver(messageId: string, callback: Callback): boolean {
    const waiter = this.waiters.get(messageId);
    if (!waiter) return false;
    waiter.received.push(callback);
    if (waiter.received.length >= waiter.expectation.count) waiter.settle();
    return true;
  }

  /** Stops waiting for a message id (the request failed to send); its promise settles with what arrived. */
  cancel(messageId: string): void {
    this.waiters.get(messageId)?.settle();
  }

  get pending(): number {
    return this.waiters.size;
  }
}
