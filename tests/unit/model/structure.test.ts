// [model-focus] [model-participants] [model-meta] Focus areas, participants and the plan title.
import { describe, expect, it } from 'vitest';
import { setActivityField } from '../../../src/model/activities.ts';
import {
  addFocusArea,
  moveFocusArea,
  removeFocusArea,
  renameFocusArea,
  setFocusAreaPriority,
} from '../../../src/model/focusAreas.ts';
import { readLog } from '../../../src/model/log.ts';
import { setPlanTitle } from '../../../src/model/meta.ts';
import {
  addParticipant,
  moveParticipant,
  removeParticipant,
  renameParticipant,
} from '../../../src/model/participants.ts';
import { readPlan } from '../../../src/model/plan.ts';
import type { FocusAreaId, ParticipantId } from '../../../src/model/schema.ts';
import { alice, first, seededDoc } from '../../helpers/plans.ts';

const value = <T>(result: { ok: true; value: T } | { ok: false }): T => {
  if (!result.ok) throw new Error('expected ok');
  return result.value;
};

describe('[model-focus] focus areas', () => {
  it('adds one with a priority; plan order follows priority, then order', () => {
    const doc = seededDoc('empty');
    const later = value(addFocusArea(doc, alice, { name: 'Uppföljning', priority: 2 }));
    const sooner = value(addFocusArea(doc, alice, { name: 'Ledning', priority: '1' }));
    const also = value(addFocusArea(doc, alice, { name: 'Brukare', priority: 1 }));
    expect(readPlan(doc).focusAreas.map((a) => a.id)).toEqual([sooner, also, later]);
    // Same priority: the order key decides, and "later" was added first.
    expect(setFocusAreaPriority(doc, alice, later, 1).ok).toBe(true);
    expect(readPlan(doc).focusAreas.map((a) => a.id)).toEqual([later, sooner, also]);
    expect(moveFocusArea(doc, alice, later, { after: also }).ok).toBe(true);
    expect(readPlan(doc).focusAreas.map((a) => a.id)).toEqual([sooner, also, later]);
  });

  it('renames, and refuses a bad name or priority without storing it', () => {
    const doc = seededDoc('empty');
    const id = value(addFocusArea(doc, alice, { name: 'A', priority: 1 }));
    expect(renameFocusArea(doc, alice, id, 'Samverkan\nmed brukare').ok).toBe(true);
    expect(first(readPlan(doc).focusAreas).name).toBe('Samverkan med brukare');
    expect(renameFocusArea(doc, alice, id, '')).toMatchObject({ ok: false, error: { code: 'required' } });
    expect(setFocusAreaPriority(doc, alice, id, 0)).toMatchObject({
      ok: false,
      error: { code: 'bad_priority' },
    });
    expect(setFocusAreaPriority(doc, alice, id, 1.5)).toMatchObject({
      ok: false,
      error: { code: 'bad_priority' },
    });
    expect(addFocusArea(doc, alice, { name: 'B', priority: 'hög' }).ok).toBe(false);
    expect(readPlan(doc).focusAreas).toEqual([
      expect.objectContaining({ name: 'Samverkan med brukare', priority: 1 }),
    ]);
    expect(renameFocusArea(doc, alice, 'x' as FocusAreaId, 'y')).toMatchObject({
      ok: false,
      error: { code: 'unknown_focus_area' },
    });
  });

  it('removes one with activities only when confirmed, and then its activities with it', () => {
    const doc = seededDoc();
    const area = first(readPlan(doc).focusAreas);
    const count = readPlan(doc).activities.filter((a) => a.focusAreaId === area.id).length;
    expect(count).toBe(3);
    expect(removeFocusArea(doc, alice, area.id, { withActivities: false })).toMatchObject({
      ok: false,
      error: { code: 'focus_area_in_use' },
    });
    expect(readPlan(doc).focusAreas).toHaveLength(12);
    expect(removeFocusArea(doc, alice, area.id, { withActivities: true }).ok).toBe(true);
    expect(readPlan(doc).focusAreas).toHaveLength(11);
    expect(readPlan(doc).activities).toHaveLength(39);
    expect(readLog(doc).filter((e) => e.action === 'delete')).toHaveLength(4);
  });
});

describe('[model-participants] participants', () => {
  it('adds, renames and reorders; names stay unique', () => {
    const doc = seededDoc('empty');
    const region = value(addParticipant(doc, alice, { name: 'Region Blekinge', kind: 'region' }));
    expect(addParticipant(doc, alice, { name: 'region blekinge', kind: 'region' })).toMatchObject({
      ok: false,
      error: { code: 'duplicate_name' },
    });
    expect(addParticipant(doc, alice, { name: 'X', kind: 'landsting' })).toMatchObject({
      ok: false,
      error: { code: 'bad_kind' },
    });
    expect(renameParticipant(doc, alice, region, 'Region Blekinge (hälso- och sjukvård)').ok).toBe(true);
    const joint = first(readPlan(doc).participants);
    expect(moveParticipant(doc, alice, region, { before: joint.id }).ok).toBe(true);
    expect(readPlan(doc).participants.map((p) => [p.name, p.kind])).toEqual([
      ['Region Blekinge (hälso- och sjukvård)', 'region'],
      ['Gemensamt', 'joint'],
    ]);
  });

  it('[model-owner-guard] refuses to remove an owner silently; reassigns or unassigns on request', () => {
    const doc = seededDoc();
    const plan = readPlan(doc);
    const [region, berg, brakke] = plan.participants;
    const [a1, a2] = plan.activities;
    if (!region || !berg || !brakke || !a1 || !a2) throw new Error('fixture');
    setActivityField(doc, alice, a1.id, 'owners', [berg.id]);
    setActivityField(doc, alice, a2.id, 'owners', [berg.id, region.id]);
    expect(removeParticipant(doc, alice, berg.id)).toMatchObject({
      ok: false,
      error: { code: 'participant_in_use' },
    });
    expect(readPlan(doc).participants).toHaveLength(11);
    expect(removeParticipant(doc, alice, berg.id, { reassignTo: berg.id })).toMatchObject({ ok: false });
    expect(removeParticipant(doc, alice, berg.id, { reassignTo: brakke.id }).ok).toBe(true);
    const after = readPlan(doc);
    expect(after.participants.map((p) => p.id)).not.toContain(berg.id);
    expect(after.activities[0]?.owners).toEqual([brakke.id]);
    expect(after.activities[1]?.owners).toEqual([region.id, brakke.id]);
    expect(removeParticipant(doc, alice, brakke.id, 'unassign').ok).toBe(true);
    expect(readPlan(doc).activities[0]?.owners).toEqual([]);
    expect(removeParticipant(doc, alice, 'none' as ParticipantId)).toMatchObject({
      ok: false,
      error: { code: 'unknown_participant' },
    });
  });

  it('removes a participant that owns nothing without asking', () => {
    const doc = seededDoc();
    const last = readPlan(doc).participants.at(-1);
    expect(last && removeParticipant(doc, alice, last.id).ok).toBe(true);
    expect(readPlan(doc).participants).toHaveLength(10);
  });
});

describe('[model-meta] plan title', () => {
  it('sets the title and refuses an empty one', () => {
    const doc = seededDoc();
    expect(setPlanTitle(doc, alice, 'Aktivitetsplan 2027').ok).toBe(true);
    expect(setPlanTitle(doc, alice, ' ').ok).toBe(false);
    expect(readPlan(doc).meta.title).toBe('Aktivitetsplan 2027');
  });
});
