// [relay-backup] `npm run backup` copies the database consistently while the relay runs.
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import * as Y from 'yjs';
import { setActivityField } from '../../src/model/activities.ts';
import { readPlan } from '../../src/model/plan.ts';
import { backupDatabase, defaultBackupPath } from '../../server/storage/backup.ts';
import { alice, first } from '../helpers/plans.ts';
import { startRelay } from '../helpers/startRelay.ts';
import type { TestRelay } from '../helpers/startRelay.ts';
import { waitFor } from '../helpers/waitFor.ts';

let relay: TestRelay;
let restored: TestRelay | undefined;
beforeEach(async () => {
  relay = await startRelay();
});
afterEach(async () => {
  await relay.close();
  await restored?.close();
});

test('[relay-backup] a backup taken while clients edit holds every stored update and serves the plan', async () => {
  const plan = await relay.createPlan('jamtland-harjedalen', 'Säkerhetskopia');
  const doc = new Y.Doc();
  await relay.syncedProvider(plan.id, plan.editToken, doc);
  const activity = first(readPlan(doc).activities);
  setActivityField(doc, alice, activity.id, 'status', 'done');
  const witness = new Y.Doc();
  await relay.syncedProvider(plan.id, plan.viewToken, witness);
  await waitFor(() => expect(readPlan(witness).activities[0]?.status).toBe('done'));

  const backupDir = path.join(relay.dataDir, 'restore');
  const target = await backupDatabase(relay.dataDir, path.join(backupDir, 'samplan.sqlite'));
  expect(target.endsWith('samplan.sqlite')).toBe(true);
  expect(defaultBackupPath('/d', new Date('2026-11-23T10:00:00.000Z'))).toBe(
    '/d/backups/samplan-2026-11-23T10-00-00-000Z.sqlite',
  );

  restored = await startRelay({}, backupDir);
  const copy = new Y.Doc();
  await restored.syncedProvider(plan.id, plan.viewToken, copy);
  expect(readPlan(copy)).toEqual(readPlan(doc));
});

test('[relay-backup] a missing database is a clear error, not an empty copy', async () => {
  await expect(
    backupDatabase(path.join(relay.dataDir, 'nowhere'), path.join(relay.dataDir, 'x.sqlite')),
  ).rejects.toThrow();
});
