/**
 * The library surface: each operation as a plain async function, validated and defaulted exactly like REST and
 * MCP (same schema, same coded errors).
 */
import type { Static, TObject } from '@sinclair/typebox';
import type { CoreDeps, Operation } from './core/operation.js';
import { runOperation } from './core/dispatch.js';
import { takesIdempotencyKey } from './core/idempotency.js';
import { closedInput, inputValidator } from './validation.js';

/** The library runs inside the application that holds the sessions: it is trusted as the user's own process. */
export const LIBRARY_CALLER = { channel: 'library' } as const;

/** Fields that have defaults may be left out; anything else the schema requires is checked at call time. */
export type OperationInput<I extends TObject> = Partial<Static<I>> & {
  /** For operations that change state: a retry with the same key returns the first result (see IdempotencyKey). */
  idempotency_key?: string;
};

export type OperationFunction<I extends TObject, O extends TObject> = (input: OperationInput<I>) => Promise<Static<O>>;

const validate = inputValidator();

export function prepareInput<I extends TObject>(op: Operation<I, TObject>, input: unknown): Static<I> {
  return validate<Static<I>>(closedInput(op.input), input, 'input');
}

export function bindOperation<I extends TObject, O extends TObject>(
  op: Operation<I, O>,
  deps: () => Promise<CoreDeps>,
): OperationFunction<I, O> {
  return async (input) => {
    const { idempotency_key: key, ...rest } = (input ?? {}) as OperationInput<I>;
    const prepared = prepareInput(op as unknown as Operation<I, TObject>, takesIdempotencyKey(op) ? rest : input);
    return runOperation(op, prepared, await deps(), LIBRARY_CALLER, key !== undefined && takesIdempotencyKey(op) ? { idempotencyKey: key } : {});
  };
}
