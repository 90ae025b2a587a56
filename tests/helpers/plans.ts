// Plan fixtures for unit tests: a doc seeded from a template, and a local origin to act with.
import * as Y from 'yjs';
import { createLocalOrigin } from '../../src/model/origins.ts';
import { seedPlan } from '../../src/model/plan.ts';
import type { PlanSnapshot, TemplateId } from '../../src/model/schema.ts';

export const alice = createLocalOrigin({
  name: 'Alice Andersson',
  organisation: 'Region Jämtland Härjedalen',
});
export const bertil = createLocalOrigin({ name: 'Bertil Berg', organisation: 'Östersund' });

/** A new doc holding a plan made from `template`. */
export function seededDoc(template: TemplateId = 'jamtland-harjedalen', title = 'Testplan'): Y.Doc {
  const doc = new Y.Doc();
  const result = seedPlan(doc, template, { title, createdAt: '2026-11-23T09:00:00.000Z' });
  if (!result.ok) throw new Error(result.error.detail);
  return doc;
}

/** The first item of a list, failing the test loudly where it is missing. */
export function first<T>(items: readonly T[], what = 'item'): T {
  const item = items[0];
  if (item === undefined) throw new Error(`expected at least one ${what}`);
  return item;
}

export const areaNamed = (plan: PlanSnapshot, name: string) => {
  const area = plan.focusAreas.find((candidate) => candidate.name === name);
  if (!area) throw new Error(`no focus area ${name}`);
  return area;
};
