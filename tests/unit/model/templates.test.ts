// [template-*] Plans created from the templates match the transcribed files.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import blekinge from '../../../src/model/templates/blekinge.json' with { type: 'json' };
import jamtland from '../../../src/model/templates/jamtland-harjedalen.json' with { type: 'json' };
import { isPlanSeeded, readPlan, seedPlan } from '../../../src/model/plan.ts';
import { seededDoc } from '../../helpers/plans.ts';

describe('[template-jh] Jämtland Härjedalen', () => {
  const plan = readPlan(seededDoc('jamtland-harjedalen', 'Aktivitetsplan JH'));

  it('has the 12 focus areas of the file with their priorities, in priority then table order', () => {
    expect(plan.focusAreas).toHaveLength(12);
    const expected = jamtland.focusAreas
      .map((area, index) => ({ name: area.name, priority: area.priority, index }))
      .sort((a, b) => a.priority - b.priority || a.index - b.index)
      .map(({ name, priority }) => ({ name, priority }));
    expect(plan.focusAreas.map(({ name, priority }) => ({ name, priority }))).toEqual(expected);
  });

  it('has the 42 activities, each in its focus area and step, in the file order', () => {
    expect(plan.activities).toHaveLength(42);
    for (const source of jamtland.focusAreas) {
      const area = plan.focusAreas.find((candidate) => candidate.name === source.name);
      expect(area, source.name).toBeDefined();
      for (const step of ['1', '2', '3'] as const) {
        const texts = plan.activities
          .filter((activity) => activity.focusAreaId === area?.id && activity.step === Number(step))
          .map((activity) => activity.text);
        expect(texts, `${source.name} steg ${step}`).toEqual(source.steps[step]);
      }
    }
  });

  it('starts every activity as not started, with no owners', () => {
    expect(plan.activities.every((a) => a.status === 'not_started' && a.owners.length === 0)).toBe(true);
  });

  it('names the region, the eight municipalities, Kommunförbundet and Gemensamt as participants', () => {
    expect(plan.participants.map((p) => [p.name, p.kind])).toEqual([
      ['Region Jämtland Härjedalen', 'region'],
      ...jamtland.municipalities.map((name) => [name, 'municipality']),
      ['Kommunförbundet Jämtland Härjedalen', 'association'],
      ['Gemensamt', 'joint'],
    ]);
  });

  it('keeps title, county, template and schema version in meta', () => {
    expect(plan.meta).toEqual({
      title: 'Aktivitetsplan JH',
      county: 'Jämtland Härjedalen',
      template: 'jamtland-harjedalen',
      createdAt: '2026-11-23T09:00:00.000Z',
      schemaVersion: 1,
    });
  });
});

describe('[template-blekinge] Blekinge', () => {
  const plan = readPlan(seededDoc('blekinge'));

  it('has one focus area per proposal, the suggested first steps (13, 14, 1) at priority 1', () => {
    expect(plan.focusAreas).toHaveLength(14);
    expect(plan.focusAreas.slice(0, 3).map((a) => [a.name, a.priority])).toEqual([
      ['1. Förstudie Primärvårdens förberedelse', 1],
      [`13. ${blekinge.proposals[12]?.title}`, 1],
      [`14. ${blekinge.proposals[13]?.title}`, 1],
    ]);
    expect(plan.focusAreas.slice(3).every((a) => a.priority === 2)).toBe(true);
  });

  it('turns every item into a Steg 1 activity of its proposal, with the reform parts the file gives', () => {
    for (const proposal of blekinge.proposals) {
      const area = plan.focusAreas.find((a) => a.name === `${proposal.number}. ${proposal.title}`);
      const activities = plan.activities.filter((a) => a.focusAreaId === area?.id);
      expect(activities.map((a) => a.text)).toEqual(proposal.items);
      expect(activities.every((a) => a.step === 1)).toBe(true);
      for (const activity of activities) expect(activity.reformParts).toEqual(proposal.reformParts);
    }
    expect(plan.activities).toHaveLength(blekinge.proposals.reduce((sum, p) => sum + p.items.length, 0));
  });

  it('names Region Blekinge, the five municipalities and Gemensamt', () => {
    expect(plan.participants.map((p) => p.name)).toEqual([
      'Region Blekinge',
      'Karlshamn',
      'Karlskrona',
      'Olofström',
      'Ronneby',
      'Sölvesborg',
      'Gemensamt',
    ]);
  });
});

describe('[template-empty] empty plan and seeding rules', () => {
  it('makes an empty plan with Gemensamt only', () => {
    const plan = readPlan(seededDoc('empty', 'Tom'));
    expect(plan.focusAreas).toEqual([]);
    expect(plan.activities).toEqual([]);
    expect(plan.participants.map((p) => p.name)).toEqual(['Gemensamt']);
  });

  it('refuses an unknown template, an empty title and seeding twice, storing nothing', () => {
    const doc = new Y.Doc();
    expect(seedPlan(doc, 'gotland' as never, { title: 'X', createdAt: '' })).toMatchObject({
      ok: false,
      error: { code: 'bad_template' },
    });
    expect(seedPlan(doc, 'empty', { title: '   ', createdAt: '' })).toMatchObject({
      ok: false,
      error: { code: 'required' },
    });
    expect(isPlanSeeded(doc)).toBe(false);
    expect(seedPlan(doc, 'empty', { title: 'Ok', createdAt: '' }).ok).toBe(true);
    expect(seedPlan(doc, 'blekinge', { title: 'Again', createdAt: '' }).ok).toBe(false);
    expect(readPlan(doc).meta.title).toBe('Ok');
  });
});
