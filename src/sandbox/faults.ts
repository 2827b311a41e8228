/**
 * Faults a test or a demo can put on one sandbox seller app, for real rather than mocked: the buyer app meets them
 * over its own HTTP client exactly as it would meet a seller app that crashed or is overloaded.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface SellerFaults {
  /** Down: every connection to the seller app is cut without an answer, as when its process is gone. */
  pause(): void;
  /** Up again at its normal pace (any delay is dropped too). */
  resume(): void;
  /** Slow: each request waits `ms` before the seller reads it, so its ACK and its callback come that much later. */
  delay(ms: number): void;
}

export function faultSwitch(): { controls: SellerFaults; onRequest: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown> } {
  let down = false;
  let delayMs = 0;
  const controls: SellerFaults = {
    pause: () => void (down = true),
    resume: () => {
      down = false;
      delayMs = 0;
    },
    delay: (ms) => void (delayMs = Math.max(0, ms)),
  };
  const onRequest = async (request: FastifyRequest, reply: FastifyReply) => {
    if (down) {
      // no answer at all: the caller sees its connection closed, a transport failure like a refused one
      reply.hijack();
      request.raw.socket.destroy();
      return reply;
    }
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    return undefined;
  };
  return { controls, onRequest };
}
