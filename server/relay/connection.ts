// One client socket: keepalive pings, the per-frame size cap, frame decoding, and a clean close with a named code.
import type { RawData, WebSocket } from 'ws';
import type { Role } from '../auth.ts';
import { CLOSE_MALFORMED, CLOSE_TOO_LARGE, CLOSE_TOO_MANY_MESSAGES } from '../closeCodes.ts';
import type { Logger } from '../log.ts';
import { errorText } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import { reasonForCloseCode } from '../metrics.ts';
import { AnnouncedAuthor } from './author.ts';
import { decodeClientMessage, MalformedMessage } from './protocol.ts';
import { TokenBucket } from './rateLimit.ts';
import type { RateLimit } from './rateLimit.ts';
import { WS_FRAME_TOO_LARGE } from './relaySocket.ts';
import type { ClientMessage } from './protocol.ts';

/** Largest frame a client may send (4 MiB): a whole large plan fits, a runaway client does not. */
export const DEFAULT_MAX_FRAME_BYTES = 4 * 1024 * 1024;
/** How often the relay pings; a socket that has not answered the previous ping by then is dropped. */
export const DEFAULT_PING_INTERVAL_MS = 30_000;

export interface ConnectionOptions {
  readonly maxFrameBytes: number;
  readonly pingIntervalMs: number;
  /** Messages this socket may send (a steady rate plus a burst); beyond it the socket is closed with 4529. */
  readonly messages: RateLimit;
  readonly log: Logger;
  readonly metrics: Metrics;
}

/** What the connection reports to its room. */
export interface ConnectionEvents {
  onMessage(connection: Connection, message: ClientMessage): void;
  onClose(connection: Connection): void;
}

let nextConnectionId = 1;

/** A socket admitted to a plan with a role. Messages reach the room only while the socket is open. */
export class Connection {
  readonly id = nextConnectionId++;
  /** Awareness client ids this socket has announced; removed for everyone when it closes. */
  readonly awarenessClients = new Set<number>();
  /** Who this socket says it is (its own presence); stored as the author of each update it sends. */
  readonly announced = new AnnouncedAuthor();
  private isClosed = false;
  private answeredPing = true;
  private readonly pingTimer: NodeJS.Timeout;
  private readonly messageBudget: TokenBucket;

  constructor(
    private readonly ws: WebSocket,
    readonly planId: string,
    readonly role: Role,
    private readonly options: ConnectionOptions,
    private readonly events: ConnectionEvents,
  ) {
    ws.on('message', (data, isBinary) => this.onFrame(data, isBinary));
    ws.on('pong', () => {
      this.answeredPing = true;
    });
    ws.on('close', () => this.onClosed());
    this.messageBudget = new TokenBucket(options.messages);
    // An 'error' without a listener would crash the process; ws closes the socket itself after it.
    ws.on('error', (error) => this.onError(error));
    this.pingTimer = setInterval(() => this.keepAlive(), options.pingIntervalMs);
    this.pingTimer.unref();
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /** Sends one frame if the socket is still open; a failed send ends the socket. */
  send(frame: Uint8Array): void {
    if (this.isClosed || this.ws.readyState !== this.ws.OPEN) return;
    this.ws.send(frame, this.afterSend);
  }

  // One callback for every send of this socket: an update goes to every member, a closure each would be garbage.
  private readonly afterSend = (error?: Error): void => {
    if (error) this.ws.terminate();
  };

  /** Closes with `code`; later frames from this socket are ignored. */
  close(code: number, reason = ''): void {
    if (this.isClosed) return;
    this.options.log.info('closing socket', { conn: this.id, code });
    // Every 4xxx close is a refusal (bad frame, viewer write, replaced link, …), counted by its code's name.
    if (code >= 4000) this.options.metrics.refused(reasonForCloseCode(code));
    this.ws.close(code, reason);
    this.onClosed();
  }

  private keepAlive(): void {
    if (!this.answeredPing) {
      this.ws.terminate();
      return;
    }
    this.answeredPing = false;
    this.ws.ping();
  }

  private onError(error: Error): void {
    // ws refused a frame over the size limit from its header (RelaySocket closes it with 4413).
    if ((error as { code?: unknown }).code === WS_FRAME_TOO_LARGE) {
      this.options.log.warn('frame too large', { conn: this.id, limit: this.options.maxFrameBytes });
      this.options.metrics.refused(reasonForCloseCode(CLOSE_TOO_LARGE));
      return;
    }
    this.options.log.warn('socket error', { conn: this.id, error: errorText(error) });
  }

  private onFrame(data: RawData, isBinary: boolean): void {
    if (this.isClosed) return;
    // Counted before anything else, so a flood of bad frames costs no more than a flood of good ones.
    if (!this.messageBudget.take()) {
      this.options.log.warn('too many messages', {
        conn: this.id,
        perSecond: this.options.messages.perSecond,
      });
      return this.close(CLOSE_TOO_MANY_MESSAGES, 'too many messages');
    }
    this.options.metrics.frameReceived(byteLength(data));
    if (!isBinary) return this.close(CLOSE_MALFORMED, 'binary frames only');
    if (byteLength(data) > this.options.maxFrameBytes) return this.close(CLOSE_TOO_LARGE, 'frame too large');
    const frame = toBytes(data);
    let message: ClientMessage;
    try {
      message = decodeClientMessage(frame);
    } catch (error) {
      if (!(error instanceof MalformedMessage)) throw error;
      this.options.log.warn('malformed frame', { conn: this.id, error: error.message });
      return this.close(CLOSE_MALFORMED, 'malformed message');
    }
    this.options.metrics.messageReceived(message.kind);
    this.events.onMessage(this, message);
  }

  private onClosed(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    clearInterval(this.pingTimer);
    this.events.onClose(this);
  }
}

function byteLength(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((sum, part) => sum + part.length, 0);
  return data.byteLength;
}

/**
 * The frame's bytes, copied, so what we keep never holds on to ws's read buffers. A frame under 4 KB is copied into
 * Node's shared 8 KB pool rather than an ArrayBuffer of its own (Buffer.from): thousands of those a second cost the
 * garbage collector. A plain Uint8Array view, since Buffer's slice() does not copy.
 */
function toBytes(data: RawData): Uint8Array {
  const copy = Array.isArray(data)
    ? Buffer.concat(data)
    : Buffer.from(data instanceof ArrayBuffer ? new Uint8Array(data) : data);
  return new Uint8Array(copy.buffer, copy.byteOffset, copy.byteLength);
}
