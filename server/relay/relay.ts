// The relay's front door: decides access at the upgrade, then hands the socket to its plan's room.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import type { PlanDoc } from '../../src/model/docs.ts';
import { isPlanId } from '../auth.ts';
import type { Role } from '../auth.ts';
import {
  CLOSE_ADDRESS_CROWDED,
  CLOSE_BAD_TOKEN,
  CLOSE_GOING_AWAY,
  CLOSE_INTERNAL_ERROR,
  CLOSE_NO_SUCH_PLAN,
  CLOSE_PLAN_CROWDED,
} from '../closeCodes.ts';
import type { Logger } from '../log.ts';
import { errorText } from '../log.ts';
import { Metrics, reasonForCloseCode } from '../metrics.ts';
import type { Storage } from '../storage/types.ts';
import { Connection, DEFAULT_MAX_FRAME_BYTES, DEFAULT_PING_INTERVAL_MS } from './connection.ts';
import { bufferPreAuth, ConnectionCounts, withDefaultLimits } from './limits.ts';
import type { RelayLimits } from './limits.ts';
import { RelaySocket } from './relaySocket.ts';
import { Rooms } from './rooms.ts';

export interface RelayOptions {
  readonly storage: Storage;
  readonly log: Logger;
  readonly maxFrameBytes?: number;
  readonly pingIntervalMs?: number;
  /** Limits besides frame size (server/relay/limits.ts); each missing one has its default. */
  readonly limits?: Partial<RelayLimits>;
  /** Where connections, frames and refusals are counted (a private registry when not given). */
  readonly metrics?: Metrics;
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
  /**
   * Call after the plan's `role` token was replaced in storage: closes every socket that came in with that role
   * (4401), and refuses any upgrade still being checked against the old token. Returns how many sockets closed.
   */
  closeRole(planId: string, role: Role): number;
  /** Closes every socket (1001) and waits until every accepted update is stored. */
  close(): Promise<void>;
}

type Access = { readonly role: Role } | { readonly refuse: number; readonly reason: string };

/** Creates the relay; `ws` itself never decides access or frame size (see maxPayload below). */
export function createRelay(options: RelayOptions): Relay {
  const { storage, log } = options;
  const maxFrameBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
  const metrics = options.metrics ?? new Metrics();
  const limits = withDefaultLimits(options.limits);
  const counts = new ConnectionCounts(limits);
  const connectionOptions = {
    maxFrameBytes,
    messages: limits.messages,
    pingIntervalMs: options.pingIntervalMs ?? DEFAULT_PING_INTERVAL_MS,
    log,
    metrics,
  };
  // ws refuses a frame over maxPayload from its header, before buffering it; RelaySocket sends that as 4413.
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxFrameBytes, WebSocket: RelaySocket });
  const rooms = new Rooms(storage, log, limits.maxPlanBytes);
  metrics.watchPlansLoaded(() => rooms.size);
  let closing = false;
  // How often each plan's role token was replaced: an upgrade whose check straddles a replacement is refused.
  const replaced = new Map<string, number>();
  const replacedCount = (planId: string, role: Role): number => replaced.get(`${role}:${planId}`) ?? 0;

  async function decide(planId: string, token: string | null): Promise<Access> {
    if (!isPlanId(planId) || !(await storage.planExists(planId)))
      return { refuse: CLOSE_NO_SUCH_PLAN, reason: 'no such plan' };
    const role = token ? await storage.roleForToken(planId, token) : null;
    return role === null ? { refuse: CLOSE_BAD_TOKEN, reason: 'missing or wrong token' } : { role };
  }

  /** Counts an admitted socket against its plan's limit until it closes; beyond the limit it is refused. */
  function withinPlanLimit(socket: Duplex, planId: string, access: Access): Access {
    if (!('role' in access)) return access;
    if (!counts.enterPlan(planId))
      return { refuse: CLOSE_PLAN_CROWDED, reason: 'too many connections to this plan' };
    socket.once('close', () => counts.leavePlan(planId));
    return access;
  }

  function admit(ws: WebSocket, planId: string, access: Access): void {
    if ('refuse' in access) {
      // Admitted sockets get their error handler from Connection; a refused one needs its own.
      ws.on('error', (error) => log.warn('socket error', { error: errorText(error) }));
      log.info('socket refused', { plan: planId, code: access.refuse });
      metrics.refused(reasonForCloseCode(access.refuse));
      ws.close(access.refuse, access.reason);
      return;
    }
    const connection: Connection = new Connection(ws, planId, access.role, connectionOptions, {
      onMessage: (conn, message) => room.receive(conn, message),
      onClose: (conn) => {
        log.info('socket left', { plan: planId, conn: conn.id });
        metrics.connectionClosed(conn.role);
        rooms.leave(room, conn);
      },
    });
    const room = rooms.join(connection);
    metrics.connectionOpened(access.role);
    log.info('socket joined', { plan: planId, conn: connection.id, role: access.role });
  }

  return {
    handleUpgrade(request, socket, head, planId, token) {
      socket.on('error', (error) => log.warn('upgrade socket error', { error: errorText(error) }));
      // Counted before the access check, so one address cannot pile up sockets waiting on storage either.
      const address = request.socket.remoteAddress ?? '';
      if (!counts.enterAddress(address)) {
        const refusal = { refuse: CLOSE_ADDRESS_CROWDED, reason: 'too many connections from this address' };
        return wss.handleUpgrade(request, socket, Buffer.alloc(0), (ws) => admit(ws, planId, refusal));
      }
      socket.once('close', () => counts.leaveAddress(address));
      const early = bufferPreAuth(socket, head, limits.maxPreAuthBytes, (bytes) => {
        log.warn('upgrade refused', { plan: planId, reason: 'bytes before access', bytes, status: 413 });
        metrics.refused('pre_auth_bytes');
      });
      const before = { edit: replacedCount(planId, 'edit'), view: replacedCount(planId, 'view') };
      decide(planId, token)
        .catch((error: unknown): Access => {
          log.error('access check failed', { plan: planId, error: errorText(error) });
          return { refuse: CLOSE_INTERNAL_ERROR, reason: 'internal error' };
        })
        .then((checked) => {
          // Over the pre-auth byte cap the socket already got 413; else what it sent goes to ws only now.
          const buffered = early.finish();
          if (buffered === null) return;
          // The token may have been checked just before it was replaced: it no longer counts.
          const access: Access =
            'role' in checked && replacedCount(planId, checked.role) !== before[checked.role]
              ? { refuse: CLOSE_BAD_TOKEN, reason: 'link replaced' }
              : checked;
          // A socket whose check finished after shutdown began would join a relay that is going away.
          if (closing) return socket.destroy();
          const admitted = withinPlanLimit(socket, planId, access);
          // A refused socket's early bytes are dropped: it is closed before anything it sent is read.
          const sent = 'role' in admitted ? buffered : Buffer.alloc(0);
          wss.handleUpgrade(request, socket, sent, (ws) => admit(ws, planId, admitted));
        });
    },
    loadedDoc: (planId) => rooms.loadedDoc(planId),
    closeRole(planId, role) {
      replaced.set(`${role}:${planId}`, replacedCount(planId, role) + 1);
      return rooms.closeRole(planId, role, CLOSE_BAD_TOKEN, 'link replaced');
    },
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
