/**
 * Staying up when seller apps are not: a circuit breaker per peer (a seller app, the gateway), jittered retries for
 * requests that are safe to send again, and a bound on concurrent outgoing requests.
 *
 * A breaker opens after FAILURES_TO_OPEN consecutive transport failures (unreachable, timed out, a 5xx answer)
 * and then fails fast for COOL_DOWN_MS; after that one trial request goes through (half-open): success closes
 * it, failure opens it again. A NACK for business reasons is an answer, not a failure.
 */

export type BreakerState = 'closed' | 'open' | 'half_open';

export interface BreakerOptions {
  failuresToOpen?: number;
  coolDownMs?: number;
  now?: () => number;
  onChange?: (peer: string, state: BreakerState) => void;
}

export class OpenCircuitError extends Error {
  constructor(
    readonly peer: string,
    readonly retryInMs: number,
  ) {
    super(`${peer} is failing; not calling it for another ${Math.ceil(retryInMs / 1000)} s`);
    this.name = 'OpenCircuitError';
  }
}

interface Breaker {
  state: BreakerState;
  failures: number;
  openedAt: number;
  trialRunning: boolean;
}

export class Breakers {
  private readonly breakers = new Map<string, Breaker>();
  private readonly failuresToOpen: number;
  private readonly coolDownMs: number;
  private readonly now: () => number;

  constructor(private readonly opts: BreakerOptions = {}) {
    this.failuresToOpen = opts.failuresToOpen ?? 5;
    this.coolDownMs = opts.coolDownMs ?? 30_000;
    this.now = opts.now ?? Date.now;
  }

  private of(peer: string): Breaker {
    let b = this.breakers.get(peer);
    if (!b) {
      b = { state: 'closed', failures: 0, openedAt: 0, trialRunning: false };
      this.breakers.set(peer, b);
    }
    return b;
  }

  private set(peer: string, b: Breaker, state: BreakerState): void {
    if (b.state === state) return;
    b.state = state;
    this.opts.onChange?.(peer, state);
  }

  /** Runs `work` through the peer's breaker; throws OpenCircuitError without running it while the breaker is open. */
  async run<T>(peer: string, work: () => Promise<T>, isFailure: (err: unknown) => boolean): Promise<T> {
    const b = this.of(peer);
    if (b.state === 'open') {
      const waited = this.now() - b.openedAt;
      if (waited < this.coolDownMs || b.trialRunning) throw new OpenCircuitError(peer, Math.max(0, this.coolDownMs - waited));
      this.set(peer, b, 'half_open');
    }
    if (b.state === 'half_open') {
      if (b.trialRunning) throw new OpenCircuitError(peer, this.coolDownMs);
      b.trialRunning = true;
    }
    try {
      const result = await work();
      b.failures = 0;
      b.trialRunning = false;
      this.set(peer, b, 'closed');
      return result;
    } catch (err) {
      b.trialRunning = false;
      if (isFailure(err)) {
        b.failures += 1;
        if (b.state === 'half_open' || b.failures >= this.failuresToOpen) {
          b.openedAt = this.now();
          this.set(peer, b, 'open');
        }
      }
      throw err;
    }
  }

  states(): Array<{ peer: string; state: BreakerState }> {
    return [...this.breakers.entries()].map(([peer, b]) => ({ peer, state: b.state }));
  }
}

/** At most `limit` tasks at once; the rest wait their turn in order. */
export class Limiter {
  private running = 0;
  private readonly queue: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.running += 1;
    try {
      return await work();
    } finally {
      this.running -= 1;
      this.queue.shift()?.();
    }
  }

  get waiting(): number {
    return this.queue.length;
  }
}

/** Retries `work` on transport failure with exponential backoff and full jitter; for requests safe to resend only. */
export async function withRetries<T>(work: () => Promise<T>, isTransient: (err: unknown) => boolean, attempts = 3, baseMs = 100): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (attempt >= attempts || !isTransient(err)) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * baseMs * 2 ** (attempt - 1)));
    }
  }
}
