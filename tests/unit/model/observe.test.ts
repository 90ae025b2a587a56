// [observe] Change events name the touched rows and their source; [docs] the update checks the relay relies on.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addActivity, deleteActivity, setActivityField } from '../../../src/model/activities.ts';
import {
  applyUpdateTo,
  encodeDoc,
  mergeUpdateList,
  newPlanDoc,
  onDocChange,
  onDocUpdate,
  parseUpdate,
  checkPeerUpdate,
} from '../../../src/model/docs.ts';
import { renameFocusArea } from '../../../src/model/focusAreas.ts';
import { onPlanChange } from '../../../src/model/observe.ts';
import type { PlanChange } from '../../../src/model/observe.ts';
import { readActivity, readPlan } from '../../../src/model/plan.ts';
import { alice, bertil, first, seededDoc } from '../../helpers/plans.ts';

describe('[observe] change events', () => {
  it('reports the touched activity and the local source for this tab’s edit, remote for a synced one', () => {
    const doc = seededDoc();
    const replica = newPlanDoc();
    applyUpdateTo(replica, encodeDoc(doc));
    const activity = first(readPlan(doc).activities);
    const local: PlanChange[] = [];
    const remote: PlanChange[] = [];
    onPlanChange(doc, (change) => local.push(change));
    onPlanChange(replica, (change) => remote.push(change));
    onDocUpdate(doc, (update) => applyUpdateTo(replica, update, 'relay'));

    setActivityField(doc, alice, activity.id, 'owners', [first(readPlan(doc).participants).id]);
    expect(local).toEqual([{ source: 'local', activities: new Set([activity.id]), structure: false }]);
    expect(remote).toEqual([{ source: 'remote', activities: new Set([activity.id]), structure: false }]);

    const added = addActivity(doc, bertil, { focusAreaId: activity.focusAreaId, step: 1, text: 'Ny' });
    expect(added.ok && local.at(-1)?.activities.has(added.value)).toBe(true);

    renameFocusArea(doc, alice, activity.focusAreaId, 'Nytt namn');
    expect(remote.at(-1)).toEqual({ source: 'remote', activities: new Set(), structure: true });
  });

  it('stops reporting after unsubscribe', () => {
    const doc = seededDoc();
    const changes: PlanChange[] = [];
    const stop = onPlanChange(doc, (change) => changes.push(change));
    stop();
    setActivityField(doc, alice, first(readPlan(doc).activities).id, 'note', 'x');
    expect(changes).toEqual([]);
  });
});

describe('[docs] onDocChange', () => {
  it('names the origin of each transaction that adds or deletes, and skips ones that change nothing', () => {
    const doc = seededDoc();
    const replica = newPlanDoc();
    const origins: unknown[] = [];
    onDocChange(replica, (origin) => origins.push(origin));
    applyUpdateTo(replica, encodeDoc(doc), 'relay');
    expect(origins).toEqual(['relay']);

    const activity = first(readPlan(doc).activities);
    const sv = Y.encodeStateVector(doc);
    setActivityField(doc, alice, activity.id, 'note', 'Ny anteckning');
    applyUpdateTo(replica, Y.encodeStateAsUpdate(doc, sv), 'relay');
    // The same content again, and a transaction that writes nothing: no change.
    applyUpdateTo(replica, encodeDoc(doc), 'relay');
    replica.transact(() => undefined, 'idle');
    expect(origins).toEqual(['relay', 'relay']);

    const before = Y.encodeStateVector(doc);
    deleteActivity(doc, bertil, activity.id);
    const deletion = Y.encodeStateAsUpdate(doc, before);
    applyUpdateTo(replica, deletion, 'relay-delete');
    expect(origins.at(-1)).toBe('relay-delete');
    expect(readActivity(replica, activity.id)).toBeUndefined();
  });

  it('leaves Yjs without update listeners, so loading encodes nothing, and stops after unsubscribe', () => {
    const doc = newPlanDoc();
    let changes = 0;
    const stop = onDocChange(doc, () => (changes += 1));
    // Yjs encodes a transaction's update only when 'update' listeners exist; there must be none.
    expect(doc._observers.has('update')).toBe(false);
    applyUpdateTo(doc, encodeDoc(seededDoc()), 'idb');
    expect(changes).toBe(1);
    stop();
    applyUpdateTo(doc, encodeDoc(seededDoc()), 'idb');
    expect(changes).toBe(1);
  });
});

describe('[docs] update checks used by the relay', () => {
  it('parseUpdate accepts an encoded doc and refuses random bytes', () => {
    expect(parseUpdate(encodeDoc(seededDoc())).ok).toBe(true);
    expect(parseUpdate(new Uint8Array([255, 255, 255, 255, 1, 2, 3]))).toMatchObject({
      ok: false,
      error: { code: 'bad_update' },
    });
  });

  const news = (doc: Y.Doc, update: Uint8Array): string => {
    const checked = checkPeerUpdate(doc, update);
    return checked.ok ? checked.value : checked.error.code;
  };

  it('checkPeerUpdate: known for a repeat of known content, adds for a new edit, refuses random bytes', () => {
    const doc = seededDoc();
    const replica = newPlanDoc();
    applyUpdateTo(replica, encodeDoc(doc));
    expect(news(doc, encodeDoc(replica))).toBe('known');
    expect(news(doc, new Uint8Array([0, 0]))).toBe('known');
    setActivityField(replica, bertil, first(readPlan(replica).activities).id, 'note', 'ny');
    expect(news(doc, encodeDoc(replica))).toBe('adds');
    expect(news(doc, new Uint8Array([255, 255, 255, 255, 1, 2, 3]))).toBe('bad_update');
  });

  it('checkPeerUpdate sees a deletion alone, and a doc changed since the last check', () => {
    const doc = seededDoc();
    const replica = newPlanDoc();
    applyUpdateTo(replica, encodeDoc(doc));
    expect(news(doc, encodeDoc(replica))).toBe('known');
    const deletions: Uint8Array[] = [];
    onDocUpdate(replica, (update) => deletions.push(update));
    replica.getMap('meta').delete('county');
    const [deletion] = deletions;
    if (deletion === undefined) throw new Error('a deletion is an update');
    expect(Y.encodeStateVector(replica)).toEqual(Y.encodeStateVector(doc));
    expect(news(doc, deletion)).toBe('adds');
    applyUpdateTo(doc, deletion);
    expect(news(doc, deletion)).toBe('known');
    expect(news(doc, encodeDoc(replica))).toBe('known');
  });

  it('checkPeerUpdate: a sync reply with the same deletions is known, one with a deletion more adds', () => {
    const doc = seededDoc();
    const activity = first(readPlan(doc).activities).id;
    setActivityField(doc, bertil, activity, 'note', 'första');
    setActivityField(doc, bertil, activity, 'note', 'andra');
    const replica = newPlanDoc();
    applyUpdateTo(replica, encodeDoc(doc));
    // What the stock client sends in answer to the relay's sync step 1: nothing new, and every deletion it knows.
    const reply = (): Uint8Array => Y.encodeStateAsUpdate(replica, Y.encodeStateVector(doc));
    expect(reply().length).toBeGreaterThan(2);
    expect(news(doc, reply())).toBe('known');
    setActivityField(doc, bertil, activity, 'note', 'tredje');
    expect(news(doc, reply())).toBe('known');
    applyUpdateTo(replica, encodeDoc(doc));
    replica.getMap('meta').delete('county');
    const withDeletion = reply();
    expect(Y.encodeStateVector(replica)).toEqual(Y.encodeStateVector(doc));
    expect(news(doc, withDeletion)).toBe('adds');
    applyUpdateTo(doc, withDeletion);
    expect(news(doc, withDeletion)).toBe('known');
  });

  it('mergeUpdateList keeps every update', () => {
    const doc = seededDoc();
    const updates: Uint8Array[] = [encodeDoc(doc)];
    onDocUpdate(doc, (update) => updates.push(update));
    for (const activity of readPlan(doc).activities.slice(0, 5))
      setActivityField(doc, alice, activity.id, 'status', 'done');
    const copy = newPlanDoc();
    applyUpdateTo(copy, mergeUpdateList(updates));
    expect(readPlan(copy)).toEqual(readPlan(doc));
  });

  it('mergeUpdateList keeps an update whose predecessor is missing, so it still applies once that arrives', () => {
    const doc = seededDoc();
    const base = encodeDoc(doc);
    const edits: Uint8Array[] = [];
    onDocUpdate(doc, (update) => edits.push(update));
    const [a, b] = readPlan(doc).activities.map((activity) => activity.id);
    if (a === undefined || b === undefined) throw new Error('the seed has two activities');
    setActivityField(doc, alice, a, 'note', 'först');
    setActivityField(doc, alice, b, 'note', 'sedan');
    const [firstEdit, secondEdit] = edits;
    if (firstEdit === undefined || secondEdit === undefined) throw new Error('two edits, two updates');
    const copy = newPlanDoc();
    applyUpdateTo(copy, mergeUpdateList([base, secondEdit]));
    expect(readActivity(copy, b)?.note).toBe('');
    applyUpdateTo(copy, firstEdit);
    expect(readPlan(copy)).toEqual(readPlan(doc));
  });

  it('mergeUpdateList drops overwritten content that Y.mergeUpdates keeps', () => {
    const doc = seededDoc();
    const updates: Uint8Array[] = [encodeDoc(doc)];
    onDocUpdate(doc, (update) => updates.push(update));
    const id = first(readPlan(doc).activities).id;
    for (let i = 0; i < 50; i++) setActivityField(doc, alice, id, 'note', `anteckning ${i} `.repeat(20));
    const merged = mergeUpdateList(updates);
    // The log keeps every value too; what goes is the overwritten cells: as small as the doc's own encoding.
    expect(merged.length).toBeLessThanOrEqual(encodeDoc(doc).length);
    expect(merged.length).toBeLessThan(Y.mergeUpdates(updates).length - 10_000);
    const copy = newPlanDoc();
    applyUpdateTo(copy, merged);
    expect(readPlan(copy)).toEqual(readPlan(doc));
  });
});
