// [relay-crash] Three editors in an edit storm; the relay process is SIGKILLed mid-storm and restarted: no edit is lost.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { openSqliteStorage } from '../../server/storage/sqlite.ts';
import { setActivityField } from '../../src/model/activities.ts';
import { readLog } from '../../src/model/log.ts';
import { createLocalOrigin } from '../../src/model/origins.ts';
import type { LocalOrigin } from '../../src/model/origins.ts';
import { readActivity, readPlan } from '../../src/model/plan.ts';
import { LOG_LIMIT } from '../../src/model/schema.ts';
import type { ActivityId } from '../../src/model/schema.ts';
import { freePort, startChildRelay } from '../helpers/childRelay.ts';
import type { ChildRelay } from '../helpers/childRelay.ts';
import { nodeProvider } from '../helpers/nodeClient.ts';
import { waitFor } from '../helpers/waitFor.ts';

const CLIENTS = 3;
const CELLS_PER_CLIENT = 4;
/** Edits each client makes in each phase at least: before the kill, while the relay is down, after it is back. */
const EDITS_BEFORE_KILL = 40;
const EDITS_WHILE_DOWN = 25;
const EDITS_AFTER_RESTART = 40;

/** One person's replica: its doc and provider, the cells only it edits, and every value it wrote. */
interface Editor {
  readonly name: string;
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly origin: LocalOrigin;
  cells: ActivityId[];
  readonly sent: { readonly cell: ActivityId; readonly value: string }[];
  readonly last: Map<ActivityId, string>;
  readonly failures: string[];
}

function openEditor(url: string, planId: string, token: string, index: number): Editor {
  const name = `Redaktör ${index + 1}`;
  const actor = { name, organisation: `Kommun ${index + 1}` };
  const doc = new Y.Doc();
  const provider = nodeProvider(url, planId, token, doc);
  provider.awareness.setLocalStateField('user', actor);
  return {
    name,
    doc,
    provider,
    origin: createLocalOrigin(actor),
    cells: [],
    sent: [],
    last: new Map(),
    failures: [],
  };
}

/** One edit: the next of the editor's own cells gets a value no one else ever writes. */
function edit(editor: Editor): void {
  const n = editor.sent.length;
  const cell = editor.cells[n % editor.cells.length];
  if (cell === undefined) throw new Error('editor has no cells');
  const value = `${editor.name}, ändring ${n + 1}`;
  const result = setActivityField(editor.doc, editor.origin, cell, 'note', value);
  if (!result.ok) {
    editor.failures.push(result.error.detail);
    return;
  }
  editor.sent.push({ cell, value });
  editor.last.set(cell, value);
}

/** Pause between one editor's edits: a few ms in the storm, slower while waiting out a restart. */
const FAST_MS = 3;
const SLOW_MS = 40;

/** Every editor edits every `pace`–2×`pace` ms until stopped. */
function startStorm(editors: readonly Editor[]): { stop(): Promise<void>; pace(ms: number): void } {
  let running = true;
  let pace = FAST_MS;
  const loops = editors.map(
    (editor) =>
      new Promise<void>((resolve) => {
        const tick = (): void => {
          if (!running) return resolve();
          edit(editor);
          setTimeout(tick, pace * (1 + Math.random()));
        };
        tick();
      }),
  );
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
    },
    pace(ms) {
      pace = ms;
    },
  };
}

const sentBy = (editors: readonly Editor[]): number[] => editors.map((editor) => editor.sent.length);
const total = (editors: readonly Editor[]): number => sentBy(editors).reduce((a, b) => a + b, 0);

/** Waits until every editor has made `more` edits beyond `from` (its count at some earlier moment). */
const editedMore = (editors: readonly Editor[], from: readonly number[], more: number): Promise<boolean> =>
  waitFor(() => editors.every((editor, i) => editor.sent.length >= (from[i] ?? 0) + more), {
    timeout: 15_000,
  });

/** The note edits `doc`'s change log records, as `<activity id> <new value>`. */
const loggedNotes = (doc: Y.Doc): Set<string> =>
  new Set(
    readLog(doc)
      .filter((entry) => entry.target === 'activity' && entry.action === 'set' && entry.field === 'note')
      .map((entry) => `${entry.id} ${String(entry.to)}`),
  );

/** What `doc` lacks of what the editors wrote: a cell without its writer's last value, an edit with no log entry. */
function missingEdits(doc: Y.Doc, editors: readonly Editor[]): string[] {
  const logged = loggedNotes(doc);
  const missing: string[] = [];
  for (const editor of editors) {
    for (const [cell, value] of editor.last) {
      const note = readActivity(doc, cell)?.note;
      if (note !== value) missing.push(`cell ${cell} holds ${JSON.stringify(note)}, not ${value}`);
    }
    for (const { cell, value } of editor.sent) {
      if (!logged.has(`${cell} ${value}`)) missing.push(`no log entry for ${value}`);
    }
  }
  return missing;
}

const sameStateVectors = (docs: readonly Y.Doc[]): boolean => {
  const [first, ...rest] = docs.map((doc) => [...Y.decodeStateVector(Y.encodeStateVector(doc))].sort());
  return rest.every((vector) => JSON.stringify(vector) === JSON.stringify(first));
};

test('[relay-crash] three editors, the relay SIGKILLed mid-storm and restarted: every edit is in every replica and in the store', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'samplan-crash-'));
  const port = await freePort();
  const editors: Editor[] = [];
  let relay: ChildRelay | undefined = await startChildRelay({ port, dataDir });
  try {
    const created = await fetch(`${relay.url}/api/plans`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Krocktest', template: 'jamtland-harjedalen' }),
    });
    expect(created.status).toBe(201);
    const plan = (await created.json()) as { id: string; editToken: string };
    for (let i = 0; i < CLIENTS; i++) editors.push(openEditor(relay.url, plan.id, plan.editToken, i));
    await waitFor(() => editors.every((editor) => editor.provider.synced), { timeout: 15_000 });
    // Disjoint cells, so each cell's final value is known: its one writer's last write.
    const activities = readPlan(editors[0]!.doc).activities;
    expect(activities.length).toBeGreaterThanOrEqual(CLIENTS * CELLS_PER_CLIENT);
    editors.forEach((editor, i) => {
      editor.cells = activities
        .filter((_, j) => j % CLIENTS === i)
        .slice(0, CELLS_PER_CLIENT)
        .map((a) => a.id);
    });

    const storm = startStorm(editors);
    await editedMore(editors, [0, 0, 0], EDITS_BEFORE_KILL);
    // A random moment while edits flow: sometimes between updates, sometimes in the middle of storing one.
    const killDelay = Math.floor(Math.random() * 300);
    await new Promise((resolve) => setTimeout(resolve, killDelay));
    const atKill = sentBy(editors);
    expect(await relay.stop('SIGKILL')).toBeNull();
    relay = undefined;
    await waitFor(() => editors.every((editor) => !editor.provider.wsconnected));
    await editedMore(editors, atKill, EDITS_WHILE_DOWN);
    // Keep editing through the restart, slower, so a slow start cannot push the log past its bound.
    storm.pace(SLOW_MS);

    relay = await startChildRelay({ port, dataDir });
    await waitFor(() => editors.every((editor) => editor.provider.synced), { timeout: 15_000 });
    storm.pace(FAST_MS);
    const atReconnect = sentBy(editors);
    const whileDown = total(editors) - atKill.reduce((a, b) => a + b, 0);
    await editedMore(editors, atReconnect, EDITS_AFTER_RESTART);
    await storm.stop();
    const sent = total(editors);

    // The in-document log is bounded; past it, old entries would be gone by design, not lost.
    expect(sent).toBeLessThan(LOG_LIMIT);
    const docs = editors.map((editor) => editor.doc);
    await waitFor(
      () => sameStateVectors(docs) && new Set(docs.map((doc) => JSON.stringify(readPlan(doc)))).size === 1,
      { timeout: 20_000 },
    );
    expect(editors.flatMap((editor) => editor.failures)).toEqual([]);
    for (const doc of docs) expect(missingEdits(doc, editors)).toEqual([]);

    // SIGTERM: the server closes the sockets and stores every accepted update before it exits.
    for (const editor of editors) editor.provider.destroy();
    expect(await relay.stop('SIGTERM')).toBe(0);
    relay = undefined;
    const storage = openSqliteStorage({ dataDir });
    let found = 0;
    try {
      const stored = new Y.Doc();
      for (const update of await storage.loadUpdates(plan.id)) Y.applyUpdate(stored, update);
      expect(missingEdits(stored, editors)).toEqual([]);
      const logs = [...docs, stored].map(loggedNotes);
      found = editors
        .flatMap((editor) => editor.sent)
        .filter(({ cell, value }) => logs.every((log) => log.has(`${cell} ${value}`))).length;
      expect(readPlan(stored)).toEqual(readPlan(editors[0]!.doc));
      // The history holds the same plan, and every update after the creation has one of the three as its author.
      const replayed = new Y.Doc();
      Y.applyUpdate(replayed, (await storage.stateAt(plan.id, new Date().toISOString())) ?? new Uint8Array());
      expect(readPlan(replayed)).toEqual(readPlan(stored));
      const history = await storage.listHistory(plan.id, { limit: 1_000_000 });
      const authors = new Set(history.slice(0, -1).map((entry) => entry.author?.name ?? 'nobody'));
      expect([...authors].every((name) => editors.some((editor) => editor.name === name))).toBe(true);
    } finally {
      await storage.close();
    }

    expect(found).toBe(sent);
    expect(sent).toBeGreaterThanOrEqual(300);
    console.log(
      `crash test: ${CLIENTS} clients, ${sent} edits sent, ${found} found in every replica and in the store ` +
        `(SIGKILL ${killDelay} ms after ${atKill.reduce((a, b) => a + b, 0)} edits; ${whileDown} edits made while the relay was down)`,
    );
  } finally {
    for (const editor of editors) editor.provider.destroy();
    await relay?.stop('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  }
}, 60_000);
