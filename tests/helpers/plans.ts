// Plan fixtures for unit tests: a doc seeded from a template, local origins to act with, results and undo.
import * as Y from 'yjs';
import { createLocalOrigin } from '../../src/model/origins.ts';
import type { LocalOrigin } from '../../src/model/origins.ts';
import { seedPlan } from '../../src/model/plan.ts';
import type { Result } from '../../src/model/result.ts';
import { TOP } from '../../src/model/schema.ts';
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

/** The value of a successful result, failing the test with the refusal otherwise. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.detail}`);
  return result.value;
}

/**
 * An undo manager as the app must open one for conflicts to reopen on undo: over every top-level type,
 * the log included, tracking only `origin`; each transaction is its own step.
 */
export function openUndo(doc: Y.Doc, origin: LocalOrigin): Y.UndoManager {
  const types = [TOP.meta, TOP.participants, TOP.focusAreas, TOP.activities].map((name) => doc.getMap(name));
  return new Y.UndoManager([...types, doc.getArray(TOP.log)], {
    trackedOrigins: new Set([origin]),
    captureTimeout: 0,
  });
}
