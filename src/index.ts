/**
 * ondc-shopping-mcp as a TypeScript library.
 *
 *   import { initializeShopping, searchProducts, closeShop } from 'ondc-shopping-mcp';
 *   const { session_id } = await initializeShopping({});
 *   const { results } = await searchProducts({ session_id, query: 'atta' });
 *   await closeShop();
 *
 * The named functions share one shop built lazily from the environment (the same config as the server);
 * `createShop()` builds an independent one with its own config.
 */
import { pino } from 'pino';
import { loadConfig, parseConfig, readEnvSources, type Config } from './config.js';
import * as ops from './core/operations/index.js';
import { createRuntime, type Runtime } from './deps.js';
import { DomainError } from './core/errors.js';
import { bindOperation, LIBRARY_CALLER, prepareInput } from './library.js';
import { runOperation } from './core/dispatch.js';

export interface Shop {
  runtime: Runtime;
  /** Runs an operation by its MCP tool name, with the same validation and defaults as the other surfaces. */
  call(name: string, input: unknown): Promise<unknown>;
  close(): Promise<void>;
}

/** Builds a shop; `overrides` are configuration keys as in .env (e.g. `{ DATA_DIR: '/tmp/shop' }`). */
export async function createShop(overrides: Record<string, string> = {}): Promise<Shop> {
  const config: Config = parseConfig({ ...readEnvSources(process.env), ...overrides });
  const runtime = await createRuntime(config, pino({ level: config.LOG_LEVEL }, pino.destination(2)));
  await runtime.connect();
  const byName = new Map(ops.operations.map((op) => [op.name, op]));
  return {
    runtime,
    call: async (name, input) => {
      const op = byName.get(name);
      if (!op) throw new DomainError('NOT_FOUND', `No operation ${name}; see operations for the list.`);
      return runOperation(op, prepareInput(op, input), runtime.deps, LIBRARY_CALLER);
    },
    close: () => runtime.close(),
  };
}

let shared: Promise<Runtime> | undefined;

function sharedDeps() {
  shared ??= createRuntime(loadConfig(), pino({ level: 'warn' }, pino.destination(2))).then(async (runtime) => {
    await runtime.connect();
    return runtime;
  });
  return shared.then((r) => r.deps);
}

/** Closes the shared shop used by the named functions (stores are flushed and released). */
export async function closeShop(): Promise<void> {
  const runtime = shared;
  shared = undefined;
  if (runtime) await (await runtime).close();
}

export const initializeShopping = bindOperation(ops.initializeShopping, sharedDeps);
export const getSessionInfo = bindOperation(ops.getSessionInfo, sharedDeps);
export const searchProducts = bindOperation(ops.searchProducts, sharedDeps);
export const getProductDetails = bindOperation(ops.getProductDetails, sharedDeps);
export const browseCategories = bindOperation(ops.browseCategories, sharedDeps);
export const addToCart = bindOperation(ops.addToCart, sharedDeps);
export const viewCart = bindOperation(ops.viewCart, sharedDeps);
export const updateCartQuantity = bindOperation(ops.updateCartQuantity, sharedDeps);
export const removeFromCart = bindOperation(ops.removeFromCart, sharedDeps);
export const clearCart = bindOperation(ops.clearCart, sharedDeps);
export const getCartTotal = bindOperation(ops.getCartTotal, sharedDeps);
export const selectItemsForOrder = bindOperation(ops.selectItemsForOrder, sharedDeps);
export const initializeOrder = bindOperation(ops.initializeOrder, sharedDeps);
export const createPayment = bindOperation(ops.createPayment, sharedDeps);
export const verifyPayment = bindOperation(ops.verifyPayment, sharedDeps);
export const confirmOrder = bindOperation(ops.confirmOrder, sharedDeps);
export const getCheckout = bindOperation(ops.getCheckout, sharedDeps);
export const getOrderStatus = bindOperation(ops.getOrderStatus, sharedDeps);
export const listOrders = bindOperation(ops.listOrders, sharedDeps);
export const getOrderOndcLog = bindOperation(ops.getOrderOndcLog, sharedDeps);
export const getCheckoutOndcLog = bindOperation(ops.getCheckoutOndcLog, sharedDeps);
export const phoneLogin = bindOperation(ops.phoneLogin, sharedDeps);
export const verifyOtp = bindOperation(ops.verifyOtp, sharedDeps);
export const reviewOrder = bindOperation(ops.reviewOrder, sharedDeps);
export const trackOrder = bindOperation(ops.trackOrder, sharedDeps);
export const cancelOrder = bindOperation(ops.cancelOrder, sharedDeps);
export const returnItems = bindOperation(ops.returnItems, sharedDeps);
export const rateOrder = bindOperation(ops.rateOrder, sharedDeps);
export const getSupportContacts = bindOperation(ops.getSupportContacts, sharedDeps);
export const raiseGrievance = bindOperation(ops.raiseGrievance, sharedDeps);
export const getGrievanceStatus = bindOperation(ops.getGrievanceStatus, sharedDeps);
export const listAddresses = bindOperation(ops.listAddresses, sharedDeps);
export const addAddress = bindOperation(ops.addAddress, sharedDeps);
export const updateAddress = bindOperation(ops.updateAddress, sharedDeps);
export const deleteAddress = bindOperation(ops.deleteAddress, sharedDeps);

export { operations } from './core/operations/index.js';
export { DomainError };
export { ERROR_CODES, type ErrorCode, type ErrorType } from './core/errors.js';
export type { Catalog, Product, Provider } from './core/catalog.js';
export type { CoreDeps, Operation, OperationHints } from './core/operation.js';
export { buildApp } from './http/app.js';
export { createRuntime } from './deps.js';
export { loadConfig, parseConfig, type Config } from './config.js';
