// [relay-pipeline] An update being stored does not hold its plan back: the plan's next updates start storing at
// once (so one commit can take them all) and presence still flows; yet every update is relayed only once stored,
// and in the order it arrived, even when a later one is stored first.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import * as Y from 'yjs';
import { openSqliteStorage } from '../../server/storage/sqlite.ts';
import type { Storage } from '../../server/storage/types.ts';
import { startRelay } from '../helpers/startRelay.ts';
import type { TestRelay } from '../helpers/startRelay.ts';
import { waitFor } from '../helpers/waitFor.ts';

/** One append held by the test: the real append runs when it is released. */
interface HeldAppend {
  release(): void;
  readonly stored: Promise<void>;
}

let relay: TestRelay | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  await relay?.close();
  if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
});

/** SQLite storage whose appends wait, each for its own release, once `holding` is set. */
function heldStorage(inner: Storage, held: HeldAppend[], holding: { on: boolean }): Storage {
  return new Proxy(inner, {
    get(target, property, receiver) {
      if (property !== 'appendUpdate') return Reflect.get(target, property, receiver) as unknown;
      return (...args: Parameters<Storage['appendUpdate']>): Promise<void> => {
        if (!holding.on) return inner.appendUpdate(...args);
        let release = (): void => {};
        const gate = new Promise<void>((resolve) => (release = resolve));
        const stored = gate.then(() => inner.appendUpdate(...args));
        held.push({ release, stored });
        return stored;
      };
    },
  });
}

test('[relay-pipeline] later updates store alongside a slow one and presence flows, but each is relayed once stored, in order', async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'samplan-pipeline-'));
  const held: HeldAppend[] = [];
  const holding = { on: false };
  const storage = heldStorage(openSqliteStorage({ dataDir }), held, holding);
  relay = await startRelay({ storage }, dataDir);
  const plan = await relay.createPlan('empty', 'Rörledning');

  const writerDoc = new Y.Doc();
  const witnessDoc = new Y.Doc();
  const writer = relay.provider(plan.id, plan.editToken, writerDoc);
  const witness = relay.provider(plan.id, plan.editToken, witnessDoc);
  await waitFor(() => expect(writer.synced && witness.synced).toBe(true));
  const arrived: string[] = [];
  witnessDoc.getMap('pipeline').observe((event) => arrived.push(...event.keysChanged));

  holding.on = true;
  writerDoc.getMap('pipeline').set('first', 1);
  await waitFor(() => expect(held).toHaveLength(1));
  writerDoc.getMap('pipeline').set('second', 2);
  // The second update is on its way to storage while the first is still held.
  await waitFor(() => expect(held).toHaveLength(2));

  // Presence is not held behind the disk.
  witness.awareness.setLocalStateField('user', { name: 'Vittne' });
  await waitFor(() =>
    expect(writer.awareness.getStates().get(witnessDoc.clientID)).toEqual({ user: { name: 'Vittne' } }),
  );

  // Stored out of order: the second is durable first, but is not relayed ahead of the first.
  held[1]?.release();
  await held[1]?.stored;
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(arrived).toEqual([]);

  held[0]?.release();
  await waitFor(() => expect(arrived).toEqual(['first', 'second']));
  expect(witnessDoc.getMap('pipeline').toJSON()).toEqual({ first: 1, second: 2 });
});
