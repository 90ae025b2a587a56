// The relay's front door: decides access at the upgrade, then hands the socket to its plan's room.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import type { PlanDoc } from '../../src/model/docs.ts';
import { isPlanId } from '../auth.ts';
import type { Role } from '../auth.ts';
import {
  CLOSE_BAD_TOKEN,
  CLOSE_GOING_AWAY,
  CLOSE_INTERNAL_ERROR,
  CLOSE_NO_SUCH_PLAN,
} from '../closeCodes.ts';
import type { Logger } from '../log.ts';
import { errorText } from '../log.ts';
import type { Storage } from '../storage/types.ts';
import { Connection, DEFAULT_MAX_FRAME_BYTES, DEFAULT_PING_INTERVAL_MS } from './connection.ts';
import { Rooms } from './rooms.ts';

export interface RelayOptions {
  readonly storage: Storage;
  readonly log: Logger;
  readonly maxFrameBytes?: number;
  readonly pingIntervalMs?: number;
}

/** The websocket side of the server. */
export interface Relay {
  /** Takes over an upgrade request for `/sync/<planId>`; the token comes from the `token` query parameter. */
  handleUpgrade(
    request: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    planId: string,
    token: string | null,
  ): void;
  /** The live doc of a plan that is in memory, else undefined. */
  loadedDoc(planId: string): Promise<PlanDoc | undefined>;
  /** Closes every socket (1001) and waits until every accepted update is stored. */
  close(): Promise<void>;
}

type Access = { readonly role: Role } | { readonly refuse: number; readonly reason: string };

/** Creates the relay; `ws` itself never decides access or frame size (see maxPayload below). */
export function createRelay(options: RelayOptions): Relay {
  const { storage, log } = options;
  const maxFrameBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
  const connectionOptions = {
    maxFrameBytes,
    pingIntervalMs: options.pingIntervalMs ?? DEFAULT_PING_INTERVAL_MS,
    log,
  };
  // ws closes frames above maxPayload with 1009, which the stock client retries forever; so ws gets a
  // higher hard cap and the connection checks the real limit itself and closes with 4413.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: Math.max(4 * maxFrameBytes, 16 * 1024 * 1024),
  });
  const rooms = new Rooms(storage, log);
  let closing = false;

  async function decide(planId: string, token: string | null): Promise<Access> {
    if (!isPlanId(planId) || !(await storage.planExists(planId)))
      return { refuse: CLOSE_NO_SUCH_PLAN, reason: 'no such plan' };
    const role = token ? await storage.roleForToken(planId, token) : null;
    return role === null ? { refuse: CLOSE_BAD_TOKEN, reason: 'missing or wrong token' } : { role };
  }

  function admit(ws: WebSocket, planId: string, access: Access): void {
    if ('refuse' in access) {
      // Admitted sockets get their error handler from Connection; a refused one needs its own.
      ws.on('error', (error) => log.warn('socket error', { error: errorText(error) }));
      log.info('socket refused', { plan: planId, code: access.refuse });
      ws.close(access.refuse, access.reason);
      return;
    }
    const connection: Connection = new Connection(ws, planId, access.role, connectionOptions, {
      onMessage: (conn, message) => room.receive(conn, message),
      onClose: (conn) => {
        log.info('socket left', { plan: planId, conn: conn.id });
        rooms.leave(room, conn);
      },
    });
    const room = rooms.join(connection);
    log.info('socket joined', { plan: planId, conn: connection.id, role: access.role });
  }

  return {
    handleUpgrade(request, socket, head, planId, token) {
      socket.on('error', (error) => log.warn('upgrade socket error', { error: errorText(error) }));
      decide(planId, token)
        .catch((error: unknown): Access => {
          log.error('access check failed', { plan: planId, error: errorText(error) });
          return { refuse: CLOSE_INTERNAL_ERROR, reason: 'internal error' };
        })
        .then((access) => {
          // A socket whose check finished after shutdown began would join a relay that is going away.
          if (closing) return socket.destroy();
          wss.handleUpgrade(request, socket, head, (ws) => admit(ws, planId, access));
        });
    },
    loadedDoc: (planId) => rooms.loadedDoc(planId),
    async close() {
      closing = true;
      const sockets = [...wss.clients];
      const closed = Promise.all(sockets.map((ws) => new Promise((resolve) => ws.once('close', resolve))));
      for (const ws of sockets) ws.close(CLOSE_GOING_AWAY, 'server shutting down');
      const timeout = new Promise((resolve) => setTimeout(resolve, 2000).unref());
      await Promise.race([closed, timeout]);
      for (const ws of wss.clients) ws.terminate();
      await rooms.drain();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
