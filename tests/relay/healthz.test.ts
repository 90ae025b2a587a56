// [http-healthz] GET /healthz answers {"ok":true} while storage answers, 503 when it does not.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { startServer } from '../../server/app.ts';
import { silentLogger } from '../../server/log.ts';
import { openSqliteStorage } from '../../server/storage/sqlite.ts';
import { startRelay } from '../helpers/startRelay.ts';

test('[http-healthz] /healthz → 200 {"ok":true}', async () => {
  const relay = await startRelay();
  try {
    const response = await fetch(`${relay.url}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ ok: true });
  } finally {
    await relay.close();
  }
});

test('[http-healthz] /healthz → 503 when storage does not answer', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'samplan-health-'));
  const storage = openSqliteStorage({ dataDir });
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, storage, log: silentLogger });
  try {
    await storage.close();
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ ok: false });
  } finally {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
