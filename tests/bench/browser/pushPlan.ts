// Puts a built Y.Doc into a plan on the server the way a client would: a stock y-websocket client in Node with the
// edit token sends it through the relay, and waits for the relay's acknowledgement that it is stored.
import * as Y from 'yjs';
import { onRelayStateVector } from '../../../src/sync/acks.ts';
import { nodeProvider } from '../../helpers/nodeClient.ts';
import { waitFor } from '../../helpers/waitFor.ts';

/** True when the relay's state vector `relay` holds everything in `local`. */
function covers(relay: Uint8Array, local: Uint8Array): boolean {
  const stored = Y.decodeStateVector(relay);
  for (const [client, clock] of Y.decodeStateVector(local))
    if ((stored.get(client) ?? 0) < clock) return false;
  return true;
}

/**
 * Sends all of `source` into plan `planId` on the relay at `url` (http://…) and resolves once the relay has
 * acknowledged storing it (its state vector covers ours). Fails at once if the relay closes the socket on it.
 */
export async function pushPlan(url: string, planId: string, token: string, source: Y.Doc): Promise<void> {
  const doc = new Y.Doc();
  const provider = nodeProvider(url, planId, token, doc);
  let closed: string | null = null;
  provider.on('connection-close', (event) => {
    closed = `the relay closed the socket: ${event?.code ?? '?'} ${event?.reason ?? ''}`;
  });
  let relayState: Uint8Array | null = null;
  const unhook = onRelayStateVector(provider, (stateVector) => (relayState = stateVector));
  try {
    provider.awareness.setLocalStateField('user', { name: 'Nationell import', organisation: '' });
    await waitFor(
      () => {
        if (closed !== null) throw new Error(closed);
        return provider.synced;
      },
      { timeout: 30_000 },
    );
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
    const local = Y.encodeStateVector(doc);
    await waitFor(
      () => {
        if (closed !== null) throw new Error(closed);
        return relayState !== null && covers(relayState, local);
      },
      { timeout: 60_000, interval: 50 },
    );
  } finally {
    unhook();
    provider.destroy();
    doc.destroy();
  }
}
