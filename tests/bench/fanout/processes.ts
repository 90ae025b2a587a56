// Child processes of the fan-out bench (relays and client processes) and what /proc says about them.
import { fork, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** Every child still running, killed if the bench process exits any other way than through `stop()`. */
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * A node child with an IPC channel, running `module`: a TypeScript module beside this file (through tsx) or the
 * absolute path of a plain JavaScript file. Its stdout and stderr go to `logFd` (or nowhere).
 */
export interface Child<In, Out extends { type: string }> {
  readonly pid: number;
  send(message: In): void;
  /** The next message of `type` (rejects when the child sends `{type: 'error'}`, exits, or `timeoutMs` passes). */
  next<T extends Out['type']>(type: T, timeoutMs: number): Promise<Extract<Out, { type: T }>>;
  /** Sends `signal` (none: waits for the child to end by itself), then SIGKILL after `graceMs`; resolves once gone. */
  stop(signal: NodeJS.Signals | null, graceMs: number): Promise<void>;
}

export function startChild<In, Out extends { type: string }>(
  module: string,
  { env = {}, logFd, execArgv = [] }: { env?: NodeJS.ProcessEnv; logFd?: number; execArgv?: string[] } = {},
): Child<In, Out> {
  const output = logFd ?? 'ignore';
  const file = path.isAbsolute(module) ? module : fileURLToPath(new URL(module, import.meta.url));
  const child = fork(file, [], {
    cwd: REPO_ROOT,
    execArgv: [...(file.endsWith('.ts') ? ['--import', 'tsx'] : []), ...execArgv],
    env: { ...process.env, ...env },
    stdio: ['ignore', output, output, 'ipc'],
    // Latency samples come back as a Float64Array, which the JSON channel would turn into an object.
    serialization: 'advanced',
  });
  running.add(child);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      running.delete(child);
      resolve();
    }),
  );
  const inbox: Out[] = [];
  const waiting = new Set<() => void>();
  child.on('message', (message: Out) => {
    inbox.push(message);
    for (const wake of [...waiting]) wake();
  });
  child.once('exit', () => {
    for (const wake of [...waiting]) wake();
  });
  return {
    pid: child.pid ?? 0,
    send: (message) => void child.send(message as object),
    next<T extends Out['type']>(type: T, timeoutMs: number): Promise<Extract<Out, { type: T }>> {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const error = inbox.find((m) => m.type === 'error') as { message?: string } | undefined;
          const index = inbox.findIndex((m) => m.type === type);
          let failure: Error | undefined;
          if (error !== undefined) failure = new Error(`${module} failed: ${error.message ?? ''}`);
          else if (index >= 0) {
            done();
            resolve(inbox.splice(index, 1)[0] as Extract<Out, { type: T }>);
            return;
          } else if (child.exitCode !== null || child.signalCode !== null)
            failure = new Error(`${module} exited (${child.exitCode ?? child.signalCode}) before '${type}'`);
          if (failure !== undefined) {
            done();
            reject(failure);
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`${module}: no '${type}' within ${timeoutMs} ms`));
        }, timeoutMs);
        const done = (): void => {
          clearTimeout(timer);
          waiting.delete(check);
        };
        waiting.add(check);
        check();
      });
    },
    async stop(signal, graceMs) {
      if (child.exitCode === null && child.signalCode === null) {
        if (signal !== null) child.kill(signal);
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

const clockTicks = ((): number => {
  const result = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  const ticks = Number(result.stdout.trim());
  return Number.isFinite(ticks) && ticks > 0 ? ticks : 100;
})();

/** CPU seconds (user + system, all threads) the process has used so far, from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / clockTicks;
}

/** The process's resident set (VmRSS) in MB, from /proc/<pid>/status. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status)?.[1];
  if (kb === undefined) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb) / 1024;
}

/** Samples a process's RSS every `intervalMs` until stopped; keeps the peak. */
export class RssSampler {
  private peakMb = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pid: number,
    intervalMs = 250,
  ) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  /** Takes one sample now and returns it (MB). */
  sample(): number {
    const mb = rssMb(this.pid);
    this.peakMb = Math.max(this.peakMb, mb);
    return mb;
  }

  get peak(): number {
    return this.peakMb;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
