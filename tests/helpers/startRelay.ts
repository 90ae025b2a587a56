// Relay fixtures: a real server on port 0 over a temp SQLite dir, plus tracked providers and raw sockets for teardown.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startServer } from '../../server/app.ts';
import type { RunningServer, ServerOptions } from '../../server/app.ts';
import { silentLogger } from '../../server/log.ts';
import type { TemplateId } from '../../src/model/schema.ts';
import { createPlanAt, nodeProvider } from './nodeClient.ts';
import { waitFor } from './waitFor.ts';

export interface CreatedPlan {
  readonly id: string;
  readonly editToken: string;
  readonly viewToken: string;
}

/** A raw client socket with what it received and how it closed. */
export interface RawSocket {
  readonly ws: WebSocket;
  readonly frames: Uint8Array[];
  /** Resolves with the close code once the server (or we) closed the socket. */
  readonly closed: Promise<number>;
  /** Resolves when the socket is open (rejects if it never opens). */
  readonly opened: Promise<void>;
}

export type RelayOptions = Partial<Omit<ServerOptions, 'dataDir'>>;

/** A running relay for one test file; `close()` tears down every client it handed out, the server and the temp dir. */
export interface TestRelay {
  readonly dataDir: string;
  /** `http://127.0.0.1:<port>`; changes on restart. */
  readonly url: string;
  /** Closes the server (every accepted update stored) and starts a new one on the same data dir. */
  restart(options?: RelayOptions): Promise<void>;
  /** POST /api/plans; throws unless 201. */
  createPlan(template?: TemplateId, title?: string): Promise<CreatedPlan>;
  /** A stock y-websocket provider on a fresh Y.Doc (or `doc`), connected to `planId` with `token`. */
  provider(planId: string, token: string | undefined, doc?: Y.Doc): WebsocketProvider;
  /** A provider that has finished its first sync. */
  syncedProvider(planId: string, token: string, doc?: Y.Doc): Promise<WebsocketProvider>;
  /** A raw `ws` socket on `/sync/<planId>`, with `token` as the query parameter when given. */
  rawSocket(planId: string, token?: string): RawSocket;
  close(): Promise<void>;
}

/** Starts a relay on port 0 with a fresh temp data dir (or `dataDir`) and silent logs. */
export async function startRelay(options: RelayOptions = {}, dataDir?: string): Promise<TestRelay> {
  const dir = dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'samplan-relay-')));
  const start = (more: RelayOptions): Promise<RunningServer> =>
    startServer({ port: 0, host: '127.0.0.1', log: silentLogger, ...options, ...more, dataDir: dir });
  let server = await start({});
  const providers = new Set<WebsocketProvider>();
  const sockets = new Set<WebSocket>();

  const relay: TestRelay = {
    dataDir: dir,
    get url() {
      return server.url;
    },
    async restart(more = {}) {
      await server.close();
      server = await start(more);
    },
    async createPlan(template = 'empty', title = 'Testplan') {
      return createPlanAt(server.url, { title, template, adminToken: options.adminToken || undefined });
    },
    provider(planId, token, doc = new Y.Doc()) {
      const provider = nodeProvider(server.url, planId, token, doc);
      providers.add(provider);
      return provider;
    },
    async syncedProvider(planId, token, doc) {
      const provider = relay.provider(planId, token, doc);
      await waitFor(() => provider.synced);
      return provider;
    },
    rawSocket(planId, token) {
      const query = token === undefined ? '' : `?token=${encodeURIComponent(token)}`;
      const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/sync/${planId}${query}`);
      sockets.add(ws);
      const frames: Uint8Array[] = [];
      ws.on('message', (data: Buffer) => frames.push(new Uint8Array(data)));
      ws.on('error', () => {});
      const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
      const opened = new Promise<void>((resolve, reject) => {
        ws.once('open', () => resolve());
        ws.once('close', () => reject(new Error('closed before open')));
      });
      opened.catch(() => {});
      return { ws, frames, closed, opened };
    },
    async close() {
      for (const provider of providers) provider.destroy();
      for (const ws of sockets) ws.terminate();
      await server.close();
      if (dataDir === undefined) await rm(dir, { recursive: true, force: true });
    },
  };
  return relay;
}

/**
 * Resolves with the close code when the server ends `provider`'s connection with a 44xx code (the stock
 * client then stops retrying); rejects if that has not happened within `timeout` ms.
 */
export function closedWith(provider: WebsocketProvider, timeout = 5000): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`provider not closed with a 44xx code in ${timeout} ms`)),
      timeout,
    );
    provider.on('closed', (event: { code: number }) => {
      clearTimeout(timer);
      resolve(event.code);
    });
  });
}
