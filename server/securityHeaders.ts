// The hardening headers every HTTP answer carries (app, API, health, metrics): nothing but this origin, no framing.

/**
 * Only this origin, for everything. 'self' covers same-origin ws:/wss: for connect-src (CSP Level 3, every
 * current browser). Styles need 'unsafe-inline': AG Grid's theming API and Observable Plot inject <style>
 * elements at run time, and a nonce cannot work with an app shell the service worker serves from its cache.
 * Scripts stay strict: no inline script, no eval.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/** Sets every security header on `res` (before any writeHead, which keeps them unless it names the same header). */
export function setSecurityHeaders(res: { setHeader(name: string, value: string): unknown }): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}
