// [http-healthz] GET /healthz answers {"ok":true} while storage answers a real query, 503 when it fails or hangs.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { startServer } from '../../server/app.ts';
import { silentLogger } from '../../server/log.ts';
import { openSqliteStorage } from '../../server/storage/sqlite.ts';
import type { Storage } from '../../server/storage/types.ts';
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

test('[http-healthz] /healthz → 503 when the storage check throws or hangs, and 200 again once it answers', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'samplan-health-'));
  const real = openSqliteStorage({ dataDir });
  let mode: 'ok' | 'throw' | 'hang' = 'ok';
  // The real SQLite storage, with a health check that can be made to fail the two ways a disk or a network store does.
  const storage: Storage = new Proxy(real, {
    get(target, property, receiver) {
      if (property !== 'healthy') return Reflect.get(target, property, receiver) as unknown;
      return (): Promise<boolean> =>
        mode === 'throw'
          ? Promise.reject(new Error('disk I/O error'))
          : mode === 'hang'
            ? new Promise<boolean>(() => {})
            : target.healthy();
    },
  });
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, storage, log: silentLogger });
  try {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    mode = 'throw';
    const thrown = await fetch(`${server.url}/healthz`);
    expect(thrown.status).toBe(503);
    expect(await thrown.json()).toEqual({ ok: false });
    mode = 'hang';
    const hung = await fetch(`${server.url}/healthz`);
    expect(hung.status).toBe(503);
    expect(await hung.json()).toEqual({ ok: false });
    mode = 'ok';
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ ok: true });
  } finally {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
