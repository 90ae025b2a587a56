// Starts the whole server (app files, API, relay) on one port; used by main.ts and by the tests.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequestHandler, createUpgradeHandler } from './http.ts';
import { createLogger } from './log.ts';
import { Metrics } from './metrics.ts';
import { normalizeOrigin } from './origin.ts';
import type { Logger } from './log.ts';
import type { RelayLimits } from './relay/limits.ts';
import { createRelay } from './relay/relay.ts';
import { openSqliteStorage } from './storage/sqlite.ts';
import type { Storage } from './storage/types.ts';

export interface ServerOptions {
  /** 0 picks a free port. */
  readonly port: number;
  readonly host: string;
  /** Where `samplan.sqlite` lives; created if missing. */
  readonly dataDir: string;
  /** When set, POST /api/plans needs it as a bearer token. */
  readonly adminToken?: string;
  /** When set, GET /metrics needs it as a bearer token; when not, only loopback peers may read /metrics. */
  readonly metricsToken?: string;
  /**
   * Origins whose pages may open websockets besides the server's own (`https://host[:port]`); others get 403 at
   * the upgrade. A malformed entry fails the start.
   */
  readonly allowedOrigins?: readonly string[];
  /** The built app to serve (dist/). */
  readonly staticDir?: string;
  /** Per-frame limit for websocket messages (default 4 MiB). */
  readonly maxFrameBytes?: number;
  /**
   * The relay's other limits (server/relay/limits.ts): bytes before access is decided, messages per second per
   * socket, sockets per plan and per address, plan size. Each one not given keeps its default.
   */
  readonly limits?: Partial<RelayLimits>;
  readonly pingIntervalMs?: number;
  /** Compact a plan's stored updates after this many (default 500). */
  readonly compactAfter?: number;
  /** An already opened storage to use instead of SQLite in `dataDir` (tests wrap it to delay or observe calls). */
  readonly storage?: Storage;
  readonly log?: Logger;
}

export interface RunningServer {
  /** `http://host:port`; the relay is at `${url}/sync`. */
  readonly url: string;
  readonly port: number;
  /** Closes every socket, waits until every accepted update is stored, closes storage and the port. */
  close(): Promise<void>;
}

/** Opens storage and listens. Rejects if the database cannot be opened or the port is taken. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const log = options.log ?? createLogger();
  // Checked before storage opens, so a bad setting leaves nothing to close.
  const allowedOrigins = (options.allowedOrigins ?? []).map(normalizeOrigin);
  const storage =
    options.storage ??
    openSqliteStorage({
      dataDir: options.dataDir,
      ...(options.compactAfter === undefined ? {} : { compactAfter: options.compactAfter }),
    });
  // One registry per server; storage calls are timed and accepted updates counted through the metered storage.
  const metrics = new Metrics();
  const metered = metrics.meter(storage);
  const relay = createRelay({
    storage: metered,
    metrics,
    log,
    ...(options.maxFrameBytes === undefined ? {} : { maxFrameBytes: options.maxFrameBytes }),
    ...(options.pingIntervalMs === undefined ? {} : { pingIntervalMs: options.pingIntervalMs }),
    ...(options.limits === undefined ? {} : { limits: options.limits }),
  });
  const ctx = {
    storage: metered,
    relay,
    log,
    metrics,
    ...(options.metricsToken ? { metricsToken: options.metricsToken } : {}),
    ...(options.adminToken ? { adminToken: options.adminToken } : {}),
    ...(options.staticDir === undefined ? {} : { staticDir: options.staticDir }),
    allowedOrigins,
  };
  const server = createServer(createRequestHandler(ctx));
  server.on('upgrade', createUpgradeHandler(ctx));
  server.on('clientError', (_error, socket) => socket.destroy());
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => resolve());
    });
  } catch (error) {
    await storage.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        await relay.close();
        await storage.close();
        server.closeAllConnections();
        await closed;
      })();
      return closing;
    },
  };
}
