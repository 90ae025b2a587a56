// GET /metrics: the Prometheus text, for a scraper on this machine, or for anyone holding SAMPLAN_METRICS_TOKEN.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendError } from './api/respond.ts';
import { bearerToken, secretMatches } from './auth.ts';
import type { Metrics } from './metrics.ts';

/** True for a peer on this machine (127.0.0.0/8, ::1, and IPv4-mapped loopback). */
export const isLoopback = (address: string | undefined): boolean =>
  address !== undefined && (address === '::1' || /^(::ffff:)?127\.\d+\.\d+\.\d+$/.test(address));

/**
 * Who may read the metrics: with `token` set, only a request carrying it as a bearer token; without it, only a
 * direct loopback peer. A request a reverse proxy forwarded (Forwarded / X-Forwarded-For) comes from loopback but
 * not from this machine, so it needs the token.
 */
export function mayReadMetrics(req: IncomingMessage, token: string | undefined): boolean {
  if (token !== undefined) {
    const presented = bearerToken(req.headers.authorization);
    return presented !== undefined && secretMatches(token, presented);
  }
  const forwarded = req.headers.forwarded !== undefined || req.headers['x-forwarded-for'] !== undefined;
  return !forwarded && isLoopback(req.socket.remoteAddress);
}

/** Answers /metrics: 405 for other methods, 401 when the caller may not read them, else the text exposition. */
export async function serveMetrics(
  metrics: Metrics,
  token: string | undefined,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return sendError(res, 405, 'method_not_allowed', ['GET', 'HEAD']);
  if (!mayReadMetrics(req, token)) {
    metrics.refused('metrics_unauthorized');
    return sendError(res, 401, 'unauthorized');
  }
  const text = await metrics.text();
  res.writeHead(200, {
    'content-type': metrics.contentType,
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : text);
}
