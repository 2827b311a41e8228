/** Waits for an effect that arrives by network callback; returns the last value read after the deadline, so the test fails rather than hangs. */
export async function eventually<T>(read: () => Promise<T>, done: (v: T) => boolean, deadlineMs = 10_000): Promise<T> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
}
