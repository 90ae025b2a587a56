// The real server as a child process (`node --import tsx server/main.ts`, or a bundle as `npm run serve` runs it),
// for tests that kill it mid-flight.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { waitFor } from './waitFor.ts';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The tail of the child's output kept for failure messages. */
const OUTPUT_TAIL = 8000;

/** A port that was free a moment ago (the child binds it itself, so a restart can reuse it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** One run of the server process. */
export interface ChildRelay {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** Sends `signal` and resolves with the exit code (null when killed by a signal) once the process is gone. */
  stop(signal: NodeJS.Signals): Promise<number | null>;
  /** The last few kilobytes it wrote to stdout and stderr. */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal) once the process is gone, however it ended. */
  readonly exited: Promise<number | null>;
  /** The server's process id (for reading its memory from /proc). */
  readonly pid: number;
}

/**
 * Starts `server/main.ts` (or `bundle`, a bundled main.mjs, with plain node), with `nodeOptions`, PORT,
 * HOST=127.0.0.1, DATA_DIR and any `env` additions, and resolves once /healthz answers. Rejects with the child's
 * output if it exits or does not answer within `timeout` ms.
 */
export async function startChildRelay(
  {
    port,
    dataDir,
    env: more = {},
    bundle,
    nodeOptions = [],
  }: { port: number; dataDir: string; env?: NodeJS.ProcessEnv; bundle?: string; nodeOptions?: string[] },
  timeout = 20_000,
): Promise<ChildRelay> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    ...more,
  };
  // Plan creation in the tests must not need an admin token the developer happens to have set.
  delete env.SAMPLAN_ADMIN_TOKEN;
  const args = [...nodeOptions, ...(bundle === undefined ? ['--import', 'tsx', 'server/main.ts'] : [bundle])];
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(
      async () => {
        if (child.exitCode !== null || child.signalCode !== null) throw new Error('the server exited');
        const response = await fetch(`${url}/healthz`);
        return response.ok;
      },
      { timeout, interval: 50 },
    );
  } catch (error) {
    await stopChild(child, exited, 'SIGKILL');
    throw new Error(`server did not start: ${String(error)}\n${output}`, { cause: error });
  }
  return {
    url,
    stop: (signal) => stopChild(child, exited, signal),
    output: () => output,
    exited,
    pid: child.pid ?? 0,
  };
}

async function stopChild(
  child: ChildProcess,
  exited: Promise<number | null>,
  signal: NodeJS.Signals,
): Promise<number | null> {
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  return exited;
}
