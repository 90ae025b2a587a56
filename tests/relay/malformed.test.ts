// [relay-4400] Frames that are not y-websocket messages close their socket with 4400; the server stays up.
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, expect, test } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_MALFORMED } from '../../server/closeCodes.ts';
import { setPlanTitle } from '../../src/model/meta.ts';
import { readPlan } from '../../src/model/plan.ts';
import { alice } from '../helpers/plans.ts';
import { startRelay } from '../helpers/startRelay.ts';
import type { TestRelay } from '../helpers/startRelay.ts';
import { waitFor } from '../helpers/waitFor.ts';

let relay: TestRelay;
beforeEach(async () => {
  relay = await startRelay();
});
afterEach(() => relay.close());

/** Deterministic bytes (a small LCG), so a failure names the same frame every run. */
function seededBytes(seed: number, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    bytes[i] = state & 0xff;
  }
  return bytes;
}

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function validUpdateFrame(): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('meta').set('note', 'en anteckning som är lång nog att kapa');
  const update = Y.encodeStateAsUpdate(doc);
  return frame((e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, update);
  });
}

const cases: ReadonlyArray<readonly [string, Uint8Array | string]> = [
  ['random bytes', seededBytes(42, 64)],
  ['an empty frame', new Uint8Array(0)],
  ['an unknown message type', frame((e) => encoding.writeVarUint(e, 7))],
  ['an unknown sync sub-type', frame((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 9)))],
  ['a truncated update frame', validUpdateFrame().slice(0, 12)],
  [
    'a length prefix beyond the frame',
    frame((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint(e, 1000))),
  ],
  [
    'a sync update whose payload is not a Yjs update',
    frame(
      (e) => (
        encoding.writeVarUint(e, 0),
        encoding.writeVarUint(e, 2),
        encoding.writeVarUint8Array(e, seededBytes(7, 40))
      ),
    ),
  ],
  ['trailing bytes after a message', new Uint8Array([...validUpdateFrame(), 1, 2, 3])],
  [
    'an awareness update that is not JSON',
    frame((e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(
        e,
        frame((inner) => {
          encoding.writeVarUint(inner, 1);
          encoding.writeVarUint(inner, 123);
          encoding.writeVarUint(inner, 1);
          encoding.writeVarString(inner, '{not json');
        }),
      );
    }),
  ],
  ['a text frame', 'hello'],
];

test.each(cases)('[relay-4400] %s closes the socket with 4400', async (_name, payload) => {
  const plan = await relay.createPlan('empty');
  const socket = relay.rawSocket(plan.id, plan.editToken);
  await socket.opened;
  socket.ws.send(payload);
  expect(await socket.closed).toBe(CLOSE_MALFORMED);
});

test('[relay-4400] after malformed frames the server keeps syncing the same plan and stores nothing bad', async () => {
  const plan = await relay.createPlan('blekinge', 'Stabil');
  const a = new Y.Doc();
  const b = new Y.Doc();
  await relay.syncedProvider(plan.id, plan.editToken, a);
  await relay.syncedProvider(plan.id, plan.editToken, b);
  for (const [, payload] of cases) {
    const socket = relay.rawSocket(plan.id, plan.editToken);
    await socket.opened;
    socket.ws.send(payload);
    expect(await socket.closed).toBe(CLOSE_MALFORMED);
  }
  setPlanTitle(a, alice, 'Fortfarande stabil');
  await waitFor(() => expect(readPlan(b).meta.title).toBe('Fortfarande stabil'));
  expect((await fetch(`${relay.url}/healthz`)).status).toBe(200);

  await relay.restart();
  const after = new Y.Doc();
  await relay.syncedProvider(plan.id, plan.viewToken, after);
  expect(readPlan(after)).toEqual(readPlan(a));
  expect(after.getMap('meta').has('note')).toBe(false);
});
