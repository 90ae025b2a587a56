// The storage contract suite (tldraw's idea): every Storage backend must pass these, whatever it is built on.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { hashToken } from '../../server/auth.ts';
import type { Storage } from '../../server/storage/types.ts';

/** How to get a fresh, empty backend for each test, and how to dispose of it. */
export interface StorageFixture {
  open(options: { compactAfter: number }): Promise<Storage>;
  dispose(storage: Storage): Promise<void>;
}

/** An update from a fresh client that sets `key` on the `meta` map. */
function updateSetting(key: string, value: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('meta').set(key, value);
  return Y.encodeStateAsUpdate(doc);
}

/** A doc rebuilt from everything `storage` holds for `id`. */
async function rebuild(storage: Storage, id: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const update of await storage.loadUpdates(id)) Y.applyUpdate(doc, update);
  return doc;
}

/** Registers the contract tests for one backend under `[storage] <name>`. */
export function registerStorageContractTests(name: string, fixture: StorageFixture): void {
  describe(`[storage] ${name}`, () => {
    let storage: Storage;
    const COMPACT_AFTER = 20;
    beforeEach(async () => {
      storage = await fixture.open({ compactAfter: COMPACT_AFTER });
    });
    afterEach(() => fixture.dispose(storage));

    const create = (id: string, initial = updateSetting('title', id)) =>
      storage.createPlan(
        id,
        hashToken(`edit-${id}`),
        hashToken(`view-${id}`),
        initial,
        '2026-11-23T09:00:00.000Z',
      );

    test('[storage-create] a created plan exists and loads its first update; others do not exist', async () => {
      const initial = updateSetting('title', 'Första');
      await create('planAAAA01', initial);
      expect(await storage.planExists('planAAAA01')).toBe(true);
      expect(await storage.planExists('planBBBB01')).toBe(false);
      const updates = await storage.loadUpdates('planAAAA01');
      expect(updates).toHaveLength(1);
      expect(new Uint8Array(updates[0] ?? [])).toEqual(initial);
      expect(await storage.loadUpdates('planBBBB01')).toEqual([]);
    });

    test('[storage-create] creating an existing id fails and leaves the first plan as it was', async () => {
      await create('planAAAA02');
      await expect(create('planAAAA02', updateSetting('title', 'Andra'))).rejects.toThrow();
      expect((await rebuild(storage, 'planAAAA02')).getMap('meta').get('title')).toBe('planAAAA02');
      expect(await storage.loadUpdates('planAAAA02')).toHaveLength(1);
    });

    test('[storage-tokens] the edit token gives edit, the view token view, anything else null', async () => {
      await create('planAAAA03');
      await create('planAAAA04');
      expect(await storage.roleForToken('planAAAA03', 'edit-planAAAA03')).toBe('edit');
      expect(await storage.roleForToken('planAAAA03', 'view-planAAAA03')).toBe('view');
      expect(await storage.roleForToken('planAAAA03', 'edit-planAAAA04')).toBeNull();
      expect(await storage.roleForToken('planAAAA03', '')).toBeNull();
      expect(await storage.roleForToken('unknownPlan', 'edit-planAAAA03')).toBeNull();
    });

    test('[storage-append] appended updates load in order after the first, per plan', async () => {
      await create('planAAAA05');
      await create('planAAAA06');
      const a = updateSetting('a', '1');
      const b = updateSetting('b', '2');
      await storage.appendUpdate('planAAAA05', a);
      await storage.appendUpdate('planAAAA06', b);
      const loaded = (await storage.loadUpdates('planAAAA05')).map((u) => new Uint8Array(u));
      expect(loaded).toHaveLength(2);
      expect(loaded[1]).toEqual(a);
      expect((await rebuild(storage, 'planAAAA06')).getMap('meta').toJSON()).toEqual({
        title: 'planAAAA06',
        b: '2',
      });
    });

    test('[storage-compact] compaction while updates pile up keeps every update', async () => {
      await create('planAAAA07');
      const writer = new Y.Doc();
      Y.applyUpdate(writer, (await storage.loadUpdates('planAAAA07'))[0] ?? new Uint8Array());
      const updates: Uint8Array[] = [];
      writer.on('update', (update: Uint8Array) => updates.push(update));
      for (let i = 0; i < COMPACT_AFTER * 3 + 7; i++) writer.getMap('meta').set(`k${i % 13}`, `v${i}`);
      for (const update of updates) await storage.appendUpdate('planAAAA07', update);
      const stored = await storage.loadUpdates('planAAAA07');
      expect(stored.length).toBeLessThanOrEqual(COMPACT_AFTER);
      expect((await rebuild(storage, 'planAAAA07')).getMap('meta').toJSON()).toEqual(
        writer.getMap('meta').toJSON(),
      );
    });

    test('[storage-compact] an explicit compact leaves one snapshot with the same content', async () => {
      await create('planAAAA08');
      await storage.appendUpdate('planAAAA08', updateSetting('x', '1'));
      await storage.appendUpdate('planAAAA08', updateSetting('y', '2'));
      const before = (await rebuild(storage, 'planAAAA08')).getMap('meta').toJSON();
      await storage.compact('planAAAA08');
      expect(await storage.loadUpdates('planAAAA08')).toHaveLength(1);
      expect((await rebuild(storage, 'planAAAA08')).getMap('meta').toJSON()).toEqual(before);
      await storage.appendUpdate('planAAAA08', updateSetting('z', '3'));
      expect((await rebuild(storage, 'planAAAA08')).getMap('meta').get('z')).toBe('3');
    });

    test('[storage-health] a working store is healthy', async () => {
      expect(await storage.healthy()).toBe(true);
    });
  });
}
