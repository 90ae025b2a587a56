// [relay-bundle] The server as `npm run serve` runs it: bundled to plain JavaScript (server/bundle.ts) and started
// with plain node and the serve script's node options. It serves the app files beside it, relays, and stores what it relayed.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import * as Y from 'yjs';
import { setPlanTitle } from '../../src/model/meta.ts';
import { readPlan } from '../../src/model/plan.ts';
import { bundleServer } from '../../server/bundle.ts';
import { freePort, startChildRelay } from '../helpers/childRelay.ts';
import { createPlanAt, nodeProvider } from '../helpers/nodeClient.ts';
import { servedNodeOptions } from '../helpers/serveScript.ts';
import type { CreatedPlan } from '../helpers/startRelay.ts';
import { alice } from '../helpers/plans.ts';
import { waitFor } from '../helpers/waitFor.ts';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** As in the repository: the bundle in `<root>/dist-server`, the app files it serves in `<root>/dist`. */
let root: string;
let dataDir: string;

beforeAll(async () => {
  const scratch = path.join(REPO_ROOT, 'tests/.tmp');
  await mkdir(scratch, { recursive: true });
  root = await mkdtemp(path.join(scratch, 'bundle-'));
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'samplan-bundle-'));
  await bundleServer({ main: path.join(REPO_ROOT, 'server/main.ts') }, path.join(root, 'dist-server'));
  await mkdir(path.join(root, 'dist'));
  await writeFile(path.join(root, 'dist/index.html'), '<!doctype html><title>Samplan bundle test</title>');
}, 30_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(dataDir, { recursive: true, force: true });
});

test('[relay-bundle] the bundled server serves its app files, relays, and keeps what it stored over a restart', async () => {
  const bundle = path.join(root, 'dist-server/main.mjs');
  const port = await freePort();
  const nodeOptions = servedNodeOptions();
  expect(nodeOptions).toContain('--max-semi-space-size=2');
  const relay = await startChildRelay({ port, dataDir, bundle, nodeOptions });
  let plan: CreatedPlan;
  try {
    const page = await fetch(`${relay.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Samplan bundle test');

    plan = await createPlanAt(relay.url, { title: 'Paketerad', template: 'blekinge' });
    const editor = new Y.Doc();
    const witness = new Y.Doc();
    const editing = nodeProvider(relay.url, plan.id, plan.editToken, editor);
    const watching = nodeProvider(relay.url, plan.id, plan.viewToken, witness);
    await waitFor(() => expect(editing.synced && watching.synced).toBe(true));
    expect(setPlanTitle(editor, alice, 'Lagrad och synkad').ok).toBe(true);
    await waitFor(() => expect(readPlan(witness).meta.title).toBe('Lagrad och synkad'));
    editing.destroy();
    watching.destroy();
  } finally {
    expect(await relay.stop('SIGTERM')).toBe(0);
  }

  const again = await startChildRelay({ port, dataDir, bundle, nodeOptions });
  try {
    const reopened = new Y.Doc();
    const reading = nodeProvider(again.url, plan.id, plan.viewToken, reopened);
    await waitFor(() => expect(reading.synced).toBe(true));
    expect(readPlan(reopened).meta.title).toBe('Lagrad och synkad');
    reading.destroy();
  } finally {
    expect(await again.stop('SIGTERM')).toBe(0);
  }
}, 60_000);
