// [relay-durability] The promises of issue 6 point 3 that need a real process or a real file: SIGTERM mid-storm stores
// every update sent before the close; a damaged, truncated, empty or unreadable database stops the start with a clear
// error (never an empty plan); `npm run backup` copies a consistent database while clients write.
import { spawn } from 'node:child_process';
import { chmod, copyFile, mkdir, mkdtemp, open, rm, stat, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, test } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { hashToken } from '../../server/auth.ts';
import { backupDatabase } from '../../server/storage/backup.ts';
import { DB_FILE_NAME, openSqliteStorage } from '../../server/storage/sqlite.ts';
import { freePort, startChildRelay } from '../helpers/childRelay.ts';
import type { ChildRelay } from '../helpers/childRelay.ts';
import { updateFrame } from '../helpers/frames.ts';
import { startRelay } from '../helpers/startRelay.ts';
import type { TestRelay } from '../helpers/startRelay.ts';
import { waitFor } from '../helpers/waitFor.ts';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const editsOf = (doc: Y.Doc): Y.Map<number> => doc.getMap<number>('storm');
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** The edit keys the plan's stored updates hold. */
async function storedKeys(dataDir: string, planId: string): Promise<Set<string>> {
  const storage = openSqliteStorage({ dataDir });
  try {
    const doc = new Y.Doc();
    for (const update of await storage.loadUpdates(planId)) Y.applyUpdate(doc, update);
    return new Set(editsOf(doc).keys());
  } finally {
    await storage.close();
  }
}

/** A raw websocket client: sends each local edit as an update frame while its socket is open, and notes which. */
interface RawEditor {
  readonly ws: WebSocket;
  readonly doc: Y.Doc;
  /** Keys whose update went out on an open socket before the server's close frame arrived. */
  readonly sent: string[];
  /** Resolves with the close code and reason the server sent. */
  readonly closed: Promise<{ code: number; reason: string }>;
  edits: number;
  /** Writes the next edit (key `<prefix>-<n>`); the update handler notes it as sent if it went out. */
  edit(prefix: string): void;
}

function rawEditor(url: string, planId: string, token: string): RawEditor {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/sync/${planId}?token=${token}`);
  const doc = new Y.Doc();
  let current = '';
  const editor: RawEditor = {
    ws,
    doc,
    sent: [],
    closed: new Promise((resolve) =>
      ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    ),
    edits: 0,
    edit(prefix) {
      current = `${prefix}-${editor.edits}`;
      editor.edits += 1;
      editsOf(doc).set(current, Date.now());
    },
  };
  ws.on('error', () => {});
  doc.on('update', (update: Uint8Array) => {
    // readyState OPEN until the close frame is read: anything sent until then reaches the server before our reply.
    if (ws.readyState !== WebSocket.OPEN) return;
    ws.send(updateFrame(update));
    editor.sent.push(current);
  });
  return editor;
}

test.each(['SIGTERM', 'SIGINT'] as const)(
  '[relay-sigterm] %s mid-storm: sockets closed with 1001 and a reason, exit 0, every update sent before the close stored',
  async (signal) => {
    const dataDir = await tempDir('samplan-sigterm-');
    const port = await freePort();
    let relay: ChildRelay | undefined = await startChildRelay({
      port,
      dataDir,
      env: { SAMPLAN_COMPACT_AFTER: '20' },
    });
    cleanup.push(() => relay?.stop('SIGKILL') ?? Promise.resolve());
    const created = await fetch(`${relay.url}/api/plans`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Avstängning', template: 'empty' }),
    });
    expect(created.status).toBe(201);
    const plan = (await created.json()) as { id: string; editToken: string };

    const url = relay.url;
    const editors = Array.from({ length: 4 }, () => rawEditor(url, plan.id, plan.editToken));
    await Promise.all(editors.map((e) => new Promise((resolve) => e.ws.once('open', resolve))));
    let storming = true;
    const loops = editors.map(async (editor, i) => {
      while (storming && editor.ws.readyState === WebSocket.OPEN) {
        editor.edit(`e${i}`);
        await sleep(1 + Math.random() * 2);
      }
    });
    await waitFor(() => editors.every((editor) => editor.sent.length >= 50), { timeout: 10_000 });
    await sleep(Math.random() * 200);
    const code = await relay.stop(signal);
    relay = undefined;
    storming = false;
    await Promise.all(loops);
    const closes = await Promise.all(editors.map((editor) => editor.closed));

    expect(code).toBe(0);
    for (const close of closes) expect(close).toEqual({ code: 1001, reason: 'server shutting down' });
    const stored = await storedKeys(dataDir, plan.id);
    const sent = editors.flatMap((editor) => editor.sent);
    expect(sent.filter((key) => !stored.has(key))).toEqual([]);
    // Nothing the clients did not send was invented: the store holds exactly what was sent.
    expect(stored.size).toBe(sent.length);
    console.log(
      `${signal}: ${sent.length} updates sent before the close, all ${stored.size} stored; exit code ${code}`,
    );
  },
  30_000,
);

/** Runs the server (`server/main.ts`) on `dataDir` until it exits; resolves with its exit code and output. */
function runServerToExit(
  dataDir: string,
  { uid }: { uid?: number } = {},
): Promise<{ code: number | null; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir };
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(uid === undefined ? {} : { uid, gid: uid }),
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  // A server that did start (it should not) is stopped after 15 s so the test fails instead of hanging.
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    }),
  );
}

/** A data dir holding a real database: one plan with enough updates to span many pages. Returns the plan id. */
async function realDatabase(dataDir: string): Promise<string> {
  const storage = openSqliteStorage({ dataDir, compactAfter: 1_000_000 });
  const doc = new Y.Doc();
  editsOf(doc).set('start', 0);
  await storage.createPlan(
    'planDAMAGED1',
    hashToken('e'),
    hashToken('v'),
    Y.encodeStateAsUpdate(doc),
    new Date().toISOString(),
  );
  for (let i = 0; i < 200; i++) {
    const before = Y.encodeStateVector(doc);
    editsOf(doc).set(`k${i}`.padEnd(400, '.'), i);
    await storage.appendUpdate('planDAMAGED1', Y.encodeStateAsUpdate(doc, before), null);
  }
  await storage.close();
  return 'planDAMAGED1';
}

test('[relay-start-damaged] a damaged, truncated, empty or unreadable database stops the start: a clear error, exit 1, no empty plan', async () => {
  const source = await tempDir('samplan-damaged-src-');
  await realDatabase(source);
  const size = (await stat(path.join(source, DB_FILE_NAME))).size;
  expect(size).toBeGreaterThan(50_000);

  const cases: { name: string; prepare: (file: string) => Promise<void>; uid?: number; expect: RegExp }[] = [
    {
      name: 'garbage over the whole file',
      prepare: (file) => writeFile(file, Buffer.alloc(size, 'garbage!')),
      expect: /file is not a database|malformed/,
    },
    {
      name: 'garbage over pages in the middle',
      prepare: async (file) => {
        await copyFile(path.join(source, DB_FILE_NAME), file);
        const handle = await open(file, 'r+');
        await handle.write(Buffer.alloc(3 * 4096, 0x5a), 0, 3 * 4096, Math.floor(size / 2 / 4096) * 4096);
        await handle.close();
      },
      expect: /damaged|malformed/,
    },
    {
      name: 'truncated to half',
      prepare: async (file) => {
        await copyFile(path.join(source, DB_FILE_NAME), file);
        await truncate(file, Math.floor(size / 2));
      },
      expect: /malformed|damaged/,
    },
    {
      name: 'truncated to 0 bytes',
      prepare: (file) => writeFile(file, ''),
      expect: /empty \(0 bytes\)/,
    },
    {
      name: 'a directory where the file should be',
      prepare: (file) => mkdir(file),
      expect: /unable to open database file/,
    },
  ];
  // Root reads any file whatever its mode, so the unreadable file is tried by an unprivileged user when we are root.
  const isRoot = process.getuid?.() === 0;
  cases.push({
    name: `no read permission (mode 000${isRoot ? ', server run as uid 65534' : ''})`,
    prepare: async (file) => {
      await copyFile(path.join(source, DB_FILE_NAME), file);
      await chmod(file, 0o000);
      await chmod(path.dirname(file), 0o777);
    },
    ...(isRoot ? { uid: 65534 } : {}),
    expect: /unable to open database file|readonly|permission/i,
  });

  const results = await Promise.all(
    cases.map(async (c) => {
      const dataDir = await tempDir('samplan-damaged-');
      await c.prepare(path.join(dataDir, DB_FILE_NAME));
      return { ...c, ...(await runServerToExit(dataDir, c.uid === undefined ? {} : { uid: c.uid })) };
    }),
  );
  for (const result of results) {
    expect(result.code, `${result.name}: ${result.output}`).toBe(1);
    expect(result.output, result.name).toMatch(/could not start/);
    expect(result.output, result.name).toMatch(/Cannot open the Samplan database .*samplan\.sqlite/);
    expect(result.output, result.name).toMatch(result.expect);
    expect(result.output, result.name).not.toMatch(/listening/);
  }
  // The same through startServer in-process: it rejects, it does not serve an empty store.
  const { startServer } = await import('../../server/app.ts');
  const { silentLogger } = await import('../../server/log.ts');
  const dataDir = await tempDir('samplan-damaged-inproc-');
  await copyFile(path.join(source, DB_FILE_NAME), path.join(dataDir, DB_FILE_NAME));
  await truncate(path.join(dataDir, DB_FILE_NAME), Math.floor(size / 3));
  await expect(startServer({ port: 0, host: '127.0.0.1', dataDir, log: silentLogger })).rejects.toThrow(
    /Cannot open the Samplan database/,
  );
}, 40_000);

test('[relay-backup-busy] backups taken while three clients write are each a consistent, openable database', async () => {
  const relay: TestRelay = await startRelay({ compactAfter: 7 });
  cleanup.push(() => relay.close());
  const plan = await relay.createPlan('empty', 'Säkerhetskopia under last');
  const docs = await Promise.all(
    [0, 1, 2].map(async () => {
      const doc = new Y.Doc();
      await relay.syncedProvider(plan.id, plan.editToken, doc);
      return doc;
    }),
  );
  let storming = true;
  const counts = [0, 0, 0];
  const loops = docs.map(async (doc, i) => {
    while (storming) {
      editsOf(doc).set(`c${i}-${counts[i]}`, Date.now());
      counts[i] = (counts[i] ?? 0) + 1;
      await sleep(2 + Math.random() * 3);
    }
  });
  const backups = await tempDir('samplan-backups-');
  const copies: { dir: string; keys: number }[] = [];
  try {
    for (let n = 0; n < 8; n++) {
      await sleep(50 + Math.random() * 100);
      const dir = path.join(backups, `copy-${n}`);
      await backupDatabase(relay.dataDir, path.join(dir, DB_FILE_NAME));
      copies.push({ dir, keys: 0 });
    }
  } finally {
    storming = false;
    await Promise.all(loops);
  }
  for (const copy of copies) {
    // Opening runs SQLite's quick_check: a torn copy would fail here.
    const storage = openSqliteStorage({ dataDir: copy.dir });
    try {
      const live = new Y.Doc();
      for (const update of await storage.loadUpdates(plan.id)) Y.applyUpdate(live, update);
      const history = new Y.Doc();
      Y.applyUpdate(history, (await storage.stateAt(plan.id, new Date().toISOString())) ?? new Uint8Array());
      const keys = [...editsOf(live).keys()];
      // Updates and history are written in one transaction: a consistent copy has the same edits in both.
      expect(keys.sort()).toEqual([...editsOf(history).keys()].sort());
      // Each client's updates are stored in order: a consistent copy holds a gapless prefix of each one's edits.
      for (const i of [0, 1, 2]) {
        const mine = keys.filter((key) => key.startsWith(`c${i}-`)).map((key) => Number(key.slice(3)));
        expect(mine.sort((a, b) => a - b)).toEqual(mine.map((_, n) => n));
      }
      copy.keys = keys.length;
    } finally {
      await storage.close();
    }
  }
  // The copies were taken while edits flowed: later copies hold more.
  expect(copies.at(-1)?.keys ?? 0).toBeGreaterThan(copies[0]?.keys ?? 0);
  console.log(
    `backup under load: ${copies.length} copies, ${copies.map((c) => c.keys).join(', ')} edits each`,
  );
}, 30_000);
