// The websocket Origin check: a browser page from another site must not open a plan with a token it got hold of.

/** The allowed-origins setting (`SAMPLAN_ALLOWED_ORIGINS`): comma-separated origins, each normalised; throws on a bad entry. */
export function parseAllowedOrigins(text: string | undefined): string[] {
  if (text === undefined) return [];
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map(normalizeOrigin);
}

/** `scheme://host[:port]` as browsers send it in `Origin` (lower case, no default port); throws if it is not one. */
export function normalizeOrigin(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`not an origin: ${JSON.stringify(text)}`);
  }
  const bare = url.pathname === '/' && url.search === '' && url.hash === '' && url.username === '';
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !bare || url.password !== '')
    throw new Error(`not an origin (http(s)://host[:port] only): ${JSON.stringify(text)}`);
  return url.origin;
}

/**
 * Whether an upgrade with these `Origin` and `Host` headers may reach the relay:
 * - no `Origin`: yes. Browsers always send one on a websocket; other clients (the stock y-websocket on
 *   Node's `ws`, scripts) send none, and they are not a page that a user's browser was lured to;
 * - the server's own origin: the `Host` the request was sent to, over http or https (TLS may end at a proxy,
 *   so the scheme cannot be known here);
 * - one of `allowed` (normalised with normalizeOrigin).
 * Anything else is refused, including the opaque origin `null` (sandboxed frames, file: pages).
 */
export function isOriginAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowed: readonly string[],
): boolean {
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (allowed.includes(url.origin)) return true;
  if (host === undefined || host === '') return false;
  try {
    // The Host header read with the Origin's scheme, so a default port is dropped the same way on both sides.
    return new URL(`${url.protocol}//${host}`).host === url.host;
  } catch {
    return false;
  }
}
