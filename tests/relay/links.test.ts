// [api-links] Replacing a link: POST /api/plans/<id>/links/<edit|view> with the edit token gives a new token;
// the old one stops at once, on HTTP and on sockets (new ones refused, live ones closed with 4401).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_BAD_TOKEN } from '../../server/closeCodes.ts';
import { openSqliteStorage } from '../../server/storage/sqlite.ts';
import type { Storage } from '../../server/storage/types.ts';
import { setPlanTitle } from '../../src/model/meta.ts';
import { readPlan } from '../../src/model/plan.ts';
import { alice } from '../helpers/plans.ts';
import { closedWith, startRelay } from '../helpers/startRelay.ts';
import type { TestRelay } from '../helpers/startRelay.ts';
import { waitFor } from '../helpers/waitFor.ts';

let relay: TestRelay;
beforeEach(async () => {
  relay = await startRelay();
});
afterEach(() => relay.close());

const replace = (id: string, link: string, token?: string, method = 'POST'): Promise<Response> =>
  fetch(`${relay.url}/api/plans/${id}/links/${link}`, {
    method,
    ...(token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } }),
  });

const roleOf = async (id: string, token: string): Promise<number | string> => {
  const response = await fetch(`${relay.url}/api/plans/${id}/access`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return response.ok ? ((await response.json()) as { role: string }).role : response.status;
};

const newTokenFrom = async (response: Response): Promise<string> => {
  expect(response.status).toBe(201);
  expect(response.headers.get('cache-control')).toBe('no-store');
  const body = (await response.json()) as { token: unknown };
  expect(Object.keys(body)).toEqual(['token']);
  if (typeof body.token !== 'string') throw new Error('no token in the answer');
  return body.token;
};

test('[api-links] replacing the edit link: the new token edits, the old one gets 401 on HTTP and 4401 on a new socket', async () => {
  const plan = await relay.createPlan('blekinge', 'Bytt länk');
  const fresh = await newTokenFrom(await replace(plan.id, 'edit', plan.editToken));
  // At least 128 random bits, URL-safe, and new.
  expect(fresh).toMatch(/^[A-Za-z0-9_-]{22,}$/);
  expect(fresh).not.toBe(plan.editToken);
  expect(fresh).not.toBe(plan.viewToken);

  expect(await roleOf(plan.id, fresh)).toBe('edit');
  expect(await roleOf(plan.id, plan.editToken)).toBe(401);
  expect(await roleOf(plan.id, plan.viewToken)).toBe('view');
  const exportOld = await fetch(`${relay.url}/api/plans/${plan.id}/export.csv`, {
    headers: { authorization: `Bearer ${plan.editToken}` },
  });
  expect(exportOld.status).toBe(401);
  // The old edit token can no longer replace links either.
  expect((await replace(plan.id, 'view', plan.editToken)).status).toBe(401);

  const old = relay.rawSocket(plan.id, plan.editToken);
  expect(await old.closed).toBe(CLOSE_BAD_TOKEN);
  expect(old.frames).toHaveLength(0);

  const doc = new Y.Doc();
  await relay.syncedProvider(plan.id, fresh, doc);
  setPlanTitle(doc, alice, 'Med ny länk');
  const witness = new Y.Doc();
  await relay.syncedProvider(plan.id, plan.viewToken, witness);
  await waitFor(() => expect(readPlan(witness).meta.title).toBe('Med ny länk'));
});

test('[api-links] live sockets opened with the replaced edit token are closed with 4401; view sockets stay and keep syncing', async () => {
  const plan = await relay.createPlan('blekinge', 'Live');
  const editorDoc = new Y.Doc();
  const editor = await relay.syncedProvider(plan.id, plan.editToken, editorDoc);
  const editorClosed = closedWith(editor);
  const rawEditor = relay.rawSocket(plan.id, plan.editToken);
  await rawEditor.opened;
  const viewerDoc = new Y.Doc();
  const viewer = await relay.syncedProvider(plan.id, plan.viewToken, viewerDoc);
  let viewerCloseCode: number | undefined;
  viewer.on('closed', (event: { code: number }) => (viewerCloseCode = event.code));

  const fresh = await newTokenFrom(await replace(plan.id, 'edit', plan.editToken));
  expect(await editorClosed).toBe(CLOSE_BAD_TOKEN);
  expect(await rawEditor.closed).toBe(CLOSE_BAD_TOKEN);
  // The stock client stops retrying on 4401: it does not come back with the old token.
  expect(editor.shouldConnect).toBe(false);

  // The viewer is still connected, and sees an edit made with the new token.
  const newEditorDoc = new Y.Doc();
  await relay.syncedProvider(plan.id, fresh, newEditorDoc);
  setPlanTitle(newEditorDoc, alice, 'Efter bytet');
  await waitFor(() => expect(readPlan(viewerDoc).meta.title).toBe('Efter bytet'));
  expect(viewer.wsconnected).toBe(true);
  expect(viewerCloseCode).toBeUndefined();
});

test('[api-links] replacing the view link closes view sockets with 4401 and leaves edit sockets open', async () => {
  const plan = await relay.createPlan('blekinge', 'Läslänk byts');
  const viewerDoc = new Y.Doc();
  const viewer = await relay.syncedProvider(plan.id, plan.viewToken, viewerDoc);
  const viewerClosed = closedWith(viewer);
  const editorDoc = new Y.Doc();
  const editor = await relay.syncedProvider(plan.id, plan.editToken, editorDoc);
  let editorCloseCode: number | undefined;
  editor.on('closed', (event: { code: number }) => (editorCloseCode = event.code));

  const fresh = await newTokenFrom(await replace(plan.id, 'view', plan.editToken));
  expect(await viewerClosed).toBe(CLOSE_BAD_TOKEN);
  expect(await roleOf(plan.id, plan.viewToken)).toBe(401);
  expect(await roleOf(plan.id, fresh)).toBe('view');
  expect(await roleOf(plan.id, plan.editToken)).toBe('edit');
  expect(await relay.rawSocket(plan.id, plan.viewToken).closed).toBe(CLOSE_BAD_TOKEN);

  // The editor's socket stayed: its edit reaches a viewer on the new link.
  const newViewerDoc = new Y.Doc();
  await relay.syncedProvider(plan.id, fresh, newViewerDoc);
  setPlanTitle(editorDoc, alice, 'Redaktören fortsätter');
  await waitFor(() => expect(readPlan(newViewerDoc).meta.title).toBe('Redaktören fortsätter'));
  expect(editor.wsconnected).toBe(true);
  expect(editorCloseCode).toBeUndefined();
});

test('[api-links] only the edit token replaces links: view token → 403, missing or wrong → 401, and nothing changes', async () => {
  const plan = await relay.createPlan('empty');
  for (const link of ['edit', 'view']) {
    const asViewer = await replace(plan.id, link, plan.viewToken);
    expect(asViewer.status).toBe(403);
    expect(((await asViewer.json()) as { error: string }).error).toBe('forbidden');
    const missing = await replace(plan.id, link);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    expect((await replace(plan.id, link, 'wrong-token')).status).toBe(401);
  }
  expect(await roleOf(plan.id, plan.editToken)).toBe('edit');
  expect(await roleOf(plan.id, plan.viewToken)).toBe('view');
});

test('[api-links] an unknown or malformed plan → 404, an unknown link or sub-path → 404, another method → 405', async () => {
  const plan = await relay.createPlan('empty');
  expect((await replace('NoSuchPlan123', 'edit', plan.editToken)).status).toBe(404);
  expect((await replace('bad!id', 'edit', plan.editToken)).status).toBe(404);
  expect((await replace('short', 'edit', plan.editToken)).status).toBe(404);
  expect((await replace(`${plan.id}%2F..`, 'edit', plan.editToken)).status).toBe(404);
  expect((await replace(plan.id, 'admin', plan.editToken)).status).toBe(404);
  expect((await replace(plan.id, 'edit/again', plan.editToken)).status).toBe(404);
  expect((await replace(plan.id, '', plan.editToken)).status).toBe(404);
  const get = await replace(plan.id, 'edit', plan.editToken, 'GET');
  expect(get.status).toBe(405);
  expect(get.headers.get('allow')).toBe('POST');
  // None of these replaced anything.
  expect(await roleOf(plan.id, plan.editToken)).toBe('edit');
  expect(await roleOf(plan.id, plan.viewToken)).toBe('view');
});

test('[api-links] a link replaced twice: only the newest token works, and the replacement survives a restart', async () => {
  const plan = await relay.createPlan('empty');
  const second = await newTokenFrom(await replace(plan.id, 'edit', plan.editToken));
  const third = await newTokenFrom(await replace(plan.id, 'edit', second));
  expect(await roleOf(plan.id, second)).toBe(401);
  await relay.restart();
  expect(await roleOf(plan.id, third)).toBe('edit');
  expect(await roleOf(plan.id, plan.editToken)).toBe(401);
  expect(await relay.rawSocket(plan.id, second).closed).toBe(CLOSE_BAD_TOKEN);
});

test('[api-links] a socket whose token check straddles the replacement is refused with 4401, not admitted with the old token', async () => {
  // The socket's check reads the old (still valid) hash, then waits until the link has been replaced.
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'samplan-links-'));
  const inner = openSqliteStorage({ dataDir });
  let hold: Promise<void> | undefined;
  const storage = new Proxy(inner, {
    get(target, key: keyof Storage) {
      if (key === 'roleForToken')
        return async (id: string, token: string) => {
          const role = await target.roleForToken(id, token);
          const waiting = hold;
          hold = undefined;
          if (waiting !== undefined) await waiting;
          return role;
        };
      const value = target[key];
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const racing = await startRelay({ storage }, dataDir);
  try {
    const plan = await racing.createPlan('empty');
    let release = (): void => {};
    hold = new Promise((resolve) => (release = resolve));
    const socket = racing.rawSocket(plan.id, plan.editToken);
    await waitFor(() => hold === undefined);
    const fresh = await newTokenFrom(
      await fetch(`${racing.url}/api/plans/${plan.id}/links/edit`, {
        method: 'POST',
        headers: { authorization: `Bearer ${plan.editToken}` },
      }),
    );
    release();
    expect(await socket.closed).toBe(CLOSE_BAD_TOKEN);
    expect(socket.frames).toHaveLength(0);
    const after = racing.rawSocket(plan.id, fresh);
    await after.opened;
    await waitFor(() => after.frames.length > 0);
  } finally {
    await racing.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
