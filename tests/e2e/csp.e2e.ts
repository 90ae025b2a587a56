// [e2e-csp] Under the server's Content-Security-Policy the app works in Chromium: the plan page syncs over the
// websocket, the service worker takes control, the overview and the follow-up charts draw, and the browser
// reports no violation. A deliberately injected inline script is blocked and reported, so the watch is live.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../server/securityHeaders.ts';
import { startApp, waitForServiceWorker } from './harness.ts';
import type { E2EApp } from './harness.ts';
import { FollowUpPage } from './pages/FollowUpPage.ts';
import { OverviewPage } from './pages/OverviewPage.ts';
import { PlanPage } from './pages/PlanPage.ts';

let app: E2EApp;

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

interface Violation {
  readonly directive: string;
  readonly blocked: string;
  readonly sample: string;
}

/** Collects every CSP violation the page reports: its `securitypolicyviolation` events and CSP console errors. */
async function watchViolations(
  page: Page,
): Promise<{ events: () => Promise<Violation[]>; console: string[] }> {
  const console: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: Violation[] = [];
    (window as unknown as { cspViolations: Violation[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push({ directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample }),
    );
  });
  return {
    console,
    events: () =>
      page.evaluate(() => (window as unknown as { cspViolations?: Violation[] }).cspViolations ?? []),
  };
}

describe('content security policy', () => {
  it('[e2e-csp] plan page, service worker, overview and follow-up charts run with no CSP violation', async () => {
    const created = await app.createPlan('CSP-plan');
    const page = await app.newPage();
    const violations = await watchViolations(page);
    const shell = page.waitForResponse((response) => response.url().includes(`/p/${created.id}`));
    const plan = await new PlanPage(page).open(app.link(created.id, created.editToken));
    expect((await shell).headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    // Synced: the websocket to the relay is open under connect-src 'self'.
    await plan.addActivity('Skriven under CSP');
    await waitForServiceWorker(page);

    await new OverviewPage(page).openFromNav();
    const followUp = await new FollowUpPage(page).openFromNav();
    for (const chart of ['by-area', 'by-organisation', 'by-part'] as const)
      await followUp.figure(chart).waitFor();
    expect(await followUp.bars('by-area').count()).toBeGreaterThan(0);

    // A reload is answered by the service worker from its cache, still under the policy.
    await page.reload();
    await new FollowUpPage(page).figure('by-area').waitFor();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    expect(await violations.events()).toEqual([]);
    expect(violations.console).toEqual([]);

    // The control: an injected inline script does not run, and the watch sees the violation.
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injectedRan = true';
      document.body.append(script);
      return (window as unknown as { injectedRan?: boolean }).injectedRan === true;
    });
    expect(ran).toBe(false);
    await expect
      .poll(async () => (await violations.events()).map((violation) => violation.directive))
      .toContain('script-src-elem');
  });
});
