/**
 * The deployment artifacts, validated as far as this machine allows: no container engine runs here, so the
 * Dockerfile and compose file are checked for what production needs, every environment key compose sets must be
 * a real configuration key, and nginx.conf goes through `nginx -t` (Debian's nginx; .ci/run installs it).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { parse } from 'yaml';
import { ConfigSchema } from '../src/config.js';

const root = new URL('..', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, root), 'utf8');

t.test('Dockerfile: multi-stage, Node 22, non-root, health-checked', async (t) => {
  const lines = read('Dockerfile').split('\n');
  const froms = lines.filter((l) => l.startsWith('FROM '));
  t.ok(froms.length >= 2, 'a build stage and a runtime stage');
  t.match(froms.at(-1), /^FROM node:22-/, 'the runtime image is Node 22 LTS');
  const user = lines.findIndex((l) => l.startsWith('USER '));
  const cmd = lines.findIndex((l) => l.startsWith('CMD '));
  t.ok(user > 0 && user < cmd, 'USER comes before CMD');
  t.notMatch(lines[user], /root/, 'and it is not root');
  t.ok(lines.some((l) => l.startsWith('HEALTHCHECK ')), 'HEALTHCHECK');
  t.ok(lines.some((l) => /ONNXRUNTIME_NODE_INSTALL=skip/.test(l)), 'no GPU download at install');
  t.ok(lines.some((l) => /npm prune --omit=dev/.test(l)), 'dev dependencies left out of the image');
  t.match(read('.dockerignore'), /node_modules/);
});

t.test('compose: app, Redis with append-only persistence, Qdrant, nginx; only real config keys', async (t) => {
  const compose = parse(read('docker-compose.production.yml')) as { services: Record<string, any>; volumes: Record<string, unknown> };
  t.same(Object.keys(compose.services).sort(), ['app', 'nginx', 'qdrant', 'redis']);
  const { app, redis, nginx } = compose.services;
  t.match(redis.command.join(' '), /--appendonly yes/, 'Redis keeps an append-only file');
  t.ok(redis.healthcheck && app.healthcheck, 'health checks');
  t.equal(app.depends_on.redis.condition, 'service_healthy');
  t.equal(app.environment.REDIS_URL, 'redis://redis:6379/0');
  t.equal(app.environment.QDRANT_URL, 'http://qdrant:6333');
  const known = new Set(Object.keys(ConfigSchema.properties));
  for (const key of Object.keys(app.environment)) t.ok(known.has(key), `${key} is a configuration key`);
  t.ok(nginx.ports.includes('443:443'));
  for (const volume of ['app-data', 'redis-data', 'qdrant-data']) t.ok(volume in compose.volumes, `volume ${volume}`);
});

t.test('nginx.conf passes nginx -t, with /mcp unbuffered and long reads', async (t) => {
  const conf = read('nginx.conf');
  const mcp = conf.slice(conf.indexOf('location /mcp'), conf.indexOf('}', conf.indexOf('location /mcp')));
  t.match(mcp, /proxy_buffering off;/);
  t.match(mcp, /proxy_read_timeout 3600s;/);
  t.match(conf, /gzip on;/);
  t.match(conf, /ssl_certificate /);

  let nginx: string;
  try {
    nginx = execFileSync('sh', ['-c', 'command -v nginx || ls /usr/sbin/nginx'], { encoding: 'utf8' }).trim().split('\n')[0] as string;
  } catch {
    t.fail('nginx is not installed: .ci/run installs it from Debian packages (apt-get install nginx)');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'nginx-test-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-keyout', join(dir, 'privkey.pem'), '-out', join(dir, 'fullchain.pem')], { stdio: 'ignore' });
  // the container's names and paths, made real on this machine
  const local = conf.replaceAll('/etc/nginx/certs/', `${dir}/`).replace('server app:3000;', 'server 127.0.0.1:3000;');
  writeFileSync(join(dir, 'nginx.conf'), local);
  let output = '';
  try {
    output = execFileSync(nginx, ['-t', '-p', dir, '-c', join(dir, 'nginx.conf'), '-g', `pid ${dir}/nginx.pid; error_log stderr;`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    output = `${(err as { stderr?: string }).stderr ?? ''}`;
    t.fail(`nginx -t failed: ${output}`);
    return;
  }
  t.pass('nginx -t: syntax is ok and the test is successful');
});
