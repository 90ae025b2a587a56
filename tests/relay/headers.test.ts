// [http-headers] Every HTTP answer (app shell, plan route, asset, API, errors, health, metrics) carries the CSP and
// the hardening headers; the CSP names no host but this origin.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startRelay } from '../helpers/startRelay.ts';
import type { TestRelay } from '../helpers/startRelay.ts';

let relay: TestRelay;
let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'samplan-headers-'));
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Samplan</title>');
  await writeFile(path.join(root, 'assets', 'index-AbC123.js'), 'console.log(1)');
  await writeFile(path.join(root, 'sw.js'), 'self.addEventListener("fetch", () => {})');
  relay = await startRelay({ staticDir: root });
});
afterAll(async () => {
  await relay.close();
  await rm(root, { recursive: true, force: true });
});

const EXPECTED: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/** The CSP as directive → sources. */
function parseCsp(header: string): Map<string, string[]> {
  return new Map(
    header
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0] !== '')
      .map(([name = '', ...sources]) => [name, sources]),
  );
}

test('[http-headers] app, plan route, asset, worker, API, errors, /healthz and /metrics all carry every header', async () => {
  const plan = await relay.createPlan('empty', 'Rubriker');
  const requests: [string, RequestInit?][] = [
    ['/'],
    [`/p/${plan.id}`],
    [`/p/${plan.id}/oversikt`],
    ['/assets/index-AbC123.js'],
    ['/sw.js'],
    [`/api/plans/${plan.id}/history?limit=5`, { headers: { authorization: `Bearer ${plan.viewToken}` } }],
    [`/api/plans/${plan.id}/history`],
    ['/api/plans', { method: 'POST', body: '{not json', headers: { 'content-type': 'application/json' } }],
    ['/api/nowhere'],
    ['/assets/missing.js'],
    ['/elsewhere', { headers: { accept: 'text/html' } }],
    ['/healthz'],
    ['/metrics'],
    ['/sync/whatever'],
  ];
  const statuses: number[] = [];
  for (const [route, init] of requests) {
    const response = await fetch(`${relay.url}${route}`, init);
    statuses.push(response.status);
    await response.arrayBuffer();
    for (const [name, value] of Object.entries(EXPECTED))
      expect(response.headers.get(name), `${route} ${name}`).toBe(value);
    const permissions = response.headers.get('permissions-policy') ?? '';
    for (const feature of ['camera=()', 'microphone=()', 'geolocation=()'])
      expect(permissions).toContain(feature);
    const csp = parseCsp(response.headers.get('content-security-policy') ?? '');
    expect(csp.get('default-src'), route).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    for (const directive of ['worker-src', 'manifest-src', 'font-src', 'form-action'])
      expect(csp.get(directive)).toEqual(["'self'"]);
    // Only this origin: no host, no scheme wildcard, anywhere; only images may also be data: and blob: URLs.
    for (const [directive, sources] of csp) {
      for (const source of sources) {
        const allowed =
          source.startsWith("'") || (directive === 'img-src' && ['data:', 'blob:'].includes(source));
        expect(allowed, `${directive} ${source}`).toBe(true);
      }
      expect(sources).not.toContain("'unsafe-eval'");
    }
  }
  // The set covers successes and refusals alike.
  expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 401, 400, 404, 404, 404, 200, 200, 426]);
});
