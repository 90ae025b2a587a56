// [server-log] Logs are one JSON object per line with level, time and msg; token-like fields are redacted,
// queries stripped; and a real server's log of plan creation, syncing and refusals holds no token or plan content.
import { expect, test } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_BAD_TOKEN } from '../../server/closeCodes.ts';
import { createLogger } from '../../server/log.ts';
import { setPlanTitle } from '../../src/model/meta.ts';
import { readPlan } from '../../src/model/plan.ts';
import { alice } from '../helpers/plans.ts';
import { startRelay } from '../helpers/startRelay.ts';
import { waitFor } from '../helpers/waitFor.ts';

/** A logger whose lines land in the returned array. */
function capture(): { lines: string[]; log: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  return { lines, log: createLogger((line) => lines.push(line)) };
}

test('[server-log] each line is a JSON object with level, ISO time and msg, plus the fields', () => {
  const { lines, log } = capture();
  log.info('socket joined', { plan: 'AbCdEfGh12345', conn: 7, role: 'edit' });
  log.warn('malformed frame', { conn: 7 });
  log.error('plan load failed', { error: 'disk I/O error' });
  expect(lines).toHaveLength(3);
  const entries = lines.map((line) => {
    expect(line.endsWith('\n')).toBe(true);
    expect(line.trimEnd()).not.toContain('\n');
    return JSON.parse(line) as Record<string, unknown>;
  });
  expect(entries.map((entry) => entry.level)).toEqual(['info', 'warn', 'error']);
  expect(entries.map((entry) => entry.msg)).toEqual(['socket joined', 'malformed frame', 'plan load failed']);
  for (const entry of entries) expect(new Date(String(entry.time)).toISOString()).toBe(entry.time);
  expect(entries[0]).toMatchObject({ plan: 'AbCdEfGh12345', conn: 7, role: 'edit' });
  expect(entries[2]).toMatchObject({ error: 'disk I/O error' });
});

test("[server-log] a caller's fields cannot overwrite level, time, pid or msg; undefined fields are left out", () => {
  const { lines, log } = capture();
  log.error('the real message', {
    level: 'info',
    time: 'yesterday',
    pid: 0,
    msg: 'a forged message',
    gone: undefined,
  });
  const entry = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
  expect(entry).toMatchObject({ level: 'error', pid: process.pid, msg: 'the real message' });
  expect(new Date(String(entry.time)).toISOString()).toBe(entry.time);
  expect(Object.keys(entry)).toEqual(['level', 'time', 'pid', 'msg']);
});

test('[server-log] token-like fields are redacted and paths and URLs lose their query, whatever a caller passes', () => {
  const { lines, log } = capture();
  log.warn('careless caller', {
    token: 'tok-secret-1',
    editToken: 'tok-secret-2',
    viewToken: 'tok-secret-3',
    adminToken: 'tok-secret-4',
    authorization: 'Bearer tok-secret-5',
    path: '/sync/AbCdEfGh12345?token=tok-secret-6',
    url: 'http://127.0.0.1/p/AbCdEfGh12345?x=1#tok-secret-7',
  });
  const text = lines.join('');
  for (let i = 1; i <= 7; i++) expect(text).not.toContain(`tok-secret-${i}`);
  const entry = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
  expect(entry).toMatchObject({
    token: '[redacted]',
    editToken: '[redacted]',
    authorization: '[redacted]',
    path: '/sync/AbCdEfGh12345',
    url: 'http://127.0.0.1/p/AbCdEfGh12345',
  });
});

test("[server-log] a real server's log of creating, syncing, editing and refusing holds no token and no plan content", async () => {
  const { lines, log } = capture();
  const relay = await startRelay({ log, adminToken: 'admin-secret-xyz' });
  const secrets = ['admin-secret-xyz', 'wrong-token-abc', 'Hemlig titel', 'hemligare'];
  try {
    const plan = await relay.createPlan('empty', 'Hemlig titel');
    secrets.push(plan.editToken, plan.viewToken);
    const doc = new Y.Doc();
    await relay.syncedProvider(plan.id, plan.editToken, doc);
    setPlanTitle(doc, alice, 'Ännu hemligare titel');
    const witness = new Y.Doc();
    await relay.syncedProvider(plan.id, plan.viewToken, witness);
    await waitFor(() => expect(readPlan(witness).meta.title).toBe('Ännu hemligare titel'));
    const wrong = relay.rawSocket(plan.id, 'wrong-token-abc');
    expect(await wrong.closed).toBe(CLOSE_BAD_TOKEN);
    const history = await fetch(`${relay.url}/api/plans/${plan.id}/history?token=${plan.editToken}`, {
      headers: { authorization: `Bearer ${plan.editToken}` },
    });
    expect(history.status).toBe(200);
  } finally {
    await relay.close();
  }
  const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(entries.some((entry) => entry.msg === 'socket joined')).toBe(true);
  expect(entries.some((entry) => entry.msg === 'socket refused')).toBe(true);
  expect(entries.some((entry) => entry.msg === 'http' && entry.status === 201)).toBe(true);
  const text = lines.join('');
  expect(secrets).toHaveLength(6);
  for (const secret of secrets) expect(text).not.toContain(secret);
});
