// The plan as this device last showed it, kept beside the device copy: a reopened plan shows its rows from it while
// the copy itself loads (for a 5,000-activity plan, ~0.5 s of decoding that would come before the first rows).
import type { PlanId, PlanSnapshot } from '../model/schema.ts';

const DB_NAME = 'samplan-shown-plans';
const STORE = 'plans';
/** Bumped when PlanSnapshot changes shape: a plan kept by another version is not shown. */
const FORMAT = 1;
/** Reading it must not hold the plan up for long: past this, the device copy is loaded without it. */
export const SHOWN_PLAN_READ_TIMEOUT_MS = 400;

interface Kept {
  readonly format: number;
  readonly plan: PlanSnapshot;
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error(`cannot open ${DB_NAME}`));
    request.onblocked = () => reject(new Error(`${DB_NAME} is blocked`));
  });
}

function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return openDb().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const transaction = db.transaction(STORE, mode);
        const request = work(transaction.objectStore(STORE));
        transaction.oncomplete = () => {
          db.close();
          resolve(request.result);
        };
        transaction.onerror = transaction.onabort = () => {
          db.close();
          reject(transaction.error ?? new Error(`${DB_NAME}: ${mode} failed`));
        };
      }),
  );
}

const isArray = (value: unknown): value is unknown[] => Array.isArray(value);

/** A kept plan as this version wrote it; anything else (another format, damaged, not a plan) is not shown. */
function parseKept(value: unknown): PlanSnapshot | null {
  if (typeof value !== 'object' || value === null) return null;
  const { format, plan } = value as Partial<Kept>;
  if (format !== FORMAT || typeof plan !== 'object' || plan === null) return null;
  const { meta, participants, focusAreas, activities } = plan as Partial<PlanSnapshot>;
  const shaped =
    typeof meta === 'object' &&
    meta !== null &&
    isArray(participants) &&
    isArray(focusAreas) &&
    isArray(activities) &&
    activities.every((activity) => typeof (activity as { id?: unknown } | null)?.id === 'string');
  return shaped && activities.length > 0 ? (plan as PlanSnapshot) : null;
}

/**
 * The plan this device last showed for `planId`, or null: none kept, not readable (no IndexedDB, a private
 * window) or not answering within SHOWN_PLAN_READ_TIMEOUT_MS. Never fails.
 */
export function readShownPlan(planId: PlanId): Promise<PlanSnapshot | null> {
  const read = run('readonly', (store) => store.get(planId) as IDBRequest<unknown>).then(
    parseKept,
    () => null,
  );
  const late = new Promise<null>((resolve) => setTimeout(() => resolve(null), SHOWN_PLAN_READ_TIMEOUT_MS));
  return Promise.race([read, late]).catch(() => null);
}

/** Keeps `plan` as the one to show first next time; a failure (storage full, no IndexedDB) only loses that speed-up. */
export function keepShownPlan(planId: PlanId, plan: PlanSnapshot): Promise<void> {
  const kept: Kept = { format: FORMAT, plan };
  return run('readwrite', (store) => store.put(kept, planId)).then(
    () => undefined,
    () => undefined,
  );
}
