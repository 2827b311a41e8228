/**
 * Operations as MCP tools. Tool definitions (schemas compiled once) are built at start; a cheap McpServer is
 * made from them per HTTP request (stateless transport) or once for stdio.
 */
import { fromJsonSchema, McpServer, type CallToolResult, type ServerContext, type JsonSchemaValidator, type jsonSchemaValidator } from '@modelcontextprotocol/server';
import { errorBody, DomainError, isDomainError } from '../core/errors.js';
import type { AnyOperation, Caller, CoreDeps, UserPrompt } from '../core/operation.js';
import { randomUUID } from 'node:crypto';
import { runOperation } from '../core/dispatch.js';
import { registerResourcesAndPrompts } from './resources.js';
import { IdempotencyKey, takesIdempotencyKey } from '../core/idempotency.js';
import { Type, type TObject } from '@sinclair/typebox';
import { closedInput, inputValidator } from '../validation.js';

export const SERVER_INFO = { name: 'ondc-shopping-mcp', version: '0.1.0' } as const;

const INSTRUCTIONS =
  'Shop on India\'s ONDC network. Start with initialize_shopping and pass its session_id to every other tool. ' +
  'Find products with search_products or browse_categories, then add_to_cart, view_cart and get_cart_total. ' +
  'Prices are in rupees (INR); every amount also carries paise. Never invent product ids: use ids from results.';

export interface Logger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * Tool arguments are validated in the handler (below) by the validator the library uses, so a bad argument gets
 * the same VALIDATION_FAILED code and wording as on REST. The SDK is handed a validator that accepts anything
 * for inputs; it still publishes the real input schema in tools/list.
 */
const acceptArguments: jsonSchemaValidator = {
  getValidator<T>(): JsonSchemaValidator<T> {
    return (input) => ({ valid: true, data: input as T, errorMessage: undefined });
  },
};

type ToolHandler = (args: unknown, caller: Caller) => Promise<CallToolResult>;

interface ToolDefinition {
  op: AnyOperation;
  inputSchema: ReturnType<typeof fromJsonSchema>;
  outputSchema: ReturnType<typeof fromJsonSchema>;
  handler: ToolHandler;
}

export function toolErrorResult(err: DomainError): CallToolResult {
  return {
    isError: true,
    content: [{ type: 'text', text: `${err.code}: ${err.message}` }],
    _meta: { error: errorBody(err).error },
  };
}

/** A tool's arguments: the operation's input, and an idempotency_key where the operation changes state. */
function toolInput(op: AnyOperation): TObject {
  if (!takesIdempotencyKey(op)) return op.input as TObject;
  const input = op.input as TObject;
  return Type.Object({ ...input.properties, idempotency_key: Type.Optional(IdempotencyKey) }, { ...(input.description ? { description: input.description } : {}) });
}

export function buildToolDefinitions(operations: readonly AnyOperation[], deps: CoreDeps, log: Logger): ToolDefinition[] {
  const validate = inputValidator();
  return operations.map((op) => ({
    op,
    inputSchema: fromJsonSchema(closedInput(toolInput(op)) as never, acceptArguments),
    outputSchema: fromJsonSchema(op.output as never),
    handler: async (args, caller) => {
      try {
        const { idempotency_key: key, ...rest } = (args ?? {}) as Record<string, unknown>;
        const input = validate(closedInput(op.input), takesIdempotencyKey(op) ? rest : args, 'arguments');
        const output = await runOperation(op, input as never, deps, caller, key !== undefined && takesIdempotencyKey(op) ? { idempotencyKey: key as string } : {});
        return { content: [{ type: 'text', text: op.summarize(output) }], structuredContent: output };
      } catch (err) {
        if (isDomainError(err)) {
          if (err.status >= 500) log.warn({ tool: op.name, code: err.code }, 'tool failed');
          return toolErrorResult(err);
        }
        log.error({ tool: op.name, err }, 'tool failed unexpectedly');
        return toolErrorResult(new DomainError('INTERNAL', 'Something went wrong on our side; retry shortly.'));
      }
    },
  }));
}

/** One server per connection (stdio) or per request (stateless HTTP), for one caller. */
export function createMcpServer(tools: readonly ToolDefinition[], caller: Caller, deps?: CoreDeps): McpServer {
  const server = new McpServer(SERVER_INFO, {
    instructions: INSTRUCTIONS,
    capabilities: { tools: {}, ...(deps ? { resources: {}, prompts: {} } : {}) },
  });
  if (deps) registerResourcesAndPrompts(server, deps, caller);
  for (const { op, inputSchema, outputSchema, handler } of tools) {
    server.registerTool(
      op.name,
      {
        title: op.title,
        description: op.description,
        inputSchema,
        outputSchema,
        annotations: {
          title: op.title,
          readOnlyHint: op.hints.readOnly,
          idempotentHint: op.hints.idempotent,
          destructiveHint: op.hints.destructive,
          openWorldHint: op.hints.openWorld ?? false,
        },
      },
      (args: unknown, ctx: ServerContext) => handler(args, withPrompt(server, ctx, caller)),
    );
  }
  return server;
}

/** How long a question may wait for a person to answer it. */
const ANSWER_TIMEOUT_MS = 10 * 60_000;

const CONFIRM_SCHEMA = {
  type: 'object',
  properties: { confirm: { type: 'boolean', title: 'Place the order?', description: 'Yes places the orders for the totals shown' } },
  required: ['confirm'],
} as const;

/**
 * The caller, able to ask the user directly when the client declared elicitation (form mode for confirmations,
 * URL mode for payment pages). A client that cannot be asked (or the stateless HTTP endpoint, where the SDK knows
 * no client capabilities) gets none, and the token path applies.
 */
function withPrompt(server: McpServer, ctx: ServerContext, caller: Caller): Caller {
  const modes = server.server.getClientCapabilities()?.elicitation;
  if (!modes?.form) return caller;
  const ask: UserPrompt = {
    async confirm(message) {
      const answer = await ctx.mcpReq.elicitInput({ mode: 'form', message, requestedSchema: CONFIRM_SCHEMA as never }, { timeout: ANSWER_TIMEOUT_MS });
      if (answer.action !== 'accept') return answer.action;
      return (answer.content as { confirm?: unknown } | undefined)?.confirm === true ? 'accept' : 'decline';
    },
    ...(modes.url
      ? {
          async openUrl(message: string, url: string) {
            const answer = await ctx.mcpReq.elicitInput({ mode: 'url', message, url, elicitationId: randomUUID() }, { timeout: ANSWER_TIMEOUT_MS });
            return answer.action;
          },
        }
      : {}),
  };
  return { ...caller, ask };
}
