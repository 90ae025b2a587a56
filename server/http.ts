// Routes HTTP: /healthz, /api/ to the plans API, the built app's files, and upgrades on /sync/<planId> to the relay.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { matchLinksRoute, replaceLink } from './api/links.ts';
import { handleApi } from './api/plans.ts';
import type { PlansApiContext } from './api/plans.ts';
import { sendError, sendJson } from './api/respond.ts';
import type { Role } from './auth.ts';
import { storageAnswers } from './health.ts';
import type { Logger } from './log.ts';
import { errorText } from './log.ts';
import type { Metrics } from './metrics.ts';
import { serveMetrics } from './metricsEndpoint.ts';
import { isOriginAllowed } from './origin.ts';
import type { Relay } from './relay/relay.ts';
import { setSecurityHeaders } from './securityHeaders.ts';
import { serveNotFoundPage, serveStatic } from './staticFiles.ts';
import type { Storage } from './storage/types.ts';

export interface HttpContext {
  readonly storage: Storage;
  readonly relay: Relay;
  readonly log: Logger;
  readonly adminToken?: string;
  readonly metrics: Metrics;
  /** When set, GET /metrics needs it as a bearer token; when not, only loopback peers may read it. */
  readonly metricsToken?: string;
  /** The built app (dist/); without it only /healthz, /api and /sync answer. */
  readonly staticDir?: string;
  /** Origins (normalised) whose pages may open /sync besides the server's own; see isOriginAllowed. */
  readonly allowedOrigins?: readonly string[];
}

/** Parses a request target against a dummy origin; the host header is not trusted for anything. */
const parseUrl = (target: string | undefined): URL | undefined => {
  try {
    return new URL(target ?? '/', 'http://localhost');
  } catch {
    return undefined;
  }
};

/** The 'request' listener. Logs method, path (never the query: it may carry a token), status and time. */
export function createRequestHandler(ctx: HttpContext): (req: IncomingMessage, res: ServerResponse) => void {
  const api: PlansApiContext = {
    storage: ctx.storage,
    loadedDoc: (planId) => ctx.relay.loadedDoc(planId),
    log: ctx.log,
    ...(ctx.adminToken === undefined ? {} : { adminToken: ctx.adminToken }),
  };
  return (req, res) => {
    const started = performance.now();
    const url = parseUrl(req.url);
    setSecurityHeaders(res);
    res.on('finish', () => {
      ctx.metrics.httpResponse(res.statusCode);
      ctx.log.info('http', {
        method: req.method,
        path: url?.pathname ?? '?',
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
      });
    });
    route(ctx, api, req, res, url).catch((error: unknown) => {
      ctx.log.error('request failed', { path: url?.pathname ?? '?', error: errorText(error) });
      if (!res.headersSent) sendError(res, 500, 'internal');
      else res.destroy();
    });
  };
}

async function route(
  ctx: HttpContext,
  api: PlansApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL | undefined,
): Promise<void> {
  if (url === undefined) return sendError(res, 400, 'bad_request');
  if (url.pathname === '/healthz') {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendError(res, 405, 'method_not_allowed', ['GET', 'HEAD']);
    return (await storageAnswers(ctx.storage))
      ? sendJson(res, 200, { ok: true })
      : sendJson(res, 503, { ok: false });
  }
  const links = matchLinksRoute(url.pathname);
  if (links !== null) {
    const closeRole = (planId: string, role: Role): number => ctx.relay.closeRole(planId, role);
    return replaceLink({ storage: ctx.storage, log: ctx.log, closeRole }, req, res, links);
  }
  if (url.pathname === '/metrics') return serveMetrics(ctx.metrics, ctx.metricsToken, req, res);
  if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return handleApi(api, req, res, url);
  if (url.pathname.startsWith('/sync/')) return sendError(res, 426, 'bad_request');
  if (ctx.staticDir === undefined) return sendError(res, 404, 'not_found');
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return sendError(res, 405, 'method_not_allowed', ['GET', 'HEAD']);
  if (await serveStatic(ctx.staticDir, req, res, url.pathname)) return;
  if (!(await serveNotFoundPage(ctx.staticDir, req, res))) sendError(res, 404, 'not_found');
}

const SYNC_ROUTE = /^\/sync\/([^/]+)$/;

/** The 'upgrade' listener: `/sync/<planId>` goes to the relay (which decides access); anything else gets 404. */
export function createUpgradeHandler(
  ctx: HttpContext,
): (req: IncomingMessage, socket: Duplex, head: Buffer) => void {
  return (req, socket, head) => {
    const url = parseUrl(req.url);
    const match = url === undefined ? null : SYNC_ROUTE.exec(url.pathname);
    if (url === undefined || match === null) {
      socket.on('error', () => {});
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    if (!isOriginAllowed(req.headers.origin, req.headers.host, ctx.allowedOrigins ?? [])) {
      // Refused before the upgrade: a page on another site cannot read the status, and gets no socket.
      ctx.metrics.refused('origin');
      ctx.log.warn('upgrade refused', {
        path: url.pathname,
        reason: 'origin',
        origin: req.headers.origin?.slice(0, 200),
      });
      socket.on('error', () => {});
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    ctx.log.info('upgrade', { path: url.pathname });
    ctx.relay.handleUpgrade(req, socket, head, match[1] ?? '', url.searchParams.get('token'));
  };
}
