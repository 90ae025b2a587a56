// JSON replies and bounded JSON bodies for the API; errors carry a code and a Swedish sentence.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Error codes the API answers with, and the sentence a person sees. */
export const API_ERRORS = {
  bad_json: 'Begäran är inte giltig JSON.',
  bad_title: 'Titeln måste vara mellan 1 och 200 tecken.',
  bad_template: 'Okänd mall. Välj jamtland-harjedalen, blekinge eller empty.',
  too_large: 'Begäran är för stor.',
  unauthorized: 'Behörighet saknas eller är felaktig.',
  forbidden: 'Bara den som har redigeringslänken kan göra det.',
  not_found: 'Det finns ingen sådan sida eller plan.',
  method_not_allowed: 'Metoden stöds inte här.',
  bad_request: 'Begäran kunde inte tolkas.',
  bad_limit: 'limit måste vara ett heltal mellan 1 och 1000.',
  bad_instant: 'Tidpunkten måste vara en ISO-tidpunkt med tidszon, t.ex. 2026-11-01T22:59:59.999Z.',
  no_history: 'Planen hade ingen sparad version vid den tidpunkten.',
  internal: 'Något gick fel på servern. Försök igen.',
  unavailable: 'Servern kan inte nå sin lagring just nu.',
} as const;

export type ApiErrorCode = keyof typeof API_ERRORS;

/** Largest request body the API reads (a plan title and a template id need far less). */
export const MAX_BODY_BYTES = 16 * 1024;

/** Sends `body` as JSON with `status`; API answers are never cached. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** Sends `{error, message}`; 405 answers also name the allowed methods. */
export function sendError(
  res: ServerResponse,
  status: number,
  code: ApiErrorCode,
  allow?: readonly string[],
): void {
  sendJson(res, status, { error: code, message: API_ERRORS[code] }, allow ? { allow: allow.join(', ') } : {});
}

/** Thrown by readJsonBody; the route turns it into its status and code. */
export class BodyError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
  ) {
    super(code);
  }
}

/** Reads at most MAX_BODY_BYTES and parses them as JSON; throws BodyError (413 too_large, 400 bad_json). */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new BodyError(413, 'too_large');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BodyError(413, 'too_large');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks))) as unknown;
  } catch {
    throw new BodyError(400, 'bad_json');
  }
}
