// A colleague at another computer, in Node: a stock y-websocket client on the plan that edits through the model,
// so an e2e test can arrange a plan (statuses, owners, dates) and watch the change arrive live in the browser.
import * as Y from 'yjs';
import { createLocalOrigin } from '../../src/model/origins.ts';
import type { LocalOrigin } from '../../src/model/origins.ts';
import { readPlan } from '../../src/model/plan.ts';
import type { PlanSnapshot } from '../../src/model/schema.ts';
import { nodeProvider } from '../helpers/nodeClient.ts';
import { waitFor } from '../helpers/waitFor.ts';

export interface Colleague {
  readonly doc: Y.Doc;
  /** The colleague's origin: pass it to model functions (`setActivityField(colleague.doc, colleague.origin, …)`). */
  readonly origin: LocalOrigin;
  plan(): PlanSnapshot;
  close(): void;
}

/** Connects as `name` of `organisation` with `token` and resolves once the plan has arrived from the relay. */
export async function connectColleague(
  url: string,
  planId: string,
  token: string,
  who: { name: string; organisation: string } = { name: 'Kerstin Kollega', organisation: '' },
): Promise<Colleague> {
  const doc = new Y.Doc();
  const provider = nodeProvider(url, planId, token, doc);
  provider.awareness.setLocalStateField('user', who);
  await waitFor(() => provider.synced);
  return {
    doc,
    origin: createLocalOrigin(who),
    plan: () => readPlan(doc),
    close: () => provider.destroy(),
  };
}
