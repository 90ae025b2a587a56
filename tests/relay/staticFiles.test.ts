// [http-static] The built app is served from one directory: SPA routes get index.html, types and caching are right, nothing escapes.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startRelay } from '../helpers/startRelay.ts';
import type { TestRelay } from '../helpers/startRelay.ts';

let relay: TestRelay;
let root: string;
let dist: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'samplan-static-'));
  dist = path.join(root, 'dist');
  await mkdir(path.join(dist, 'assets'), { recursive: true });
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>Samplan</title>');
  await writeFile(path.join(dist, 'assets', 'index-AbC123.js'), 'console.log(1)');
  await writeFile(path.join(dist, 'assets', 'index-AbC123.css'), 'body{}');
  await writeFile(path.join(dist, 'manifest.webmanifest'), '{}');
  await writeFile(path.join(root, 'secret.txt'), 'outside dist');
  relay = await startRelay({ staticDir: dist });
});
afterAll(async () => {
  await relay.close();
  await rm(root, { recursive: true, force: true });
});

/** A GET with the path sent exactly as written (fetch would normalise `..` away). */
function rawGet(rawPath: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(relay.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('[http-static] /, /p/<planId> and its views serve index.html with no-cache', async () => {
  const plan = '/p/AbCdEfGh12345';
  for (const route of [
    '/',
    plan,
    `${plan}/`,
    `${plan}/oversikt`,
    `${plan}/uppfoljning/`,
    `${plan}/installningar`,
  ]) {
    const response = await fetch(`${relay.url}${route}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain('<title>Samplan</title>');
  }
});

test('[http-static] hashed assets are immutable and typed by extension', async () => {
  const js = await fetch(`${relay.url}/assets/index-AbC123.js`);
  expect(js.status).toBe(200);
  expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  const css = await fetch(`${relay.url}/assets/index-AbC123.css`);
  expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  const manifest = await fetch(`${relay.url}/manifest.webmanifest`);
  expect(manifest.headers.get('content-type')).toBe('application/manifest+json; charset=utf-8');
  expect(manifest.headers.get('cache-control')).toBe('no-cache');
});

test('[http-static] unknown files → 404; non-plan routes do not fall back to index.html', async () => {
  expect((await fetch(`${relay.url}/assets/missing.js`)).status).toBe(404);
  expect((await fetch(`${relay.url}/p/bad!id`)).status).toBe(404);
  expect((await fetch(`${relay.url}/p/AbCdEfGh12345/nowhere`)).status).toBe(404);
  expect((await fetch(`${relay.url}/p/AbCdEfGh12345/oversikt/more`)).status).toBe(404);
  expect((await fetch(`${relay.url}/elsewhere`)).status).toBe(404);
});

test('[http-static] a browser asking for an unknown page gets the app with status 404 (its Swedish not-found page)', async () => {
  const page = await fetch(`${relay.url}/elsewhere`, { headers: { accept: 'text/html,*/*;q=0.8' } });
  expect(page.status).toBe(404);
  expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(await page.text()).toBe('<!doctype html><title>Samplan</title>');
  const api = await fetch(`${relay.url}/elsewhere`, { headers: { accept: 'application/json' } });
  expect(api.headers.get('content-type')).toContain('application/json');
});

test('[http-static] no path leaves the directory', async () => {
  for (const attack of [
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/assets%2f..%2f..%2fsecret.txt',
    '/%00index.html',
  ]) {
    const response = await rawGet(attack);
    expect(response.status, attack).not.toBe(200);
    expect(response.body).not.toContain('outside dist');
  }
});

test('[http-static] methods other than GET and HEAD → 405', async () => {
  const response = await fetch(`${relay.url}/index.html`, { method: 'DELETE' });
  expect(response.status).toBe(405);
  const head = await fetch(`${relay.url}/`, { method: 'HEAD' });
  expect(head.status).toBe(200);
});
