/** Every route a Fastify app serves, read from its route tree, so that a test can cover routes added later. */
import type { FastifyInstance } from 'fastify';

export interface RouteEntry {
  path: string;
  methods: string[];
}

/**
 * Parses `printRoutes({ commonPrefix: false })`: one node per line, four characters of indent per level, the
 * node's path segment and, when it has handlers, their methods in parentheses.
 */
export function routeTable(app: FastifyInstance): RouteEntry[] {
  const parents: string[] = [];
  const routes: RouteEntry[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^(.*?)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = (match[1] as string).length / 4;
    const path = `${depth > 0 ? parents[depth - 1] : ''}${match[2] as string}`;
    parents[depth] = path;
    parents.length = depth + 1;
    if (match[3]) routes.push({ path, methods: match[3].split(', ') });
  }
  return routes;
}
