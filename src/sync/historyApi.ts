// The relay's history endpoint for one past state (GET /api/plans/<id>/history/state?at=…), its answer checked before use.
import type { PlanId } from '../model/schema.ts';

/**
 * Why no past state came back: the plan did not exist yet then (`no_history`), the server could not be
 * reached (`offline`), it refused the token (`refused`), or anything else went wrong (`failed`).
 */
export type PastStateFailure = 'no_history' | 'offline' | 'refused' | 'failed';

/** The relay's bytes for a past state: one Yjs update, not yet read (remote data, so its own type). */
export interface PastStateUpdate {
  readonly at: string;
  readonly bytes: Uint8Array;
}

/** The bytes, or why there are none. */
export type PastStateOutcome =
  | { readonly ok: true; readonly state: PastStateUpdate }
  | { readonly ok: false; readonly reason: PastStateFailure };

/** A past plan is a few hundred kB at most; anything far larger is not an answer we asked for. */
export const MAX_PAST_STATE_BYTES = 64 * 1024 * 1024;

const OCTET_STREAM = 'application/octet-stream';

/** The code of the API's JSON error answer (`{"error": "no_history", "message": …}`), or null. */
async function errorCode(response: Response): Promise<string | null> {
  try {
    const body = (await response.json()) as unknown;
    const code = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
    return typeof code === 'string' ? code : null;
  } catch {
    return null;
  }
}

/**
 * Fetches the plan as it was at `at` (an ISO instant with zone), with the token in the Authorization header
 * (never in the URL). Only a 200 with `application/octet-stream` and a non-empty, bounded body counts as an
 * answer; the bytes are still unread, so the caller parses them (`planFromUpdate`) before use.
 */
export async function fetchPastState(
  planId: PlanId,
  token: string,
  at: string,
  fetchImpl: typeof fetch = fetch,
): Promise<PastStateOutcome> {
  const url = `/api/plans/${encodeURIComponent(planId)}/history/state?at=${encodeURIComponent(at)}`;
  let response: Response;
  try {
    response = await fetchImpl(url, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
  } catch {
    // fetch rejects only when no answer came at all: no network, or the server is down.
    return { ok: false, reason: 'offline' };
  }
  if (response.status === 404) {
    return { ok: false, reason: (await errorCode(response)) === 'no_history' ? 'no_history' : 'refused' };
  }
  if (response.status === 401 || response.status === 403) return { ok: false, reason: 'refused' };
  // A gateway (or a service worker) answering for a server that is down.
  if (response.status === 502 || response.status === 503 || response.status === 504) {
    return { ok: false, reason: 'offline' };
  }
  const type = response.headers.get('content-type') ?? '';
  if (response.status !== 200 || !type.toLowerCase().startsWith(OCTET_STREAM))
    return { ok: false, reason: 'failed' };
  try {
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.byteLength === 0 || bytes.byteLength > MAX_PAST_STATE_BYTES)
      return { ok: false, reason: 'failed' };
    return { ok: true, state: { at, bytes } };
  } catch {
    return { ok: false, reason: 'offline' };
  }
}
