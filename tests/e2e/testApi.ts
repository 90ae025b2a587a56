// A typed fixture over the app's window.__samplan hook (src/testApi.ts): read a page's plan and connection from Node.
import type { Page } from 'playwright-core';
import type { PlanSnapshot } from '../../src/model/schema.ts';
import type { ConnectionState } from '../../src/sync/connection.ts';
import type { LocalCopyState, SyncFatal } from '../../src/sync/openPlan.ts';
import type { Role } from '../../src/sync/tokens.ts';
import type { SamplanTestApi } from '../../src/testApi.ts';

/** The hook's readers, run in `page`. */
export interface TestApi {
  readPlan(): Promise<PlanSnapshot | null>;
  connectionState(): Promise<ConnectionState | null>;
  unsyncedChanges(): Promise<number>;
  role(): Promise<Role | null>;
  localCopy(): Promise<LocalCopyState | null>;
  fatal(): Promise<SyncFatal | null>;
  openedFromShown(): Promise<boolean | null>;
}

type Reader = Exclude<keyof SamplanTestApi, 'disconnect' | 'connect'>;

/** The test hook of `page`; a page without the hook (not the app) fails loudly. */
export function testApi(page: Page): TestApi {
  const call = <K extends Reader>(name: K): Promise<ReturnType<SamplanTestApi[K]>> =>
    page.evaluate((key) => {
      const api = window.__samplan;
      if (!api) throw new Error('window.__samplan is missing: is this the Samplan app?');
      return api[key]() as ReturnType<SamplanTestApi[K]>;
    }, name);
  return {
    readPlan: () => call('readPlan'),
    connectionState: () => call('connectionState'),
    unsyncedChanges: () => call('unsyncedChanges'),
    role: () => call('role'),
    localCopy: () => call('localCopy'),
    fatal: () => call('fatal'),
    openedFromShown: () => call('openedFromShown'),
  };
}

/** The plan of `page`, failing when no plan is open. */
export async function readOpenPlan(page: Page): Promise<PlanSnapshot> {
  const plan = await testApi(page).readPlan();
  if (plan === null) throw new Error('no plan is open on this page');
  return plan;
}
