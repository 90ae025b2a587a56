// A websocket upgrade written by hand on a TCP socket, for tests that send bytes before the server has answered.
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import type { Socket } from 'node:net';

/** A hand-made upgrade: the raw socket and everything the server sent back so far. */
export interface RawUpgrade {
  readonly socket: Socket;
  /** All bytes received, in order. */
  received(): Buffer;
  /** Resolves when the server closed the TCP connection. */
  readonly ended: Promise<void>;
}

/** A client frame as RFC 6455 wants it: FIN, `opcode` (2 = binary), masked payload. */
export function maskedFrame(payload: Uint8Array, opcode = 2): Buffer {
  const mask = randomBytes(4);
  const length = payload.length;
  const header =
    length < 126
      ? Buffer.from([0x80 | opcode, 0x80 | length])
      : length < 65536
        ? Buffer.from([0x80 | opcode, 0x80 | 126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([0x80 | opcode, 0x80 | 127]), bigEndian64(length)]);
  const body = Buffer.from(payload).map((byte, i) => byte ^ (mask[i % 4] ?? 0));
  return Buffer.concat([header, mask, body]);
}

function bigEndian64(value: number): Buffer {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64BE(BigInt(value));
  return bytes;
}

/** Opens a TCP connection to `baseUrl` and writes an upgrade request for `path`, then `early` at once. */
export function rawUpgrade(baseUrl: string, path: string, early: Uint8Array = new Uint8Array(0)): RawUpgrade {
  const { hostname, port } = new URL(baseUrl);
  const socket = connect(Number(port), hostname);
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  socket.on('error', () => {});
  const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  const request = [
    `GET ${path} HTTP/1.1`,
    `Host: ${hostname}:${port}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
    'Sec-WebSocket-Version: 13',
    '',
    '',
  ].join('\r\n');
  socket.write(Buffer.concat([Buffer.from(request, 'latin1'), Buffer.from(early)]));
  return { socket, received: () => Buffer.concat(chunks), ended };
}

/** The HTTP status of the server's answer in `bytes` (101 for an accepted upgrade), or undefined if none yet. */
export function statusOf(bytes: Buffer): number | undefined {
  const match = /^HTTP\/1\.1 (\d{3})/.exec(bytes.toString('latin1', 0, Math.min(bytes.length, 64)));
  return match ? Number(match[1]) : undefined;
}

/** The frames the server sent after its 101 answer: opcode and payload (server frames are not masked). */
export function serverFrames(bytes: Buffer): { opcode: number; payload: Buffer }[] {
  const headerEnd = bytes.indexOf('\r\n\r\n');
  if (headerEnd < 0) return [];
  const frames: { opcode: number; payload: Buffer }[] = [];
  let pos = headerEnd + 4;
  while (pos + 2 <= bytes.length) {
    const opcode = (bytes[pos] ?? 0) & 0x0f;
    let length = (bytes[pos + 1] ?? 0) & 0x7f;
    pos += 2;
    if (length === 126) {
      length = bytes.readUInt16BE(pos);
      pos += 2;
    } else if (length === 127) {
      length = Number(bytes.readBigUInt64BE(pos));
      pos += 8;
    }
    if (pos + length > bytes.length) break;
    frames.push({ opcode, payload: bytes.subarray(pos, pos + length) });
    pos += length;
  }
  return frames;
}

/** The code of the server's close frame in `bytes`, or undefined if it has not sent one. */
export function closeCodeOf(bytes: Buffer): number | undefined {
  const close = serverFrames(bytes).find((frame) => frame.opcode === 0x8);
  return close && close.payload.length >= 2 ? close.payload.readUInt16BE(0) : undefined;
}
