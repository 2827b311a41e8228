/**
 * An operation is one shopping capability, declared once. The HTTP layer turns it into a route, the MCP layer
 * into a tool, and src/index.ts into a plain async function.
 */
import type { Static, TObject } from '@sinclair/typebox';
import type { AuditLog, CatalogIndex, Clock, IdSource, NetworkPort, OtpSender, PaymentPort, PincodeDirectory, Stores, TokenClaims, TokenService } from './ports.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface OperationHints {
  /** Reads only; changes nothing. */
  readOnly: boolean;
  /** Calling it twice with the same input has the same effect as once. */
  idempotent: boolean;
  /** May remove or overwrite something the user made. */
  destructive: boolean;
  /** Reaches outside this service (the ONDC network, a payment gateway). */
  openWorld?: boolean;
}

export interface CoreSettings {
  /** Sessions and carts live this long after the last activity. */
  sessionTtlSeconds: number;
  /** Most distinct products one cart may hold. */
  maxCartLines: number;
  /** A login code is good this long. */
  otpTtlSeconds: number;
  /** Wrong codes allowed before the phone number is locked out. */
  otpMaxAttempts: number;
  /** How long a lock-out lasts. */
  otpLockSeconds: number;
  /**
   * How long a confirm may be in flight before another attempt may take it over: longer than any live confirm can
   * take, so a claim this old belongs to a process that died between claiming and recording the seller's answer.
   */
  confirmLeaseSeconds: number;
}

/** What an operation may use. Adapters come in here; the core imports none of them. */
export interface CoreDeps {
  stores: Stores;
  catalog: CatalogIndex;
  /** The ONDC network (the native buyer app by default). */
  network: NetworkPort;
  payments: PaymentPort;
  clock: Clock;
  ids: IdSource;
  settings: CoreSettings;
  tokens: TokenService;
  otp: OtpSender;
  audit: AuditLog;
  pincodes: PincodeDirectory;
  /** Where operation timings go (Prometheus in the service; nowhere in a bare core). */
  telemetry?: Telemetry;
}

export interface Telemetry {
  /** One finished operation: its name, `ok` or the error code, and how long it took. */
  operation(name: string, outcome: string, seconds: number): void;
}

/**
 * Who is calling, as the surface knows it. REST and /mcp over HTTP pass the bearer token, if any; the stdio
 * server and the library are the user's own process.
 */
export interface Caller {
  channel: 'http' | 'stdio' | 'library';
  /** The raw `Authorization: Bearer` token, when one came. */
  bearer?: string;
  /** Set when the caller can put a question to the user directly (MCP elicitation). */
  ask?: UserPrompt;
}

export type UserAnswer = 'accept' | 'decline' | 'cancel';

/** Questions an MCP client with elicitation puts to its user, outside the model's reach. */
export interface UserPrompt {
  /** Asks a yes-or-no confirmation of `message`; accept means the user said yes. */
  confirm(message: string): Promise<UserAnswer>;
  /** Sends the user to a page (a payment page); accept means they agreed to open it. */
  openUrl?(message: string, url: string): Promise<UserAnswer>;
}

export interface OperationContext {
  deps: CoreDeps;
  caller: Caller;
  /** The verified token claims, set by the dispatcher when a valid bearer token came. */
  claims?: TokenClaims;
}

export interface Operation<I extends TObject = TObject, O extends TObject = TObject> {
  /** The MCP tool name: snake_case verb_noun, stable once shipped. */
  name: string;
  title: string;
  /** Product copy for a model: when to use it, what it returns, what comes next. */
  description: string;
  /** Path is relative to /api/v1; `:name` segments are taken from input fields of that name. */
  http: { method: HttpMethod; path: string };
  input: I;
  output: O;
  hints: OperationHints;
  /** One line for people and models reading the MCP text content. */
  summarize: (output: Static<O>) => string;
  run: (input: Static<I>, ctx: OperationContext) => Promise<Static<O>>;
}

/** Declares an operation; the identity function exists for inference of I and O. */
export function defineOperation<I extends TObject, O extends TObject>(op: Operation<I, O>): Operation<I, O> {
  return op;
}

// Operations differ in their I/O types; a list of them is held at the widest type.
export type AnyOperation = Operation<any, any>;
