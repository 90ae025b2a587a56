// [history-api] The app's client of GET /api/plans/<id>/history/state: the request it makes and the answers it accepts.
import { describe, expect, it } from 'vitest';
import type { PlanId } from '../../../src/model/schema.ts';
import { fetchPastState } from '../../../src/sync/historyApi.ts';

const planId = 'plan_1-A' as PlanId;
const at = '2026-11-01T22:59:59.999Z';

/** A fetch that records its request and answers with `respond()`. */
function fakeFetch(respond: () => Response | Promise<Response>) {
  const calls: { url: string; headers: Headers }[] = [];
  const impl = ((input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), headers: new Headers(init?.headers) });
    return Promise.resolve(respond());
  }) as typeof fetch;
  return { impl, calls };
}

const bytes = new Uint8Array([1, 2, 3, 4]);
const octets = (body: BodyInit, type = 'application/octet-stream', status = 200): Response =>
  new Response(body, { status, headers: { 'content-type': type } });
const apiError = (status: number, error: string): Response =>
  new Response(JSON.stringify({ error, message: 'x' }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });

describe('[history-api] fetching the plan as it was', () => {
  it('asks for the instant with the token as a bearer header, never in the URL, and returns the bytes', async () => {
    const { impl, calls } = fakeFetch(() => octets(bytes));
    const outcome = await fetchPastState(planId, 'secret-token', at, impl);
    expect(outcome).toEqual({ ok: true, state: { at, bytes } });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe(`/api/plans/plan_1-A/history/state?at=${encodeURIComponent(at)}`);
    expect(calls[0]?.url).not.toContain('secret-token');
    expect(calls[0]?.headers.get('authorization')).toBe('Bearer secret-token');
  });

  it('tells "the plan did not exist yet" (404 no_history) from a refused token or an unknown plan', async () => {
    const cases: [Response, string][] = [
      [apiError(404, 'no_history'), 'no_history'],
      [apiError(404, 'not_found'), 'refused'],
      [apiError(401, 'unauthorized'), 'refused'],
      [new Response('gateway', { status: 502 }), 'offline'],
      [apiError(500, 'internal'), 'failed'],
      [apiError(400, 'bad_instant'), 'failed'],
    ];
    for (const [response, reason] of cases) {
      const outcome = await fetchPastState(planId, 't', at, fakeFetch(() => response).impl);
      expect(outcome, `${response.status}`).toEqual({ ok: false, reason });
    }
  });

  it('reads a fetch that gets no answer at all (no network, server down) as offline', async () => {
    const impl = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    expect(await fetchPastState(planId, 't', at, impl)).toEqual({ ok: false, reason: 'offline' });
  });

  it('accepts only a non-empty octet stream: an HTML page (a proxy, an app shell) or an empty body is no answer', async () => {
    for (const response of [
      octets('<!doctype html><p>hej</p>', 'text/html'),
      octets(new Uint8Array(0)),
      octets(bytes, 'application/octet-stream', 206),
    ]) {
      const outcome = await fetchPastState(planId, 't', at, fakeFetch(() => response).impl);
      expect(outcome).toEqual({ ok: false, reason: 'failed' });
    }
  });
});
