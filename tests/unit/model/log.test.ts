// [log-*] The bounded log: every entry keyed, each naming the entries it supersedes; its index survives trimming.
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { setActivityField } from '../../../src/model/activities.ts';
import { openConflicts } from '../../../src/model/conflicts.ts';
import { applyUpdateTo, encodeDoc, newPlanDoc } from '../../../src/model/docs.ts';
import { cellHeads } from '../../../src/model/heads.ts';
import { readLog } from '../../../src/model/log.ts';
import { readPlan } from '../../../src/model/plan.ts';
import { LOG_LIMIT } from '../../../src/model/schema.ts';
import type { CellRef } from '../../../src/model/schema.ts';
import { alice, bertil, first, seededDoc } from '../../helpers/plans.ts';

const keysOf = (doc: Y.Doc, cell: CellRef): string[] => cellHeads(doc, cell).map((head) => head.key ?? '');

describe('[log-keys] entries name what they supersede', () => {
  it('gives each entry a unique key and lists the cell’s previous entry in prev', () => {
    const doc = seededDoc();
    const activity = first(readPlan(doc).activities);
    setActivityField(doc, alice, activity.id, 'status', 'done');
    setActivityField(doc, bertil, activity.id, 'note', 'x');
    setActivityField(doc, bertil, activity.id, 'status', 'blocked');
    const [status1, note, status2] = readLog(doc);
    expect(new Set([status1?.key, note?.key, status2?.key]).size).toBe(3);
    expect(status1?.prev).toEqual([]);
    expect(note?.prev).toEqual([]);
    expect(status2?.prev).toEqual([status1?.key]);
    expect(keysOf(doc, { target: 'activity', id: activity.id, field: 'status' })).toEqual([status2?.key]);
  });

  it('sees earlier writes of the same transaction (several actions in one outer transaction)', () => {
    const doc = newPlanDoc();
    applyUpdateTo(doc, encodeDoc(seededDoc()));
    const activity = first(readPlan(doc).activities);
    doc.transact(() => {
      setActivityField(doc, alice, activity.id, 'text', 'Ett');
      setActivityField(doc, alice, activity.id, 'text', 'Två');
    }, alice);
    const [one, two] = readLog(doc);
    expect(two?.prev).toEqual([one?.key]);
    expect(keysOf(doc, { target: 'activity', id: activity.id, field: 'text' })).toEqual([two?.key]);
  });
});

describe('[log-bounded] the log stays bounded and its index right', () => {
  it('keeps LOG_LIMIT entries, and the live index agrees with one built afresh from the same log', () => {
    const doc = seededDoc();
    const activities = readPlan(doc).activities.slice(0, 5);
    const fields = ['note', 'responsible'] as const;
    for (let i = 0; i < LOG_LIMIT + 120; i++) {
      const activity = activities[i % activities.length];
      if (activity)
        setActivityField(doc, i % 2 ? alice : bertil, activity.id, fields[i % 2] ?? 'note', `v${i}`);
    }
    expect(readLog(doc)).toHaveLength(LOG_LIMIT);
    const copy = newPlanDoc();
    applyUpdateTo(copy, encodeDoc(doc));
    for (const activity of activities) {
      for (const field of fields) {
        const cell: CellRef = { target: 'activity', id: activity.id, field };
        expect(keysOf(doc, cell)).toEqual(keysOf(copy, cell));
        expect(keysOf(doc, cell)).toHaveLength(1);
      }
    }
    expect(openConflicts(doc)).toEqual([]);
    expect(openConflicts(copy)).toEqual([]);
  });
});
