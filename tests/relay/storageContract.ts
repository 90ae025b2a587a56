// The storage contract suite (tldraw's idea): every Storage backend must pass these, whatever it is built on.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { hashToken } from '../../server/auth.ts';
import type { Author, Storage } from '../../server/storage/types.ts';
import { waitFor } from '../helpers/waitFor.ts';

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

/** A doc holding `id` as stored, and the updates it makes from then on (for a test to append). */
async function writerFor(storage: Storage, id: string): Promise<{ writer: Y.Doc; updates: Uint8Array[] }> {
  const writer = await rebuild(storage, id);
  const updates: Uint8Array[] = [];
  writer.on('update', (update: Uint8Array) => updates.push(update));
  return { writer, updates };
}

/** The document `update` (a merged state) holds, as plain data. */
function metaOf(update: Uint8Array | null): unknown {
  const doc = new Y.Doc();
  if (update !== null) Y.applyUpdate(doc, update);
  return doc.getMap('meta').toJSON();
}

/** The current instant, once the clock has moved past `instant` (so what is stamped next is strictly later). */
async function instantAfter(instant: string): Promise<string> {
  return waitFor(
    () => {
      const now = new Date().toISOString();
      return now > instant && now;
    },
    { interval: 1 },
  );
}

const ALICE: Author = { name: 'Alice Andersson', organisation: 'Region Jämtland Härjedalen' };
const BERTIL: Author = { name: 'Bertil Berg', organisation: 'Östersunds kommun' };

/** Registers the contract tests for one backend under `[storage] <name>`. */
export function registerStorageContractTests(name: string, fixture: StorageFixture): void {
  describe(`[storage] ${name}`, () => {
    let storage: Storage;
    const COMPACT_AFTER = 20;
    beforeEach(async () => {
      storage = await fixture.open({ compactAfter: COMPACT_AFTER });
    });
    afterEach(() => fixture.dispose(storage));

    const create = (
      id: string,
      initial = updateSetting('title', id),
      createdAt = '2026-11-23T09:00:00.000Z',
    ) => storage.createPlan(id, hashToken(`edit-${id}`), hashToken(`view-${id}`), initial, createdAt);

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

    test('[storage-tokens] replacing a role token hash: the new token gets that role, the old one nothing, the other role stays', async () => {
      await create('planAAAA20');
      await create('planAAAA21');
      expect(await storage.replaceTokenHash('planAAAA20', 'edit', hashToken('new-edit'))).toBe(true);
      expect(await storage.roleForToken('planAAAA20', 'new-edit')).toBe('edit');
      expect(await storage.roleForToken('planAAAA20', 'edit-planAAAA20')).toBeNull();
      expect(await storage.roleForToken('planAAAA20', 'view-planAAAA20')).toBe('view');
      expect(await storage.replaceTokenHash('planAAAA20', 'view', hashToken('new-view'))).toBe(true);
      expect(await storage.roleForToken('planAAAA20', 'new-view')).toBe('view');
      expect(await storage.roleForToken('planAAAA20', 'view-planAAAA20')).toBeNull();
      expect(await storage.roleForToken('planAAAA20', 'new-edit')).toBe('edit');
      // Other plans are untouched, and an unknown plan is reported, not created.
      expect(await storage.roleForToken('planAAAA21', 'edit-planAAAA21')).toBe('edit');
      expect(await storage.roleForToken('planAAAA21', 'new-edit')).toBeNull();
      expect(await storage.replaceTokenHash('unknownPlan', 'edit', hashToken('x'))).toBe(false);
      expect(await storage.planExists('unknownPlan')).toBe(false);
    });

    test('[storage-append] appends made together are stored together, and one for an unknown plan fails alone', async () => {
      await create('planAAAA07');
      const updates = ['x', 'y', 'z'].map((key) => updateSetting(key, key));
      // Made in one turn, so a backend that groups commits puts all four in one batch.
      const results = await Promise.allSettled([
        storage.appendUpdate('planAAAA07', updates[0] ?? new Uint8Array(), ALICE),
        storage.appendUpdate('unknownPlan', updates[1] ?? new Uint8Array(), ALICE),
        storage.appendUpdate('planAAAA07', updates[1] ?? new Uint8Array(), null),
        storage.appendUpdate('planAAAA07', updates[2] ?? new Uint8Array(), ALICE),
      ]);
      expect(results.map((result) => result.status)).toEqual([
        'fulfilled',
        'rejected',
        'fulfilled',
        'fulfilled',
      ]);
      expect((await rebuild(storage, 'planAAAA07')).getMap('meta').toJSON()).toEqual({
        title: 'planAAAA07',
        x: 'x',
        y: 'y',
        z: 'z',
      });
      expect(await storage.loadUpdates('unknownPlan')).toEqual([]);
      expect(await storage.listHistory('planAAAA07', { limit: 10 })).toHaveLength(4);
    });

    test('[storage-append] appended updates load in order after the first, per plan', async () => {
      await create('planAAAA05');
      await create('planAAAA06');
      const a = updateSetting('a', '1');
      const b = updateSetting('b', '2');
      await storage.appendUpdate('planAAAA05', a, ALICE);
      await storage.appendUpdate('planAAAA06', b, null);
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
      const { writer, updates } = await writerFor(storage, 'planAAAA07');
      for (let i = 0; i < COMPACT_AFTER * 3 + 7; i++) writer.getMap('meta').set(`k${i % 13}`, `v${i}`);
      for (const update of updates) await storage.appendUpdate('planAAAA07', update, ALICE);
      const stored = await storage.loadUpdates('planAAAA07');
      expect(stored.length).toBeLessThanOrEqual(COMPACT_AFTER);
      expect((await rebuild(storage, 'planAAAA07')).getMap('meta').toJSON()).toEqual(
        writer.getMap('meta').toJSON(),
      );
    });

    test('[storage-compact] grouped appends and an explicit compact between them keep the rows bounded', async () => {
      await create('planAAAA0C');
      const { writer, updates } = await writerFor(storage, 'planAAAA0C');
      const appendAll = async (from: number, count: number): Promise<void> => {
        for (let i = from; i < from + count; i++) writer.getMap('meta').set(`k${i % 11}`, `v${i}`);
        // Sent together, they share commits: the count of rows grows by a batch at a time.
        await Promise.all(
          updates.splice(0).map((update) => storage.appendUpdate('planAAAA0C', update, ALICE)),
        );
      };
      await appendAll(0, COMPACT_AFTER - 3);
      await storage.compact('planAAAA0C');
      expect(await storage.loadUpdates('planAAAA0C')).toHaveLength(1);
      await appendAll(100, COMPACT_AFTER * 2 + 5);
      await appendAll(200, COMPACT_AFTER + 1);
      expect((await storage.loadUpdates('planAAAA0C')).length).toBeLessThanOrEqual(COMPACT_AFTER);
      expect((await rebuild(storage, 'planAAAA0C')).getMap('meta').toJSON()).toEqual(
        writer.getMap('meta').toJSON(),
      );
    });

    test('[storage-compact] an explicit compact leaves one snapshot with the same content', async () => {
      await create('planAAAA08');
      await storage.appendUpdate('planAAAA08', updateSetting('x', '1'), ALICE);
      await storage.appendUpdate('planAAAA08', updateSetting('y', '2'), BERTIL);
      const before = (await rebuild(storage, 'planAAAA08')).getMap('meta').toJSON();
      await storage.compact('planAAAA08');
      expect(await storage.loadUpdates('planAAAA08')).toHaveLength(1);
      expect((await rebuild(storage, 'planAAAA08')).getMap('meta').toJSON()).toEqual(before);
      await storage.appendUpdate('planAAAA08', updateSetting('z', '3'), null);
      expect((await rebuild(storage, 'planAAAA08')).getMap('meta').get('z')).toBe('3');
    });

    test('[storage-history] a created plan has one history entry: its first update, at its creation, by nobody', async () => {
      const initial = updateSetting('title', 'Början');
      const createdAt = new Date(Date.now() - 60_000).toISOString();
      await create('planHIST01', initial, createdAt);
      const entries = await storage.listHistory('planHIST01', { limit: 10 });
      expect(entries).toEqual([
        { seq: expect.any(Number), at: createdAt, author: null, bytes: initial.length },
      ]);
      expect(await storage.listHistory('planUNKNOWN', { limit: 10 })).toEqual([]);
    });

    test('[storage-history] appended updates are listed newest first with their authors; limit and before page through', async () => {
      await create('planHIST02', undefined, new Date(Date.now() - 60_000).toISOString());
      const first = updateSetting('a', '1');
      await storage.appendUpdate('planHIST02', first, ALICE);
      const [afterFirst] = await storage.listHistory('planHIST02', { limit: 1 });
      await instantAfter(afterFirst?.at ?? '');
      await storage.appendUpdate('planHIST02', updateSetting('b', '2'), BERTIL);
      await storage.appendUpdate('planHIST02', updateSetting('c', '3'), null);
      const all = await storage.listHistory('planHIST02', { limit: 100 });
      expect(all.map((entry) => entry.author)).toEqual([null, BERTIL, ALICE, null]);
      expect(all[2]?.bytes).toBe(first.length);
      const seqs = all.map((entry) => entry.seq);
      expect([...seqs].sort((x, y) => y - x)).toEqual(seqs);
      expect(await storage.listHistory('planHIST02', { limit: 2 })).toEqual(all.slice(0, 2));
      // `before` is exclusive: everything accepted before the second append, i.e. the first append and the creation.
      const second = all[1];
      expect(await storage.listHistory('planHIST02', { before: second?.at ?? '', limit: 100 })).toEqual(
        all.slice(2),
      );
    });

    test('[storage-history] compaction merges the live updates and never touches the history', async () => {
      await create('planHIST03', undefined, new Date(Date.now() - 60_000).toISOString());
      for (let i = 0; i < COMPACT_AFTER * 2 + 3; i++) {
        await storage.appendUpdate('planHIST03', updateSetting(`k${i}`, `v${i}`), ALICE);
      }
      await storage.compact('planHIST03');
      expect(await storage.loadUpdates('planHIST03')).toHaveLength(1);
      const history = await storage.listHistory('planHIST03', { limit: 1000 });
      expect(history).toHaveLength(COMPACT_AFTER * 2 + 4);
      const now = await instantAfter(history[0]?.at ?? '');
      expect(metaOf(await storage.stateAt('planHIST03', now))).toEqual(
        (await rebuild(storage, 'planHIST03')).getMap('meta').toJSON(),
      );
    });

    test('[storage-history] stateAt gives the plan as it was: null before creation, the older value between edits', async () => {
      const createdAt = new Date(Date.now() - 60_000).toISOString();
      await create('planHIST04', updateSetting('title', 'Första'), createdAt);
      expect(await storage.stateAt('planHIST04', new Date(Date.now() - 120_000).toISOString())).toBeNull();
      expect(metaOf(await storage.stateAt('planHIST04', createdAt))).toEqual({ title: 'Första' });
      const writer = new Y.Doc();
      Y.applyUpdate(writer, (await storage.loadUpdates('planHIST04'))[0] ?? new Uint8Array());
      const updates: Uint8Array[] = [];
      writer.on('update', (update: Uint8Array) => updates.push(update));
      writer.getMap('meta').set('title', 'Andra');
      writer.getMap('meta').set('title', 'Tredje');
      await storage.appendUpdate('planHIST04', updates[0] ?? new Uint8Array(), ALICE);
      const [second] = await storage.listHistory('planHIST04', { limit: 1 });
      const between = await instantAfter(second?.at ?? '');
      await instantAfter(between);
      await storage.appendUpdate('planHIST04', updates[1] ?? new Uint8Array(), BERTIL);
      expect(metaOf(await storage.stateAt('planHIST04', between))).toEqual({ title: 'Andra' });
      expect(metaOf(await storage.stateAt('planHIST04', new Date().toISOString()))).toEqual({
        title: 'Tredje',
      });
      expect(await storage.stateAt('planUNKNOWN', new Date().toISOString())).toBeNull();
    });

    test('[storage-health] a working store is healthy', async () => {
      expect(await storage.healthy()).toBe(true);
    });
  });
}
