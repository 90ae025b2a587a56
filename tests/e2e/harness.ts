// One e2e file's world: the built app and relay on a temp data dir, a headless browser, and fresh browser contexts.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer } from '../../server/app.ts';
import type { RunningServer } from '../../server/app.ts';
import { silentLogger } from '../../server/log.ts';
import type { TemplateId } from '../../src/model/schema.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { createPlanAt } from '../helpers/nodeClient.ts';

/** What POST /api/plans answers. */
export interface CreatedPlan {
  readonly id: string;
  readonly editToken: string;
  readonly viewToken: string;
}

/** The running app for one test file; `close()` ends contexts, browser, server and the temp dir. */
export interface E2EApp {
  /** `http://127.0.0.1:<port>`; stays the same across `stopServer()` / `startServer()`. */
  readonly url: string;
  readonly browser: Browser;
  /**
   * A new browser context (its own storage, like another person's laptop) with one page. The device already knows
   * who its user is (`identity`, or a default test person), so the "Vem är du?" dialog stays closed; pass
   * `identity: null` to start as a device that has never been told.
   */
  newPage(options?: { identity?: { name: string; organisation: string } | null }): Promise<Page>;
  /** Creates a plan through the API, as a script or another client would. */
  createPlan(title: string, template?: TemplateId): Promise<CreatedPlan>;
  /** The link given to people: `/p/<id>#<token>`. */
  link(planId: string, token: string): string;
  /** Stops the relay (every accepted update stored first); the pages lose their connection. */
  stopServer(): Promise<void>;
  /**
   * Starts the server again on the same port and data dir. `staticDir` serves another build of the app (a new
   * version "deployed"); without it the server serves dist/.
   */
  startServer(options?: { staticDir?: string }): Promise<void>;
  close(): Promise<void>;
}

const VIEWPORT = { width: 1600, height: 1000 };
const DEFAULT_IDENTITY = { name: 'Testa Testsson', organisation: '' };

/** Starts the server on a free port over a fresh temp data dir, and a browser. */
export async function startApp(): Promise<E2EApp> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'samplan-e2e-'));
  const start = (port: number, staticDir = path.resolve('dist')): Promise<RunningServer> =>
    startServer({ port, host: '127.0.0.1', dataDir, staticDir, log: silentLogger });
  let server: RunningServer | null = await start(0);
  const { port, url } = server;
  const browser = await launchBrowser();
  const contexts: BrowserContext[] = [];

  return {
    url,
    browser,
    async newPage(options = {}) {
      // Swedish users in Swedish time: the CSV file name carries the local date.
      const context = await browser.newContext({
        viewport: VIEWPORT,
        locale: 'sv-SE',
        timezoneId: 'Europe/Stockholm',
        acceptDownloads: true,
      });
      contexts.push(context);
      const identity = options.identity === undefined ? DEFAULT_IDENTITY : options.identity;
      // Only where none is stored yet: an identity chosen in the page survives its reloads.
      if (identity !== null) {
        await context.addInitScript((actor) => {
          try {
            if (localStorage.getItem('samplan.actor') === null)
              localStorage.setItem('samplan.actor', JSON.stringify(actor));
          } catch {
            // about:blank and the like have no storage.
          }
        }, identity);
      }
      return context.newPage();
    },
    async createPlan(title, template = 'jamtland-harjedalen') {
      return createPlanAt(url, { title, template });
    },
    link: (planId, token) => `${url}/p/${planId}#${token}`,
    async stopServer() {
      await server?.close();
      server = null;
    },
    async startServer(options = {}) {
      if (server === null) server = await start(port, options.staticDir);
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close();
      await server?.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Waits until a service worker controls `page`: from then on the app shell is cached and the page reloads with
 * the server down. The worker takes control on the first visit (clientsClaim), once it has precached the app.
 */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', undefined, {
    timeout: 30_000,
  });
}
