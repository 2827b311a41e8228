/** The real server as a child process on a loopback port, for tests that kill it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { ConfigSchema } from '../../src/config.js';
import { dataDirSecrets, envSecrets, recordSecrets, runFile, TEST_LOG_LEVEL } from './log-run.js';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  base: string;
  stderr: () => string;
}

export async function startServer(env: Record<string, string>, port: number): Promise<ServerProcess> {
  // The server logs to stdout; that and its audit log go to the run's log directory for test/zz-log-scan.test.ts.
  const log = openSync(runFile('server'), 'a');
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    LOG_LEVEL: TEST_LOG_LEVEL,
    HOST: '127.0.0.1',
    PORT: String(port),
    EMBEDDER: 'none',
    AUDIT_LOG_FILE: runFile('audit', 'jsonl'),
    ...env,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], { env: childEnv, stdio: ['ignore', log, 'pipe'] });
  closeSync(log);
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += String(d)));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${stderr}`);
    try {
      const res = await fetch(`${base}/ready`);
      if (res.status === 200) {
        recordSecrets({
          sandboxSeed: Number(childEnv['SANDBOX_SEED'] ?? ConfigSchema.properties.SANDBOX_SEED.default),
          values: [...envSecrets(env), ...(childEnv['DATA_DIR'] ? dataDirSecrets(childEnv['DATA_DIR']) : [])],
        });
        return { child, base, stderr: () => stderr };
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not become ready: ${stderr}`);
}

export async function kill9(server: ServerProcess): Promise<void> {
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGKILL');
  await exited;
}

export interface SandboxProcess {
  child: ChildProcess;
  base: string;
  /** The JSON line it logs once listening: registry, gateway and sellers. */
  ready: Record<string, any>;
}

/** `ondc-shop sandbox`, the ONDC network alone, as its own process; resolves once it announces itself. */
export async function startSandboxProcess(port: number, env: Record<string, string> = {}): Promise<SandboxProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'sandbox'], {
    env: { ...process.env, SANDBOX_PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', EMBEDDER: 'none', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += String(d)));
  const ready = await new Promise<Record<string, any>>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += String(d);
      const line = out.split('\n').find((l) => l.includes('sandbox ONDC network ready'));
      if (line) resolve(JSON.parse(line));
    });
    child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}: ${out}${stderr}`)));
  });
  return { child, base: `http://127.0.0.1:${port}`, ready };
}
