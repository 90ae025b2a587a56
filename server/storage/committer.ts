// Grouped, durable appends through the writer thread (commitWorker.mjs): the relay's thread hands batches over
// and goes on relaying while the disk syncs; each append's promise settles once its batch is committed.
import { Worker } from 'node:worker_threads';
import type { Author } from './types.ts';

/** An append waiting for its batch's commit, with its caller's promise. */
interface PendingAppend {
  readonly id: string;
  readonly data: Uint8Array;
  readonly author: Author | null;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

/** What the writer thread answers for each batch. */
interface CommitAnswer {
  /** Per append, in batch order: null when stored, else why not. */
  readonly errors: readonly (string | null)[];
  /** Plans of the batch holding more update rows than `compactAfter`. */
  readonly crowded: readonly string[];
}

export interface CommitterOptions {
  /** The database file; its schema must already be in place (the main connection migrates it). */
  readonly file: string;
  readonly compactAfter: number;
  /** Called on the main thread after a batch, with no batch in flight: the plans due for compaction. */
  readonly onCrowded: (planIds: readonly string[]) => void;
}

/**
 * One batch is in flight at a time; appends made meanwhile form the next one. So under load a batch holds
 * everything that arrived during the previous commit, and when idle an append waits one turn of the event loop.
 */
export class Committer {
  private readonly worker: Worker;
  private pending: PendingAppend[] = [];
  private inFlight: PendingAppend[] | null = null;
  private sendScheduled = false;
  private failure: Error | null = null;
  private readonly idleWaiters: (() => void)[] = [];

  constructor(private readonly options: CommitterOptions) {
    this.worker = new Worker(new URL('./commitWorker.mjs', import.meta.url), {
      workerData: { file: options.file, compactAfter: options.compactAfter },
      // Plain JavaScript: not the parent's options (--import tsx would load the TypeScript loader here too).
      execArgv: [],
      // It holds a few prepared statements and one batch at a time.
      resourceLimits: { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 64 },
    });
    // Only a batch in flight keeps the process alive (see send).
    this.worker.unref();
    this.worker.on('message', (answer: CommitAnswer) => this.answered(answer));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`the storage writer stopped (exit code ${code})`)));
  }

  /** False once the writer thread has failed: every append since is refused. */
  get working(): boolean {
    return this.failure === null;
  }

  /** Resolves once `data` is committed (durable); rejects with the reason it could not be. */
  append(id: string, data: Uint8Array, author: Author | null): Promise<void> {
    if (this.failure !== null) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.push({ id, data, author, resolve, reject });
      if (this.inFlight === null && !this.sendScheduled) {
        this.sendScheduled = true;
        // Appends made in this turn (many sockets read in one poll) share the batch.
        setImmediate(() => {
          this.sendScheduled = false;
          this.send();
        });
      }
    });
  }

  /** Resolves once every append made so far has settled. */
  settled(): Promise<void> {
    if (this.inFlight === null && this.pending.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Waits for every append made so far, then stops the writer thread. */
  async close(): Promise<void> {
    await this.settled();
    this.failure ??= new Error('storage is closed');
    await this.worker.terminate();
  }

  private send(): void {
    if (this.inFlight !== null || this.failure !== null) return;
    if (this.pending.length === 0) return this.becameIdle();
    const batch = this.pending;
    this.pending = [];
    this.inFlight = batch;
    this.worker.ref();
    this.worker.postMessage({
      batch: batch.map(({ id, data, author }) => ({ id, data, author })),
    });
  }

  private answered(answer: CommitAnswer): void {
    const batch = this.inFlight ?? [];
    this.inFlight = null;
    this.worker.unref();
    batch.forEach((item, i) => {
      const error = answer.errors[i];
      if (error === null) item.resolve();
      else item.reject(new Error(error ?? 'no answer for this update'));
    });
    if (answer.crowded.length > 0) this.options.onCrowded(answer.crowded);
    this.send();
  }

  private fail(error: Error): void {
    if (this.failure !== null) return;
    this.failure = error;
    for (const item of [...(this.inFlight ?? []), ...this.pending]) item.reject(error);
    this.inFlight = null;
    this.pending = [];
    this.becameIdle();
  }

  private becameIdle(): void {
    for (const wake of this.idleWaiters.splice(0)) wake();
  }
}
