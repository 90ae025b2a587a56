// A plan and a stock y-websocket client on it, from Node: what the tests' and benchmarks' colleagues use.
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import type { CreatedPlan } from './startRelay.ts';

/** `POST /api/plans` on the server at `url` (http://…); throws unless it answers 201. */
export async function createPlanAt(
  url: string,
  { title, template, adminToken }: { title: string; template: string; adminToken?: string | undefined },
): Promise<CreatedPlan> {
  const response = await fetch(`${url}/api/plans`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(adminToken === undefined ? {} : { authorization: `Bearer ${adminToken}` }),
    },
    body: JSON.stringify({ title, template }),
  });
  if (response.status !== 201) throw new Error(`createPlan: ${response.status} ${await response.text()}`);
  return (await response.json()) as CreatedPlan;
}

/** The stock provider on plan `planId` at the relay of `url` (http://…), with `token` when given. */
export function nodeProvider(
  url: string,
  planId: string,
  token: string | undefined,
  doc: Y.Doc,
): WebsocketProvider {
  return new WebsocketProvider(`${url}/sync`, planId, doc, {
    params: token === undefined ? {} : { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // Node has BroadcastChannel: without this, providers in one process would sync around the relay.
    disableBc: true,
    maxBackoffTime: 200,
  });
}
