// [e2e-on-demand] Parts of the plan page fetched on demand (src/views/parts/OnDemand.tsx): the table works with every
// one of them unreachable, and a view whose chunk cannot be fetched says so in Swedish, with "Ladda om sidan".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sv } from '../../src/i18n/sv.ts';
import { startApp } from './harness.ts';
import type { E2EApp } from './harness.ts';
import { OverviewPage } from './pages/OverviewPage.ts';
import { PlanPage } from './pages/PlanPage.ts';

let app: E2EApp;

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

/** The chunks the table's first screen must not need. */
const ON_DEMAND =
  /\/assets\/(OverviewView|FollowUpView|SettingsView|ImportDialog|HistoryDialog|ColumnsDialog|ConflictsPanel|ShortcutsDialog|AddFocusAreaDialog)-[\w-]+\.js$/;

describe('on-demand parts of the plan page', () => {
  it('[e2e-on-demand] shows the table with the other views and dialogs unreachable; a view that cannot load says so', async () => {
    const created = await app.createPlan('Laddas vid behov');
    // No service worker (it would answer from its cache), so the page's own requests are what the network sees.
    const context = await app.browser.newContext({ serviceWorkers: 'block', locale: 'sv-SE' });
    await context.addInitScript(() => {
      localStorage.setItem('samplan.actor', JSON.stringify({ name: 'Testa Testsson', organisation: '' }));
    });
    let refuse = true;
    let refused = 0;
    await context.route(ON_DEMAND, (route) => {
      if (!refuse) return route.continue();
      refused += 1;
      return route.abort('internetdisconnected');
    });
    const page = await context.newPage();
    const plan = await new PlanPage(page).open(app.link(created.id, created.editToken));
    // The page fetches them ahead once the table has painted; those failures stay quiet (nothing was opened).
    await expect.poll(() => refused).toBeGreaterThan(0);
    expect(await page.getByRole('alert').filter({ hasText: sv['onDemand.failed'] }).count()).toBe(0);

    // The overview's chunk is refused (as offline before the service worker had it): a plain sentence, no crash.
    const overview = new OverviewPage(page);
    await overview.navLink.click();
    const alert = page.getByRole('alert').filter({ hasText: sv['onDemand.failed'] });
    await alert.waitFor();
    expect(await plan.grid.host.count()).toBe(0);

    // Back online, "Ladda om sidan" (the browser keeps a failed import failed) and the overview shows.
    refuse = false;
    await alert.getByRole('button', { name: sv['view.reload'], exact: true }).click();
    await overview.waitUntilShown();
    expect(await alert.count()).toBe(0);
    await context.close();
  });
});
