import { Type } from '@sinclair/typebox';
import { ERROR_CODES } from '../core/errors.js';

const ERROR_TYPES = [...new Set(Object.values(ERROR_CODES).map((c) => c.type))];

export const ErrorResponse = Type.Object({
  success: Type.Literal(false),
  error: Type.Object({
    type: Type.Union(ERROR_TYPES.map((t) => Type.Literal(t))),
    code: Type.Union(Object.keys(ERROR_CODES).map((c) => Type.Literal(c))),
    message: Type.String({ description: 'What went wrong and what to do next' }),
    details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  }),
});
