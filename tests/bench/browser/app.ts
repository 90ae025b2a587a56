// The world the browser benchmarks run in: the built app served by the real server (a child process on loopback,
// temp data dir), headless Debian chromium, and browser contexts like the e2e harness makes them.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import type { TemplateId } from '../../../src/model/schema.ts';
import buildApp from '../../e2e/globalSetup.ts';
import { launchBrowser } from '../../helpers/browser.ts';
import { createPlanAt } from '../../helpers/nodeClient.ts';
import { freePort, startChildRelay } from '../../helpers/childRelay.ts';
import type { ChildRelay } from '../../helpers/childRelay.ts';

/** What POST /api/plans answers. */
export interface CreatedPlan {
  readonly id: string;
  readonly editToken: string;
  readonly viewToken: string;
}

/** Undo steps run in reverse order, each even when an earlier one fails. */
export class Cleanup {
  private readonly steps: (() => Promise<unknown>)[] = [];

  add(step: () => Promise<unknown>): void {
    this.steps.push(step);
  }

  async run(): Promise<void> {
    for (const step of this.steps.splice(0).reverse()) await step().catch(() => {});
  }
}

let built: Promise<void> | undefined;

/** Builds dist/ once per bench run, as the e2e global setup does (a production bundle with its service worker). */
export function buildOnce(): Promise<void> {
  built ??= buildApp();
  return built;
}

export interface BenchApp {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly relay: ChildRelay;
  readonly browser: Browser;
  /** A new context (another person's laptop: its own storage) whose device already knows its user. */
  newContext(name: string): Promise<BrowserContext>;
  createPlan(title: string, template: TemplateId): Promise<CreatedPlan>;
  /** The link given to people: `/p/<id>#<token>`. */
  link(plan: CreatedPlan, token?: string): string;
}

export const VIEWPORT = { width: 1600, height: 1000 };

/** Builds the app, starts the server and chromium; everything started is undone by `cleanup`. */
export async function startBenchApp(cleanup: Cleanup): Promise<BenchApp> {
  await buildOnce();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'samplan-bench-'));
  cleanup.add(() => rm(dataDir, { recursive: true, force: true }));
  // Its own process, so the relay's event loop is not shared with the Playwright client driving the browsers.
  const relay = await startChildRelay({ port: await freePort(), dataDir });
  cleanup.add(() => relay.stop('SIGTERM'));
  const browser = await launchBrowser();
  cleanup.add(() => browser.close());
  const url = relay.url;
  return {
    url,
    relay,
    browser,
    async newContext(name) {
      const context = await browser.newContext({
        viewport: VIEWPORT,
        locale: 'sv-SE',
        timezoneId: 'Europe/Stockholm',
      });
      cleanup.add(() => context.close());
      await context.addInitScript(
        (actor) => {
          try {
            if (localStorage.getItem('samplan.actor') === null)
              localStorage.setItem('samplan.actor', JSON.stringify(actor));
          } catch {
            // about:blank and the like have no storage.
          }
        },
        { name, organisation: '' },
      );
      return context;
    },
    async createPlan(title, template) {
      return createPlanAt(url, { title, template });
    },
    link: (plan, token = plan.editToken) => `${url}/p/${plan.id}#${token}`,
  };
}
