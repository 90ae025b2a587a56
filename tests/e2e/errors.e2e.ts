// [e2e-errors] Links that cannot open a plan explain why in Swedish, with a way back: never a blank page.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sv } from '../../src/i18n/sv.ts';
import type { MessageKey } from '../../src/i18n/sv.ts';
import { startApp } from './harness.ts';
import type { CreatedPlan, E2EApp } from './harness.ts';
import { MessagePage } from './pages/MessagePage.ts';
import { testApi } from './testApi.ts';

let app: E2EApp;
let plan: CreatedPlan;

beforeAll(async () => {
  app = await startApp();
  plan = await app.createPlan('Felplan');
});
afterAll(async () => {
  await app?.close();
});

const randomToken = (): string => randomBytes(24).toString('base64url');

/** Opens `url` in a fresh context and waits for a whole-page message with `title`; checks body and way back. */
async function messageFor(url: string, title: MessageKey, body: MessageKey): Promise<MessagePage> {
  const message = new MessagePage(await app.newPage());
  await message.page.goto(url);
  await message.heading.filter({ hasText: sv[title] }).waitFor();
  expect(await message.heading.innerText()).toBe(sv[title]);
  expect(await message.body.innerText()).toBe(sv[body]);
  expect(await message.toStart.getAttribute('href')).toBe('/');
  return message;
}

describe('links that do not open a plan', () => {
  it('[e2e-errors] an unknown plan id with a token shows "Planen finns inte" with its close code', async () => {
    const message = await messageFor(
      app.link('ingenSadanPlan123456', randomToken()),
      'plan.fatal.no_plan.title',
      'plan.fatal.no_plan.body',
    );
    await message.page.getByText(sv['plan.fatal.code'].replace('{code}', '4404')).waitFor();
    await expect(testApi(message.page).fatal()).resolves.toEqual({ code: 4404, kind: 'no_plan' });
    expect(message.page.url()).not.toContain('#'); // the token leaves the address bar
  });

  it('[e2e-errors] a wrong token for an existing plan says the link no longer works, and is not kept', async () => {
    const message = await messageFor(
      app.link(plan.id, randomToken()),
      'plan.fatal.bad_token.title',
      'plan.fatal.bad_token.body',
    );
    await message.page.getByText(sv['plan.fatal.code'].replace('{code}', '4401')).waitFor();
    await expect(testApi(message.page).fatal()).resolves.toEqual({ code: 4401, kind: 'bad_token' });
    // The refused token was forgotten: opening the plan without a link now asks for one.
    await message.page.goto(`${app.url}/p/${plan.id}`);
    await message.heading.filter({ hasText: sv['plan.noToken.title'] }).waitFor();
  });

  it('[e2e-errors] /p/<id> without a token on a new device shows the missing-key message', async () => {
    await messageFor(`${app.url}/p/${plan.id}`, 'plan.noToken.title', 'plan.noToken.body');
  });

  it('[e2e-errors] a mistyped address shows the app\'s "Sidan finns inte" page, served with status 404', async () => {
    const message = new MessagePage(await app.newPage());
    const response = await message.page.goto(`${app.url}/planer/gammal-lank`);
    expect(response?.status()).toBe(404);
    await message.heading.filter({ hasText: sv['view.notFound.title'] }).waitFor();
    expect(await message.body.innerText()).toBe(sv['view.notFound.body']);
  });
});
