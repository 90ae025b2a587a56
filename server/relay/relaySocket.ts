// The relay's websocket class: ws's own frame-size refusal (1009) goes out as the relay's 4413.
import { WebSocket } from 'ws';
import { CLOSE_TOO_LARGE } from '../closeCodes.ts';

/** RFC 6455 "message too big": what ws closes with when a frame passes its `maxPayload`. */
const CLOSE_MESSAGE_TOO_BIG = 1009;

/** The error code ws reports (on the socket's 'error' event) for a frame over `maxPayload`. */
export const WS_FRAME_TOO_LARGE = 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH';

/**
 * ws checks `maxPayload` as soon as a frame header declares its length, before buffering the payload, and then
 * closes with 1009, which the stock client retries forever. Given as the server's `WebSocket` class (a documented
 * ws option), this sends 4413 instead, which the client reads as final. The relay itself never closes with 1009,
 * so nothing else is renamed (an echo of a client's own 1009 close would be, harmlessly).
 */
export class RelaySocket extends WebSocket {
  override close(code?: number, data?: string | Buffer): void {
    if (code === CLOSE_MESSAGE_TOO_BIG) super.close(CLOSE_TOO_LARGE, 'frame too large');
    else super.close(code, data);
  }
}
