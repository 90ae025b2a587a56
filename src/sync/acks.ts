// Reads the relay's acknowledgements: after storing our updates the relay sends its state vector as a
// y-websocket sync step 1 (DESIGN, "Contract: the relay"); we peek at it before the stock handler answers it.
import * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';

const MESSAGE_SYNC = 0;
const SYNC_STEP_1 = 0;

/** Calls `onStateVector` with the relay's state vector each time one arrives; returns the unhook. */
export function onRelayStateVector(
  provider: WebsocketProvider,
  onStateVector: (stateVector: Uint8Array) => void,
): () => void {
  const original = provider.messageHandlers[MESSAGE_SYNC];
  if (original === undefined) return () => {};
  provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, ...rest) => {
    // A second decoder over the same bytes, so the stock handler still reads the message from the start.
    const peek = decoding.createDecoder(decoder.arr);
    peek.pos = decoder.pos;
    try {
      if (decoding.readVarUint(peek) === SYNC_STEP_1) onStateVector(decoding.readVarUint8Array(peek));
    } catch {
      // Not ours to judge: the stock handler meets the same bytes and deals with them.
    }
    original(encoder, decoder, ...rest);
  };
  return () => {
    provider.messageHandlers[MESSAGE_SYNC] = original;
  };
}
