// The y-websocket wire format: decode a client's frame into a typed message, encode the relay's replies.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type { PlanDoc } from '../../src/model/docs.ts';

/** Top-level message types, numbered as y-websocket numbers them. */
export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3 } as const;

/** Sync sub-types, numbered as y-protocols/sync numbers them. */
export const SyncType = {
  Step1: syncProtocol.messageYjsSyncStep1,
  Step2: syncProtocol.messageYjsSyncStep2,
  Update: syncProtocol.messageYjsUpdate,
} as const;

/** One client's entry in an awareness update, its state parsed from JSON but not otherwise checked. */
export interface AwarenessEntry {
  readonly clientId: number;
  readonly clock: number;
  /** Null when the client is leaving; anything else is untrusted peer data. */
  readonly state: unknown;
}

/** A frame from a client, decoded and bounds-checked; byte payloads are views of the frame. */
export type ClientMessage =
  | { readonly kind: 'syncStep1'; readonly stateVector: Uint8Array }
  | { readonly kind: 'syncStep2'; readonly update: Uint8Array }
  | { readonly kind: 'update'; readonly update: Uint8Array }
  | { readonly kind: 'awareness'; readonly update: Uint8Array; readonly entries: readonly AwarenessEntry[] }
  | { readonly kind: 'queryAwareness' }
  | { readonly kind: 'auth' };

export type ClientMessageKind = ClientMessage['kind'];

/** Thrown for a frame that is not a well-formed y-websocket message; the connection closes with 4400. */
export class MalformedMessage extends Error {}

type Decoder = decoding.Decoder;

/**
 * Reads a length-prefixed byte string, refusing lengths beyond the frame (lib0 would read past it). A view, not a
 * copy: the frame given to decodeClientMessage is the relay's own copy, and copying each payload again was the
 * relay's largest source of garbage after sending.
 */
function readBytes(decoder: Decoder): Uint8Array {
  const length = decoding.readVarUint(decoder);
  if (length > decoder.arr.length - decoder.pos) throw new MalformedMessage('length beyond end of frame');
  return decoding.readUint8Array(decoder, length);
}

function readSync(decoder: Decoder): ClientMessage {
  const syncType = decoding.readVarUint(decoder);
  switch (syncType) {
    case SyncType.Step1:
      return { kind: 'syncStep1', stateVector: readBytes(decoder) };
    case SyncType.Step2:
      return { kind: 'syncStep2', update: readBytes(decoder) };
    case SyncType.Update:
      return { kind: 'update', update: readBytes(decoder) };
    default:
      throw new MalformedMessage(`unknown sync message type ${syncType}`);
  }
}

/** One decoder for every state: `decode` without `stream` keeps nothing between calls. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Checks an awareness update the way applyAwarenessUpdate will read it, so a bad one is refused before it half-applies. */
function readAwareness(decoder: Decoder): ClientMessage {
  const update = readBytes(decoder);
  const inner = decoding.createDecoder(update);
  const count = decoding.readVarUint(inner);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(inner);
    const clock = decoding.readVarUint(inner);
    const json = strictUtf8.decode(readBytes(inner));
    entries.push({ clientId, clock, state: JSON.parse(json) as unknown });
  }
  if (decoding.hasContent(inner)) throw new MalformedMessage('trailing bytes in awareness update');
  return { kind: 'awareness', update, entries };
}

/** A client has no business sending auth messages (auth happens at the upgrade); read one and ignore it. */
function readAuth(decoder: Decoder): ClientMessage {
  decoding.readVarUint(decoder);
  readBytes(decoder);
  return { kind: 'auth' };
}

/** The dispatch table: one reader per top-level message type (y-websocket's `messageHandlers`). */
const readers: Readonly<Record<number, (decoder: Decoder) => ClientMessage>> = {
  [MessageType.Sync]: readSync,
  [MessageType.Awareness]: readAwareness,
  [MessageType.Auth]: readAuth,
  [MessageType.QueryAwareness]: () => ({ kind: 'queryAwareness' }),
};

/**
 * Decodes one frame into one message; its byte payloads are views of `frame`, which must not be reused after.
 * Throws MalformedMessage for an unknown type, a truncated frame, trailing bytes or an unreadable awareness state.
 * Update payloads are not checked here (checkPeerUpdate does that).
 */
export function decodeClientMessage(frame: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    const read = readers[type];
    if (read === undefined) throw new MalformedMessage(`unknown message type ${type}`);
    const message = read(decoder);
    if (decoding.hasContent(decoder)) throw new MalformedMessage('trailing bytes after message');
    return message;
  } catch (error) {
    if (error instanceof MalformedMessage) throw error;
    throw new MalformedMessage(error instanceof Error ? error.message : String(error));
  }
}

/**
 * True for the update that carries nothing at all (no structs, no deletions: the two bytes 0x00 0x00). The stock
 * client sends it in answer to every sync step 1 when it has nothing new, so it is worth recognising cheaply.
 */
export const isEmptyUpdate = (update: Uint8Array): boolean =>
  update.length === 2 && update[0] === 0 && update[1] === 0;

/**
 * The encoded frame as a Buffer over the same bytes: ws turns any other Uint8Array into a Buffer on every send,
 * and one update is sent to every other member of its plan.
 */
function frameOf(encoder: encoding.Encoder): Uint8Array {
  const bytes = encoding.toUint8Array(encoder);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * The relay's sync step 1: its state vector, so the client sends what the relay lacks. Sent after a client's
 * updates were stored, it is also that client's acknowledgement: everything the vector covers is durable.
 */
export function encodeSyncStep1(doc: PlanDoc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return frameOf(encoder);
}

/** The reply to a client's sync step 1: everything the client lacks. Throws MalformedMessage for a bad state vector. */
export function encodeSyncStep2(doc: PlanDoc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  try {
    syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  } catch (error) {
    throw new MalformedMessage(`bad state vector: ${error instanceof Error ? error.message : String(error)}`);
  }
  return frameOf(encoder);
}

/** One document update, as relayed to the other clients of a plan. */
export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeUpdate(encoder, update);
  return frameOf(encoder);
}

/** The awareness states of `clients` (their removal, for clients no longer present). */
export function encodeAwareness(
  awareness: awarenessProtocol.Awareness,
  clients: readonly number[],
): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [...clients]));
  return frameOf(encoder);
}
