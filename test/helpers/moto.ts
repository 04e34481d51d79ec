import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface MotoServer {
  endpoint: string;
  port: number;
  /** Environment for a child `kops` process (and the SDK in-process) pointing at this moto. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export function motoServerBinary(): string {
  try {
    return execFileSync('bash', ['-lc', 'command -v moto_server'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('moto_server is not installed; it comes with the machine (pip package moto[server])');
  }
}

/** Starts a moto_server of its own on a free loopback port; each test file uses its own. */
export async function startMoto(extraEnv: Record<string, string> = {}): Promise<MotoServer> {
  const port = await freePort();
  // moto's request recorder writes to ./moto_recording by default: one file of its own per server, or concurrent
  // servers started from the same folder interleave their recordings.
  const recordingDir = mkdtempSync(join(tmpdir(), 'moto-recording-'));
  const child: ChildProcess = spawn(motoServerBinary(), ['-H', '127.0.0.1', '-p', String(port)], {
    env: { ...process.env, MOTO_RECORDER_FILEPATH: join(recordingDir, 'recording'), ...extraEnv },
    stdio: 'ignore',
  });
  child.once('exit', () => rmSync(recordingDir, { recursive: true, force: true }));
  const endpoint = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const res = await fetch(`${endpoint}/moto-api/`);
      if (res.ok || res.status < 500) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`moto_server exited with code ${child.exitCode}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`moto_server did not answer on ${endpoint} within 30s`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const env = {
    AWS_ENDPOINT_URL: endpoint,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  return {
    endpoint,
    port,
    env,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
}
