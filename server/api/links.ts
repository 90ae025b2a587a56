// Link replacement: POST /api/plans/<id>/links/<edit|view> gives the plan a new token for that link; the old one stops at once.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearerToken, hashToken, isPlanId, newToken } from '../auth.ts';
import type { Role } from '../auth.ts';
import type { Logger } from '../log.ts';
import type { Storage } from '../storage/types.ts';
import { sendError, sendJson } from './respond.ts';

/** What replacing a link needs from the rest of the server. */
export interface LinksApiContext {
  readonly storage: Storage;
  /** Closes the plan's sockets that came in with `role` (the relay's closeRole); returns how many. */
  readonly closeRole: (planId: string, role: Role) => number;
  readonly log: Logger;
}

const LINKS_ROUTE = /^\/api\/plans\/([^/]+)\/links\/(edit|view)$/;

/** The plan id and link of a `/api/plans/<id>/links/<edit|view>` path, or null for any other path. */
export function matchLinksRoute(pathname: string): { planId: string; link: Role } | null {
  const match = LINKS_ROUTE.exec(pathname);
  if (match === null) return null;
  return { planId: match[1] ?? '', link: match[2] === 'edit' ? 'edit' : 'view' };
}

/**
 * POST with `Authorization: Bearer <edit token>` → 201 `{"token": "<new token>"}`. The new token's hash replaces
 * the old one's, then every socket opened with the old token is closed (4401). Unknown or malformed plan → 404,
 * missing or wrong token → 401, the view token → 403, another method → 405.
 */
export async function replaceLink(
  ctx: LinksApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  route: { planId: string; link: Role },
): Promise<void> {
  if (req.method !== 'POST') return sendError(res, 405, 'method_not_allowed', ['POST']);
  const { planId, link } = route;
  if (!isPlanId(planId) || !(await ctx.storage.planExists(planId))) return sendError(res, 404, 'not_found');
  const presented = bearerToken(req.headers.authorization);
  const role = presented === undefined ? null : await ctx.storage.roleForToken(planId, presented);
  if (role === null) {
    res.setHeader('www-authenticate', 'Bearer');
    return sendError(res, 401, 'unauthorized');
  }
  if (role !== 'edit') {
    ctx.log.warn('link replacement refused', { plan: planId, link, reason: 'view token' });
    return sendError(res, 403, 'forbidden');
  }
  const token = newToken();
  if (!(await ctx.storage.replaceTokenHash(planId, link, hashToken(token))))
    return sendError(res, 404, 'not_found');
  const closed = ctx.closeRole(planId, link);
  ctx.log.info('link replaced', { plan: planId, link, socketsClosed: closed });
  sendJson(res, 201, { token });
}
