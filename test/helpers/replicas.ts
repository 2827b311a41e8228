/**
 * What stands between replicas in production, on loopback: a load balancer in front of their ONDC callback
 * routes, and a TCP link to Redis that a test can cut and restore.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import net from 'node:net';
import { request } from 'undici';

export interface LoadBalancer {
  url: string;
  /** Where the next callbacks go: the one replica given, or a random one of several. */
  route(targets: string[]): void;
  /** Callbacks each replica got since the last reset. */
  counts(): Record<string, number>;
  reset(): void;
  /** Every answer a replica gave that was not 200, as `status path`. */
  failures: string[];
  close(): Promise<void>;
}

const PASSED_HEADERS = ['content-type', 'authorization', 'x-gateway-authorization'];

const pick = (headers: IncomingHttpHeaders) =>
  Object.fromEntries(PASSED_HEADERS.filter((h) => typeof headers[h] === 'string').map((h) => [h, headers[h] as string]));

export async function startLoadBalancer(): Promise<LoadBalancer> {
  let targets: string[] = [];
  let counts: Record<string, number> = {};
  const failures: string[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const target = targets[Math.floor(Math.random() * targets.length)];
    if (!target) {
      res.writeHead(503).end();
      return;
    }
    counts[target] = (counts[target] ?? 0) + 1;
    try {
      const upstream = await request(`${target}${req.url}`, { method: 'POST', headers: pick(req.headers), body: Buffer.concat(chunks) });
      const body = Buffer.from(await upstream.body.arrayBuffer());
      if (upstream.statusCode !== 200) failures.push(`${upstream.statusCode} ${req.url}`);
      res.writeHead(upstream.statusCode, { 'content-type': String(upstream.headers['content-type'] ?? 'application/json') }).end(body);
    } catch (err) {
      failures.push(`unreachable ${req.url}: ${(err as Error).message}`);
      res.writeHead(502).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    route: (next) => {
      targets = next;
    },
    counts: () => ({ ...counts }),
    reset: () => {
      counts = {};
    },
    failures,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface CuttableLink {
  port: number;
  /** Stops listening and drops every connection: Redis looks gone. */
  cut(): Promise<void>;
  /** Listens again on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startCuttableLink(upstreamPort: number): Promise<CuttableLink> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(upstreamPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  const listen = (port: number) => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const cut = async () => {
    if (!server.listening) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
  };
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  return { port, cut, restore: () => listen(port), close: cut };
}
