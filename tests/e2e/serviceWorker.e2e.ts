// [e2e-sw] The service worker: a plan opened once opens with the server down, and a new version keeps unsynced edits.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sv } from '../../src/i18n/sv.ts';
import type { ConnectionState } from '../../src/sync/connection.ts';
import { startApp, waitForServiceWorker } from './harness.ts';
import type { CreatedPlan, E2EApp } from './harness.ts';
import { PlanPage } from './pages/PlanPage.ts';
import { StartPage } from './pages/StartPage.ts';
import { readOpenPlan, testApi } from './testApi.ts';

let app: E2EApp;
const tempDirs: string[] = [];

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
  for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
});

const DEPLOY_MARKER = 'samplan-e2e-deploy';

/**
 * Opens a new plan's edit link in a new browser context and waits until the service worker controls the page.
 * `beforeOpen` runs on the fresh page first (routes must be set before the page loads to apply to it).
 */
async function openOnce(
  title: string,
  beforeOpen?: (page: Page) => Promise<void>,
): Promise<{ plan: CreatedPlan; link: string; page: PlanPage }> {
  const plan = await app.createPlan(title);
  const link = app.link(plan.id, plan.editToken);
  const page = await app.newPage();
  await beforeOpen?.(page);
  const planPage = await new PlanPage(page).open(link);
  await waitForServiceWorker(page);
  return { plan, link, page: planPage };
}

/** The plan's first activity, as the page's plan holds it. */
async function firstActivity(page: Page): Promise<{ id: string; text: string }> {
  const [first] = (await readOpenPlan(page)).activities;
  if (!first) throw new Error('the template has no activities');
  return first;
}

/**
 * "Deploys" a new version: a copy of dist/ whose index.html carries a marker, and whose sw.js lists the new
 * index.html revision, as a real build would (so the browser sees a new worker that precaches the new page).
 */
async function buildNewVersion(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'samplan-e2e-deploy-'));
  tempDirs.push(dir);
  await cp(path.resolve('dist'), dir, { recursive: true });
  const htmlFile = path.join(dir, 'index.html');
  const html = await readFile(htmlFile, 'utf8');
  await writeFile(
    htmlFile,
    html.replace('<head>', `<head>\n    <meta name="${DEPLOY_MARKER}" content="2" />`),
  );
  const swFile = path.join(dir, 'sw.js');
  const sw = await readFile(swFile, 'utf8');
  const next = sw.replace(/(url:"index\.html",revision:")([0-9a-f]+)"/, '$1$2-2"');
  if (next === sw) throw new Error('sw.js does not list index.html with a revision: has the build changed?');
  await writeFile(swFile, `${next}\n// e2e: the next version\n`);
  return dir;
}

/** True when the page came from the "deployed" new version's index.html. */
const isNewVersion = (page: Page): Promise<boolean> =>
  page.evaluate((name) => document.querySelector(`meta[name="${name}"]`) !== null, DEPLOY_MARKER);

/** The plan's connection as the app reports it (not the badge's words): its state and the changes the relay lacks. */
async function syncOf(page: Page): Promise<{ state: ConnectionState | null; unsynced: number }> {
  const api = testApi(page);
  return { state: await api.connectionState(), unsynced: await api.unsyncedChanges() };
}
const OFFLINE_ONE_UNSYNCED = { state: 'offline', unsynced: 1 };
const SYNCED = { state: 'synced', unsynced: 0 };

/** The plan as the server exports it (CSV text). */
async function exportedCsv(plan: CreatedPlan): Promise<string> {
  const response = await fetch(`${app.url}/api/plans/${plan.id}/export.csv`, {
    headers: { authorization: `Bearer ${plan.editToken}` },
  });
  expect(response.status).toBe(200);
  return response.text();
}

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (bytes: Buffer): [number, number] => [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];

describe('service worker', () => {
  it('[e2e-sw-offline] a plan opened once opens again by its link and from the start page with the server down', async () => {
    const { plan, page: alice } = await openOnce('Planen på tåget');
    const { activities } = await readOpenPlan(alice.page);
    try {
      await app.stopServer();
      // By its link: the app shell from the worker's cache, the plan from IndexedDB.
      await alice.page.reload();
      await alice.grid.waitForRows();
      expect((await readOpenPlan(alice.page)).activities).toEqual(activities);
      await expect.poll(() => syncOf(alice.page)).toEqual({ state: 'offline', unsynced: 0 });

      // From the start page's list of plans opened here.
      const start = await new StartPage(alice.page).goto(app.url);
      const listed = start.recentPlans.getByRole('link', { name: 'Planen på tåget', exact: true });
      await listed.click();
      await alice.page.waitForURL(`${app.url}/p/${plan.id}`);
      await alice.grid.waitForRows();
      expect((await readOpenPlan(alice.page)).activities).toEqual(activities);
      expect(await alice.title.innerText()).toBe('Planen på tåget');
    } finally {
      await app.startServer();
    }
  });

  it('[e2e-sw-offline] edits made in a plan reopened with the server down reach a new person once it is back', async () => {
    const { link, page: alice } = await openOnce('Ändringar utan server');
    const first = await firstActivity(alice.page);
    try {
      await app.stopServer();
      await alice.page.reload();
      await alice.grid.waitForRows();

      const text = 'Skrivet i appen från enhetens cache';
      await alice.grid.editCell(first.id, 'text', text);
      await expect.poll(() => syncOf(alice.page)).toEqual(OFFLINE_ONE_UNSYNCED);

      await app.startServer();
      await expect.poll(() => syncOf(alice.page), { timeout: 15_000 }).toEqual(SYNCED);
      const bertil = await new PlanPage(await app.newPage()).open(link);
      await expect.poll(() => bertil.grid.cellText(first.id, 'text')).toBe(text);
    } finally {
      await app.startServer();
    }
  });

  it('[e2e-sw-update] a new version shows the banner, and "Uppdatera nu" reloads into it with the unsynced edit kept', async () => {
    // Once the server is stopped, sockets to the relay are refused, so the edit stays unsynced through the update.
    let relayReachable = true;
    const { plan, page: alice } = await openOnce('Ny version', (page) =>
      page.context().routeWebSocket(/\/sync\//, (socket) => {
        if (relayReachable) socket.connectToServer();
        else void socket.close({ code: 1011 });
      }),
    );
    const first = await firstActivity(alice.page);
    try {
      relayReachable = false;
      await app.stopServer();
      const text = 'Skrivet innan uppdateringen';
      await alice.grid.editCell(first.id, 'text', text);
      await expect.poll(() => syncOf(alice.page)).toEqual(OFFLINE_ONE_UNSYNCED);

      await app.startServer({ staticDir: await buildNewVersion() });
      // The app looks for a new version when the browser comes back online (and every 30 minutes).
      await alice.page.evaluate(() => window.dispatchEvent(new Event('online')));
      const banner = alice.page.getByRole('status').filter({ hasText: sv['update.available'] });
      await banner.waitFor({ timeout: 30_000 });
      expect(await isNewVersion(alice.page)).toBe(false);
      expect(await syncOf(alice.page)).toEqual(OFFLINE_ONE_UNSYNCED);

      // The button is reached with the keyboard (Shift+Tab from the page's next control), and Enter presses it.
      const button = banner.getByRole('button', { name: sv['update.apply'], exact: true });
      await button.evaluate((element) => {
        const controls = [
          ...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea'),
        ];
        controls[controls.indexOf(element as HTMLElement) + 1]?.focus();
      });
      await alice.page.keyboard.press('Shift+Tab');
      await expect.poll(() => button.evaluate((element) => element === document.activeElement)).toBe(true);
      await alice.page.keyboard.press('Enter');

      // The page reloads under the new worker, from the new version's index.html, with the edit still unsynced.
      await expect.poll(() => isNewVersion(alice.page).catch(() => false), { timeout: 30_000 }).toBe(true);
      await alice.grid.waitForRows();
      await expect.poll(() => alice.grid.cellText(first.id, 'text')).toBe(text);
      await expect.poll(() => syncOf(alice.page)).toEqual(OFFLINE_ONE_UNSYNCED);
      expect(await banner.count()).toBe(0);

      // Reconnected, the edit reaches the server.
      relayReachable = true;
      await expect.poll(() => syncOf(alice.page), { timeout: 15_000 }).toEqual(SYNCED);
      expect(await exportedCsv(plan)).toContain(text);
    } finally {
      // Back to the build in dist/ for the next test.
      await app.stopServer();
      await app.startServer();
    }
  });

  it('[e2e-sw-manifest] the app is installable: a Swedish manifest with served icons, linked from the page', async () => {
    const response = await fetch(`${app.url}/manifest.webmanifest`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
    const manifest = (await response.json()) as {
      name: string;
      short_name: string;
      lang: string;
      start_url: string;
      scope: string;
      display: string;
      icons: { src: string; sizes: string; type: string; purpose?: string }[];
    };
    expect(manifest).toMatchObject({
      name: 'Samplan – gemensam aktivitetsplan',
      short_name: 'Samplan',
      lang: 'sv',
      start_url: '/',
      scope: '/',
      display: 'standalone',
    });
    expect(manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose ?? 'any'}`).sort()).toEqual([
      '192x192 any',
      '512x512 any',
      '512x512 maskable',
    ]);
    for (const icon of manifest.icons) {
      const served = await fetch(new URL(icon.src, app.url));
      expect(served.status, icon.src).toBe(200);
      expect(served.headers.get('content-type'), icon.src).toBe('image/png');
      const [width, height] = pngSize(Buffer.from(await served.arrayBuffer()));
      expect(`${width}x${height}`, icon.src).toBe(icon.sizes);
    }

    // The worker's files are revalidated on every load, so a new version is seen at once.
    const sw = await (await fetch(`${app.url}/sw.js`)).text();
    const workbox = /"\.\/(workbox-[0-9a-f]+)"/.exec(sw)?.[1];
    expect(workbox, 'sw.js imports its workbox runtime').toBeDefined();
    for (const file of ['sw.js', `${workbox}.js`, 'manifest.webmanifest']) {
      const served = await fetch(`${app.url}/${file}`);
      expect(served.status, file).toBe(200);
      expect(served.headers.get('cache-control'), file).toBe('no-cache');
    }

    // The page links the manifest, and Chromium reads it without errors.
    const page = await new StartPage(await app.newPage()).goto(app.url);
    expect(await page.page.locator('link[rel="manifest"]').getAttribute('href')).toBe(
      '/manifest.webmanifest',
    );
    const cdp = await page.page.context().newCDPSession(page.page);
    const parsed = (await cdp.send('Page.getAppManifest')) as { url: string; errors: unknown[] };
    expect(parsed.url).toBe(`${app.url}/manifest.webmanifest`);
    expect(parsed.errors).toEqual([]);
  });
});
