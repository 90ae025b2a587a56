// y-websocket frames for raw-socket tests: build what a client sends, read what the relay sends back.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** A frame from the relay, read as far as the tests need it. */
export type ServerFrame =
  | { readonly kind: 'syncStep1'; readonly stateVector: Map<number, number> }
  | { readonly kind: 'syncStep2' | 'update'; readonly update: Uint8Array }
  | { readonly kind: 'awareness' | 'other' };

const SYNC_KINDS = ['syncStep1', 'syncStep2', 'update'] as const;

export function readServerFrame(frame: Uint8Array): ServerFrame {
  const decoder = decoding.createDecoder(frame);
  const type = decoding.readVarUint(decoder);
  if (type === 1) return { kind: 'awareness' };
  if (type !== 0) return { kind: 'other' };
  const kind = SYNC_KINDS[decoding.readVarUint(decoder)];
  const payload = decoding.readVarUint8Array(decoder);
  if (kind === undefined) return { kind: 'other' };
  return kind === 'syncStep1'
    ? { kind, stateVector: Y.decodeStateVector(payload) }
    : { kind, update: payload };
}

/** The state vectors of every sync step 1 in `frames` (the first is the relay's greeting, later ones are acks). */
export const syncStep1s = (frames: readonly Uint8Array[]): Map<number, number>[] =>
  frames.map(readServerFrame).flatMap((frame) => (frame.kind === 'syncStep1' ? [frame.stateVector] : []));

/** Number of awareness frames in `frames` (a queryAwareness is answered with one: a barrier through the room queue). */
export const awarenessCount = (frames: readonly Uint8Array[]): number =>
  frames.map(readServerFrame).filter((frame) => frame.kind === 'awareness').length;

function build(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** A sync message from a client: sub-type 1 (step 2) or 2 (update) carrying `update`. */
export const syncFrame = (subType: 1 | 2, update: Uint8Array): Uint8Array =>
  build((e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, subType);
    encoding.writeVarUint8Array(e, update);
  });

export const updateFrame = (update: Uint8Array): Uint8Array => syncFrame(2, update);

/** An awareness update announcing `state` (JSON; null = leaving) for one client id at `clock`. */
export const awarenessFrame = (clientId: number, clock: number, state: unknown): Uint8Array =>
  build((e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(
      e,
      build((inner) => {
        encoding.writeVarUint(inner, 1);
        encoding.writeVarUint(inner, clientId);
        encoding.writeVarUint(inner, clock);
        encoding.writeVarString(inner, JSON.stringify(state));
      }),
    );
  });

export const queryAwarenessFrame = (): Uint8Array => build((e) => encoding.writeVarUint(e, 3));
