// Change marks against state vectors: how the sync layer tells which local changes the relay has stored.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { setActivityField } from '../../../src/model/activities.ts';
import { currentMark, decodeClocks, markCovered, markHeld } from '../../../src/model/clocks.ts';
import { readPlan } from '../../../src/model/plan.ts';
import { alice, first, seededDoc } from '../../helpers/plans.ts';

describe('change marks', () => {
  it('a change is covered once the other side holds it, and not before', () => {
    const local = seededDoc();
    const relay = new Y.Doc();
    Y.applyUpdate(relay, Y.encodeStateAsUpdate(local));
    const activity = first(readPlan(local).activities, 'activity');

    setActivityField(local, alice, activity.id, 'note', 'första');
    const firstMark = currentMark(local);
    const firstChange = Y.encodeStateAsUpdate(local, Y.encodeStateVector(relay));
    setActivityField(local, alice, activity.id, 'note', 'andra');
    const secondMark = currentMark(local);
    expect(secondMark.client).toBe(local.clientID);
    expect(secondMark.clock).toBeGreaterThan(firstMark.clock);

    const clocksOf = (doc: Y.Doc) => {
      const clocks = decodeClocks(Y.encodeStateVector(doc));
      if (clocks === null) throw new Error('a real state vector did not decode');
      return clocks;
    };
    expect(markCovered(clocksOf(relay), firstMark)).toBe(false);

    // The relay gets only the first change: the second stays unconfirmed.
    Y.applyUpdate(relay, firstChange);
    expect(markCovered(clocksOf(relay), firstMark)).toBe(true);
    expect(markCovered(clocksOf(relay), secondMark)).toBe(false);

    Y.applyUpdate(relay, Y.encodeStateAsUpdate(local, Y.encodeStateVector(relay)));
    expect(markCovered(clocksOf(relay), secondMark)).toBe(true);
  });

  it('a copy that lost the change no longer holds its mark', () => {
    const local = seededDoc();
    setActivityField(local, alice, first(readPlan(local).activities).id, 'note', 'bara här');
    const mark = currentMark(local);
    expect(markHeld(local, mark)).toBe(true);
    expect(markHeld(seededDoc(), mark)).toBe(false);
  });

  it('bytes that are not a state vector decode to null', () => {
    expect(decodeClocks(new Uint8Array([0xff, 0xff, 0xff]))).toBeNull();
    expect(decodeClocks(new Uint8Array([0]))).toEqual(new Map());
  });
});
