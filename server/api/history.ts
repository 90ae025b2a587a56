// The history API: a plan's accepted updates (when, who, how large), and the plan as it was at an instant.
import type { ServerResponse } from 'node:http';
import type { Storage } from '../storage/types.ts';
import { parseBoundedInt, parseInstant, singleParam } from './query.ts';
import { sendError, sendJson } from './respond.ts';

export const DEFAULT_HISTORY_LIMIT = 200;
export const MAX_HISTORY_LIMIT = 1000;

/**
 * GET /api/plans/<id>/history?limit=1..1000&before=<ISO instant> → `{"entries": [{seq, at, author, bytes}]}`,
 * newest first; `before` is exclusive. The caller has already checked the plan and the token.
 */
export async function sendHistory(
  storage: Storage,
  res: ServerResponse,
  planId: string,
  params: URLSearchParams,
): Promise<void> {
  const limitText = singleParam(params, 'limit');
  const limit =
    limitText === undefined
      ? DEFAULT_HISTORY_LIMIT
      : limitText === null
        ? null
        : parseBoundedInt(limitText, 1, MAX_HISTORY_LIMIT);
  if (limit === null) return sendError(res, 400, 'bad_limit');
  const beforeText = singleParam(params, 'before');
  const before = beforeText === undefined ? undefined : beforeText === null ? null : parseInstant(beforeText);
  if (before === null) return sendError(res, 400, 'bad_instant');
  const entries = await storage.listHistory(planId, { limit, ...(before === undefined ? {} : { before }) });
  sendJson(res, 200, { entries });
}

/**
 * GET /api/plans/<id>/history/state?at=<ISO instant> → the plan as one Yjs update (v1) holding every update
 * accepted at or before `at`; 404 `no_history` when there was none yet. The caller has checked plan and token.
 */
export async function sendStateAt(
  storage: Storage,
  res: ServerResponse,
  planId: string,
  params: URLSearchParams,
): Promise<void> {
  const atText = singleParam(params, 'at');
  const at = atText === undefined || atText === null ? null : parseInstant(atText);
  if (at === null) return sendError(res, 400, 'bad_instant');
  const state = await storage.stateAt(planId, at);
  if (state === null) return sendError(res, 404, 'no_history');
  res.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-length': state.byteLength,
    'cache-control': 'no-store',
  });
  res.end(state);
}
