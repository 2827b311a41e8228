/**
 * AWS Lambda entry point (API Gateway HTTP API or REST API events, or a function URL): the same Fastify app as
 * `ondc-shop serve`, built once per warm container. Configuration comes from the function's environment.
 *
 * ONDC answers asynchronously: a seller's callback may reach a different container than the one waiting for it.
 * Until callbacks are matched through a shared store (the production issue), run one container
 * (reserved concurrency 1) with a real network, or use the in-process sandbox network, which lives in the
 * container itself.
 */
import awsLambdaFastify from '@fastify/aws-lambda';
import { ConfigError, devInboxRefusal, loadConfig } from './config.js';
import { createRuntime } from './deps.js';
import { buildApp } from './http/app.js';
import { createLogger } from './logger.js';

type Handler = awsLambdaFastify.PromiseHandler<unknown, awsLambdaFastify.LambdaResponse>;

let ready: Promise<Handler> | undefined;
let stop: (() => Promise<void>) | undefined;

async function build(): Promise<Handler> {
  const config = loadConfig();
  if (config.OTP_SENDER === 'dev_inbox' && !config.OTP_DEV_INBOX_ANYWHERE) {
    throw new ConfigError([devInboxRefusal('a Lambda function answers whoever reaches its URL')]);
  }
  const log = createLogger(config);
  const runtime = await createRuntime({ ...config, CATALOG_REFRESH_MINUTES: 0 }, log);
  const app = await buildApp({ runtime, logger: log });
  // the adapter decorates the app, which must happen before it starts
  const proxy = awsLambdaFastify<unknown>(app, { callbackWaitsForEmptyEventLoop: false }) as Handler;
  await app.ready();
  // no listening port in Lambda: callbacks come to ONDC_CALLBACK_URL (the function's public URL) when set,
  // otherwise to a loopback listener of this container (sandbox mode)
  await runtime.connect(config.ONDC_CALLBACK_URL);
  stop = async () => {
    await app.close();
    await runtime.close();
  };
  return proxy;
}

export async function handler(event: unknown, context: unknown): Promise<unknown> {
  ready ??= build().catch((err: unknown) => {
    ready = undefined;
    throw err;
  });
  return (await ready)(event as never, context as never);
}

/** Closes the warm container's app and runtime (for a shutdown hook, and for tests). */
export async function close(): Promise<void> {
  await ready?.catch(() => undefined);
  await stop?.();
  ready = undefined;
  stop = undefined;
}
