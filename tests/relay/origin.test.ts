// [relay-origin] The websocket upgrade checks Origin: none (non-browser clients), the server's own, or a configured one.
import { afterEach, expect, test } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { startServer } from '../../server/app.ts';
import type { LogFields, Logger } from '../../server/log.ts';
import { isOriginAllowed, parseAllowedOrigins } from '../../server/origin.ts';
import { readPlan } from '../../src/model/plan.ts';
import { startRelay } from '../helpers/startRelay.ts';
import type { RelayOptions, TestRelay } from '../helpers/startRelay.ts';

let relay: TestRelay | undefined;
afterEach(async () => {
  await relay?.close();
  relay = undefined;
});

const lines: { msg: string; fields: LogFields }[] = [];
const capture: Logger = {
  info: (msg, fields = {}) => lines.push({ msg, fields }),
  warn: (msg, fields = {}) => lines.push({ msg, fields }),
  error: (msg, fields = {}) => lines.push({ msg, fields }),
};

async function start(options: RelayOptions = {}): Promise<TestRelay> {
  lines.length = 0;
  relay = await startRelay({ log: capture, ...options });
  return relay;
}

/** Opens /sync/<planId> with the given headers: 'open' when upgraded, else the HTTP status of the refusal. */
function upgrade(
  url: string,
  planId: string,
  token: string,
  headers: { origin?: string; host?: string },
): Promise<number | 'open'> {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/sync/${planId}?token=${token}`, {
    ...(headers.origin === undefined ? {} : { origin: headers.origin }),
    ...(headers.host === undefined ? {} : { headers: { host: headers.host } }),
  });
  return new Promise((resolve) => {
    ws.on('open', () => {
      ws.terminate();
      resolve('open');
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('error', () => resolve(-1));
  });
}

test('[relay-origin] no Origin (the stock Node client) is let in, and the stock provider syncs', async () => {
  const running = await start();
  const plan = await running.createPlan('blekinge', 'Utan origin');
  expect(await upgrade(running.url, plan.id, plan.editToken, {})).toBe('open');
  const doc = new Y.Doc();
  await running.syncedProvider(plan.id, plan.editToken, doc);
  expect(readPlan(doc).meta.title).toBe('Utan origin');
});

test("[relay-origin] the server's own origin is let in, over http or https (TLS may end at a proxy)", async () => {
  const running = await start();
  const plan = await running.createPlan('empty');
  const host = new URL(running.url).host;
  expect(await upgrade(running.url, plan.id, plan.editToken, { origin: running.url })).toBe('open');
  expect(await upgrade(running.url, plan.id, plan.editToken, { origin: `https://${host}` })).toBe('open');
  // Behind a proxy the Host is the public name; its origin matches with or without the default port.
  expect(
    await upgrade(running.url, plan.id, plan.editToken, {
      origin: 'https://samplan.region.se',
      host: 'samplan.region.se',
    }),
  ).toBe('open');
  expect(
    await upgrade(running.url, plan.id, plan.editToken, {
      origin: 'https://samplan.region.se',
      host: 'samplan.region.se:443',
    }),
  ).toBe('open');
});

test('[relay-origin] a foreign origin is refused with HTTP 403 before the upgrade, with a log line', async () => {
  const running = await start();
  const plan = await running.createPlan('empty');
  const port = new URL(running.url).port;
  for (const origin of [
    'https://evil.example',
    `http://127.0.0.1.evil.example:${port}`,
    `http://127.0.0.1:${Number(port) + 1}`,
    'null',
    'file://',
    'not a url',
  ]) {
    expect(await upgrade(running.url, plan.id, plan.editToken, { origin }), origin).toBe(403);
  }
  const refusals = lines.filter((line) => line.msg === 'upgrade refused');
  expect(refusals).toHaveLength(6);
  expect(refusals[0]?.fields).toMatchObject({ reason: 'origin', origin: 'https://evil.example' });
  // The plan was never joined by any of them.
  expect(lines.some((line) => line.msg === 'socket joined')).toBe(false);
  // And /metrics counts them by reason.
  const metrics = await (await fetch(`${running.url}/metrics`)).text();
  expect(metrics).toContain('samplan_refused_total{reason="origin"} 6');
});

test('[relay-origin] origins in allowedOrigins are let in as well; others still are not', async () => {
  const running = await start({ allowedOrigins: ['https://intra.region.se', 'HTTP://LOCALHOST:5173/'] });
  const plan = await running.createPlan('empty');
  expect(await upgrade(running.url, plan.id, plan.editToken, { origin: 'https://intra.region.se' })).toBe(
    'open',
  );
  expect(await upgrade(running.url, plan.id, plan.editToken, { origin: 'http://localhost:5173' })).toBe(
    'open',
  );
  expect(await upgrade(running.url, plan.id, plan.editToken, { origin: 'http://intra.region.se' })).toBe(403);
  expect(await upgrade(running.url, plan.id, plan.editToken, { origin: 'https://region.se' })).toBe(403);
});

test('[relay-origin] the origin check runs before access: a foreign page learns nothing about the plan or token', async () => {
  const running = await start();
  const plan = await running.createPlan('empty');
  const evil = { origin: 'https://evil.example' };
  expect(await upgrade(running.url, plan.id, plan.editToken, evil)).toBe(403);
  expect(await upgrade(running.url, plan.id, 'wrong', evil)).toBe(403);
  expect(await upgrade(running.url, 'NoSuchPlan123', 'wrong', evil)).toBe(403);
});

test('[relay-origin] SAMPLAN_ALLOWED_ORIGINS is parsed strictly: a malformed entry fails the start', async () => {
  expect(parseAllowedOrigins(undefined)).toEqual([]);
  expect(parseAllowedOrigins(' https://a.se , http://b.se:8080 ,,')).toEqual([
    'https://a.se',
    'http://b.se:8080',
  ]);
  expect(() => parseAllowedOrigins('https://a.se/path')).toThrow(/not an origin/);
  expect(() => parseAllowedOrigins('a.se')).toThrow(/not an origin/);
  expect(() => parseAllowedOrigins('ftp://a.se')).toThrow(/not an origin/);
  await expect(
    startServer({ port: 0, host: '127.0.0.1', dataDir: '/nonexistent/never', allowedOrigins: ['*'] }),
  ).rejects.toThrow(/not an origin/);
});

test('[relay-origin] isOriginAllowed compares the host exactly, not as a prefix or suffix', () => {
  expect(isOriginAllowed(undefined, 'plan.se', [])).toBe(true);
  expect(isOriginAllowed('https://plan.se', 'plan.se', [])).toBe(true);
  expect(isOriginAllowed('https://PLAN.se', 'plan.SE', [])).toBe(true);
  expect(isOriginAllowed('https://plan.se.evil', 'plan.se', [])).toBe(false);
  expect(isOriginAllowed('https://evilplan.se', 'plan.se', [])).toBe(false);
  expect(isOriginAllowed('https://plan.se:8443', 'plan.se', [])).toBe(false);
  expect(isOriginAllowed('https://plan.se', undefined, [])).toBe(false);
  expect(isOriginAllowed('https://plan.se', '', ['https://plan.se'])).toBe(true);
});
