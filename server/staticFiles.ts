// Serves the built app from one directory: SPA routes get index.html, no path leaves the directory.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { viewOfSlug } from '../src/app/planViews.ts';
import { isPlanId } from './auth.ts';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** Files under assets/ carry a content hash in their name, so they never change; everything else may. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/** True for the app's client-side routes, which all load index.html. */
function isAppRoute(pathname: string): boolean {
  if (pathname === '/' || pathname === '/index.html') return true;
  // A plan's views (/p/<id>/oversikt, …) are routes of the same page.
  const match = /^\/p\/([^/]+)(?:\/([^/]+))?\/?$/.exec(pathname);
  return match !== null && isPlanId(match[1] ?? '') && viewOfSlug(match[2]) !== null;
}

/**
 * Answers a GET or HEAD for a file of `root`. Returns false when there is no such file (the caller sends 404).
 * The path is resolved inside `root` and refused if it escapes it (`..`, encoded slashes, NUL).
 */
export async function serveStatic(
  root: string,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  status = 200,
): Promise<boolean> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  const relative = isAppRoute(decoded) ? 'index.html' : decoded.replace(/^\/+/, '');
  if (
    relative.includes('\0') ||
    relative.split(/[\\/]/).some((part) => part === '..' || part.startsWith('.'))
  )
    return false;
  const base = path.resolve(root);
  const file = path.resolve(base, relative);
  if (!file.startsWith(base + path.sep)) return false;
  const info = await stat(file).catch(() => undefined);
  if (info === undefined || !info.isFile()) return false;
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  const hashed = relative.startsWith('assets/');
  res.writeHead(status, {
    'content-type': type,
    'content-length': info.size,
    'cache-control': hashed ? IMMUTABLE : REVALIDATE,
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return true;
  }
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
  return true;
}

/**
 * A browser asking for a page that does not exist gets the app with status 404, so the person sees the app's
 * Swedish "not found" page rather than JSON. Returns false for other clients (they get the JSON error).
 */
export async function serveNotFoundPage(
  root: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  const wantsHtml = (req.headers.accept ?? '').includes('text/html');
  return wantsHtml && serveStatic(root, req, res, '/index.html', 404);
}
