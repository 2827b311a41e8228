/** The OpenAPI document as served at /docs/json, in the stable text form committed to openapi/openapi.json. */
import type {} from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';

export async function openApiText(app: FastifyInstance): Promise<string> {
  await app.ready();
  return `${JSON.stringify(app.swagger(), null, 2)}\n`;
}
