// The relay's Prometheus metrics on a registry of its own (one per server, so servers in one process never collide).
// Labels are small fixed vocabularies from the code (roles, reasons, storage methods): never a plan id or a token.
import { Counter, Gauge, Histogram, Registry } from './prometheus.ts';
import type { Role } from './auth.ts';
import {
  CLOSE_ADDRESS_CROWDED,
  CLOSE_BAD_TOKEN,
  CLOSE_INTERNAL_ERROR,
  CLOSE_MALFORMED,
  CLOSE_NO_SUCH_PLAN,
  CLOSE_PLAN_CROWDED,
  CLOSE_PLAN_TOO_LARGE,
  CLOSE_TOO_LARGE,
  CLOSE_TOO_MANY_MESSAGES,
  CLOSE_VIEWER_WROTE,
} from './closeCodes.ts';
import type { Storage } from './storage/types.ts';

/** A refusal reason label: snake_case, from the code, never from the request. Anything else is counted as `other`. */
const REASON = /^[a-z][a-z0-9_]{0,39}$/;

/** A message kind label (`syncStep1`, `awareness`, …). */
const KIND = /^[a-zA-Z][a-zA-Z0-9_]{0,39}$/;

/** Reason labels for the relay's 44xx close codes (server/closeCodes.ts); unknown codes become `close_<code>`. */
const CLOSE_REASONS: Readonly<Record<number, string>> = {
  [CLOSE_MALFORMED]: 'malformed',
  [CLOSE_BAD_TOKEN]: 'bad_token',
  [CLOSE_VIEWER_WROTE]: 'viewer_wrote',
  [CLOSE_NO_SUCH_PLAN]: 'no_such_plan',
  [CLOSE_TOO_LARGE]: 'too_large',
  [CLOSE_PLAN_TOO_LARGE]: 'plan_too_large',
  [CLOSE_TOO_MANY_MESSAGES]: 'too_many_messages',
  [CLOSE_PLAN_CROWDED]: 'plan_crowded',
  [CLOSE_ADDRESS_CROWDED]: 'address_crowded',
  [CLOSE_INTERNAL_ERROR]: 'internal_error',
};

/** The reason label for a socket closed with `code`. */
export const reasonForCloseCode = (code: number): string => CLOSE_REASONS[code] ?? `close_${code}`;

/** Storage calls take microseconds to tens of milliseconds on a local SSD; a slow disk shows up in the top buckets. */
const STORAGE_BUCKETS = [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

export class Metrics {
  readonly registry = new Registry();
  private readonly connections = new Gauge({
    name: 'samplan_connections_open',
    help: 'Websocket connections admitted to a plan and still open, by role.',
    labelNames: ['role'] as const,
    registry: this.registry,
  });
  private readonly refusals = new Counter({
    name: 'samplan_refused_total',
    help: 'Sockets, messages and requests the server refused, by reason.',
    labelNames: ['reason'] as const,
    registry: this.registry,
  });
  private readonly received = new Counter({
    name: 'samplan_received_bytes_total',
    help: 'Bytes of websocket frames received from clients.',
    registry: this.registry,
  });
  private readonly messages = new Counter({
    name: 'samplan_messages_received_total',
    help: 'Decoded y-websocket messages received, by kind.',
    labelNames: ['kind'] as const,
    registry: this.registry,
  });
  private readonly accepted = new Counter({
    name: 'samplan_updates_accepted_total',
    help: 'Document updates stored durably (rate() gives updates per second).',
    registry: this.registry,
  });
  private readonly stored = new Counter({
    name: 'samplan_stored_bytes_total',
    help: 'Bytes of document updates stored.',
    registry: this.registry,
  });
  private readonly storageSeconds = new Histogram({
    name: 'samplan_storage_seconds',
    help: 'Time taken by storage calls, by method and outcome.',
    labelNames: ['method', 'outcome'] as const,
    buckets: STORAGE_BUCKETS,
    registry: this.registry,
  });
  private readonly httpResponses = new Counter({
    name: 'samplan_http_responses_total',
    help: 'HTTP responses sent, by status code.',
    labelNames: ['status'] as const,
    registry: this.registry,
  });
  private plansLoaded: () => number = () => 0;

  constructor() {
    new Gauge({
      name: 'samplan_plans_loaded',
      help: 'Plans held in memory by the relay.',
      registry: this.registry,
      collect: (gauge) => gauge.set(this.plansLoaded()),
    });
    new Gauge({
      name: 'samplan_process_memory_bytes',
      help: 'Memory of the server process (rss, heap_used, heap_total, external, array_buffers).',
      labelNames: ['kind'] as const,
      registry: this.registry,
      collect: (gauge) => {
        const usage = process.memoryUsage();
        gauge.set({ kind: 'rss' }, usage.rss);
        gauge.set({ kind: 'heap_used' }, usage.heapUsed);
        gauge.set({ kind: 'heap_total' }, usage.heapTotal);
        gauge.set({ kind: 'external' }, usage.external);
        gauge.set({ kind: 'array_buffers' }, usage.arrayBuffers);
      },
    });
    for (const role of ['edit', 'view'] satisfies Role[]) this.connections.set({ role }, 0);
  }

  /** Counts one refusal; `reason` is a fixed snake_case word from the code (`too_large`, `bad_token`, …). */
  refused(reason: string): void {
    this.refusals.inc({ reason: REASON.test(reason) ? reason : 'other' });
  }

  connectionOpened(role: Role): void {
    this.connections.inc({ role });
  }

  connectionClosed(role: Role): void {
    this.connections.dec({ role });
  }

  /** A websocket frame of `bytes` arrived (before any check, so refused frames count too). */
  frameReceived(bytes: number): void {
    this.received.inc(bytes);
  }

  /** A frame decoded as a message of `kind` (a ClientMessageKind). */
  messageReceived(kind: string): void {
    this.messages.inc({ kind: KIND.test(kind) ? kind : 'other' });
  }

  httpResponse(status: number): void {
    this.httpResponses.inc({ status: String(status) });
  }

  /** Where the plans-loaded gauge reads its value on each scrape. */
  watchPlansLoaded(count: () => number): void {
    this.plansLoaded = count;
  }

  /** The Prometheus text exposition; a promise, so collecting could become asynchronous without changing callers. */
  async text(): Promise<string> {
    return this.registry.text();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /**
   * `storage` with every method timed into `samplan_storage_seconds{method}`; `appendUpdate` also counts the
   * accepted update and its bytes once it is stored. A Proxy, so methods added to Storage later are timed too;
   * each method is wrapped once, since the relay calls appendUpdate for every update.
   */
  meter(storage: Storage): Storage {
    const wrapped = new Map<string, (...args: unknown[]) => unknown>();
    return new Proxy(storage, {
      get: (target, property, receiver) => {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function' || typeof property !== 'string') return value;
        let wrapper = wrapped.get(property);
        if (wrapper === undefined) {
          wrapper = this.timed(property, (args) =>
            (value as (...args: unknown[]) => unknown).apply(target, args),
          );
          wrapped.set(property, wrapper);
        }
        return wrapper;
      },
    });
  }

  /** `call` timed as storage method `method`, its outcome told apart. */
  private timed(method: string, call: (args: unknown[]) => unknown): (...args: unknown[]) => unknown {
    const observe = (start: number, outcome: 'ok' | 'error'): void =>
      this.storageSeconds.observe({ method, outcome }, (performance.now() - start) / 1000);
    return (...args) => {
      const start = performance.now();
      let result: unknown;
      try {
        result = call(args);
      } catch (error) {
        observe(start, 'error');
        throw error;
      }
      if (!(result instanceof Promise)) {
        observe(start, 'ok');
        return result;
      }
      return result.then(
        (resolved: unknown) => {
          observe(start, 'ok');
          if (method === 'appendUpdate' && args[1] instanceof Uint8Array) {
            this.accepted.inc();
            this.stored.inc(args[1].byteLength);
          }
          return resolved;
        },
        (error: unknown) => {
          observe(start, 'error');
          throw error;
        },
      );
    };
  }
}
