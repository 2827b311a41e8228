/**
 * Input validation shared by the surfaces. MCP and the library validate with this Ajv; REST validates with
 * Fastify's (the same Ajv 8, the same options that matter: defaults applied, unknown fields refused). Every
 * surface words schema errors with `describeSchemaErrors`, so a caller reads the same message everywhere.
 */
import { Type, type TObject } from '@sinclair/typebox';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { DomainError } from './core/errors.js';

/** The fields of an Ajv error that the message needs (Fastify's validation errors have the same shape). */
export type SchemaError = Pick<ErrorObject, 'instancePath' | 'keyword' | 'params' | 'message'>;

/** `where` names the part of the request that was checked, e.g. `body`, `headers`, `arguments`. */
export function describeSchemaErrors(errors: readonly SchemaError[], where: string): string {
  const parts = errors.map((e) => {
    const at = `${where}${e.instancePath.replace(/\//g, '.')}`;
    if (e.keyword === 'additionalProperties') {
      return `${at} has an unknown field "${String((e.params as { additionalProperty?: string }).additionalProperty)}"`;
    }
    return `${at} ${e.message ?? 'is invalid'}`;
  });
  return `Invalid request: ${[...new Set(parts)].join('; ')}. Fix the value and retry.`;
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export function createAjv(): Ajv {
  const ajv = new Ajv({ strict: false, useDefaults: true, allErrors: false, coerceTypes: false });
  addFormats(ajv);
  return ajv;
}

function missesSession(errors: readonly SchemaError[]): boolean {
  return errors.some((e) => e.keyword === 'required' && (e.params as { missingProperty?: string }).missingProperty === 'session_id');
}

/** A missing session id gets its own code on every surface: the fix (start a session) differs from a typo's. */
export function schemaError(errors: readonly SchemaError[], where: string): DomainError {
  if (missesSession(errors)) {
    return new DomainError(
      'SESSION_REQUIRED',
      'A session_id is required: call initialize_shopping (REST: POST /api/v1/sessions) and pass the session_id it returns.',
    );
  }
  return new DomainError('VALIDATION_FAILED', describeSchemaErrors(errors, where));
}

/** A copy to apply defaults to. structuredClone recurses, so input nested thousands deep overflows the stack. */
function cloneInput(input: unknown, where: string): unknown {
  try {
    return structuredClone(input ?? {});
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    throw new DomainError(
      'VALIDATION_FAILED',
      `Invalid request: ${where} nested too deeply to read (thousands of levels). Send only the fields the schema describes.`,
    );
  }
}

export type InputValidator = <T>(schema: TObject, input: unknown, where: string) => T;

/** A validator that compiles each schema once, applies defaults, and throws VALIDATION_FAILED with our wording. */
export function inputValidator(ajv: Ajv = createAjv()): InputValidator {
  const compiled = new WeakMap<TObject, ValidateFunction>();
  return <T>(schema: TObject, input: unknown, where: string): T => {
    let validate = compiled.get(schema);
    if (!validate) {
      validate = ajv.compile(schema);
      compiled.set(schema, validate);
    }
    const value = cloneInput(input, where);
    if (!validate(value)) throw schemaError(validate.errors ?? [], where);
    return value as T;
  };
}

const closedSchemas = new WeakMap<TObject, TObject>();

/** The operation's input schema with unknown fields refused, so a misspelt field is an error, not a silent default. */
export function closedInput(schema: TObject): TObject {
  let closed = closedSchemas.get(schema);
  if (!closed) {
    closed = Type.Object(schema.properties, { ...schema, additionalProperties: false });
    closedSchemas.set(schema, closed);
  }
  return closed;
}
