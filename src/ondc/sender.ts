/**
 * Sends signed ONDC messages: minified JSON, signed over exactly the bytes sent, through an undici pool with
 * connect, header and body timeouts. The answer is only the acknowledgement; results come as callbacks.
 */
import { Agent, request } from 'undici';
import { isAck, type AckBody } from './ack.js';
import { signAuthorization, type SigningKey } from './signing.js';

export interface SendResult {
  status: number;
  ack: boolean;
  body: AckBody | undefined;
}

export interface SenderOptions {
  key: SigningKey;
  timeoutMs?: number;
}

export class SendError extends Error {
  constructor(
    message: string,
    readonly url: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SendError';
  }
}

/** A participant's action URL: every ONDC call is POST {base}/{action}, whatever the base ends with. */
export function endpoint(base: string, action: string): string {
  return `${base.replace(/\/+$/, '')}/${action}`;
}

export function createSender(opts: SenderOptions) {
  const timeout = opts.timeoutMs ?? 10_000;
  const dispatcher = new Agent({ connectTimeout: timeout, headersTimeout: timeout, bodyTimeout: timeout, keepAliveTimeout: 10_000 });

  async function post(url: string, body: string, headers: Record<string, string>): Promise<SendResult> {
    let res;
    try {
      res = await request(url, { method: 'POST', dispatcher, headers: { 'content-type': 'application/json', ...headers }, body });
    } catch (err) {
      throw new SendError(`could not reach ${url}: ${(err as Error).message}`, url, { cause: err });
    }
    const text = await res.body.text();
    let parsed: AckBody | undefined;
    try {
      parsed = text ? (JSON.parse(text) as AckBody) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.statusCode, ack: res.statusCode === 200 && isAck(parsed), body: parsed };
  }

  /** Signs and sends a message of our own. */
  function send(url: string, message: unknown): Promise<SendResult> {
    const body = JSON.stringify(message);
    return post(url, body, { authorization: signAuthorization(body, opts.key) });
  }

  /**
   * Passes on another participant's message byte for byte, keeping its signature, and adds ours as
   * X-Gateway-Authorization (what a gateway does with a search).
   */
  function forward(url: string, rawBody: string, authorization: string): Promise<SendResult> {
    return post(url, rawBody, { authorization, 'x-gateway-authorization': signAuthorization(rawBody, opts.key) });
  }

  return { send, forward, close: () => dispatcher.close() };
}

export type Sender = ReturnType<typeof createSender>;
