// The plans API: create a plan from a template, tell a token's role, export a plan as CSV, read its history.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { nanoid } from 'nanoid';
import { exportCsv, csvFileName } from '../../src/csv/exportCsv.ts';
import { applyUpdateTo, destroyPlanDoc, encodeDoc, newPlanDoc } from '../../src/model/docs.ts';
import type { PlanDoc } from '../../src/model/docs.ts';
import { readPlan, seedPlan } from '../../src/model/plan.ts';
import { LIMITS, TEMPLATE_IDS } from '../../src/model/schema.ts';
import type { TemplateId } from '../../src/model/schema.ts';
import { bearerToken, hashToken, isPlanId, newToken, secretMatches } from '../auth.ts';
import type { Role } from '../auth.ts';
import type { Logger } from '../log.ts';
import type { Storage } from '../storage/types.ts';
import { sendHistory, sendStateAt } from './history.ts';
import { BodyError, readJsonBody, sendError, sendJson } from './respond.ts';

/** What the plans API needs from the rest of the server. */
export interface PlansApiContext {
  readonly storage: Storage;
  /** The live doc of a plan that the relay holds in memory, so an export includes edits made a moment ago. */
  readonly loadedDoc: (planId: string) => Promise<PlanDoc | undefined>;
  /** When set, creating a plan needs `Authorization: Bearer <adminToken>`. */
  readonly adminToken?: string;
  readonly log: Logger;
}

const PLAN_ROUTE = /^\/api\/plans\/([^/]+)\/(export\.csv|access|history|history\/state)$/;

/** Answers every request under `/api/`: 404 for unknown routes, 405 for wrong methods. */
export async function handleApi(
  ctx: PlansApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  if (url.pathname === '/api/plans') {
    if (req.method !== 'POST') return sendError(res, 405, 'method_not_allowed', ['POST']);
    return createPlan(ctx, req, res);
  }
  const match = PLAN_ROUTE.exec(url.pathname);
  if (match === null) return sendError(res, 404, 'not_found');
  if (req.method !== 'GET') return sendError(res, 405, 'method_not_allowed', ['GET']);
  // Plan ids are plain URL-safe characters, so the path segment is used as is (no decoding to trip on).
  const planId = match[1] ?? '';
  const role = await authorize(ctx, req, res, planId);
  if (role === null) return;
  switch (match[2]) {
    case 'access':
      return sendJson(res, 200, { role });
    case 'history':
      return sendHistory(ctx.storage, res, planId, url.searchParams);
    case 'history/state':
      return sendStateAt(ctx.storage, res, planId, url.searchParams);
  }
  return exportPlan(ctx, res, planId, url.searchParams.get('sep') === 'comma' ? ',' : ';');
}

/** The role of the request's bearer token on `planId`; answers 404 or 401 itself and returns null when refused. */
async function authorize(
  ctx: PlansApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  planId: string,
): Promise<Role | null> {
  if (!isPlanId(planId) || !(await ctx.storage.planExists(planId))) {
    sendError(res, 404, 'not_found');
    return null;
  }
  const token = bearerToken(req.headers.authorization);
  const role = token === undefined ? null : await ctx.storage.roleForToken(planId, token);
  if (role === null) sendUnauthorized(res);
  return role;
}

function sendUnauthorized(res: ServerResponse): void {
  res.setHeader('www-authenticate', 'Bearer');
  sendError(res, 401, 'unauthorized');
}

async function createPlan(ctx: PlansApiContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (ctx.adminToken !== undefined) {
    const token = bearerToken(req.headers.authorization);
    if (token === undefined || !secretMatches(ctx.adminToken, token)) return sendUnauthorized(res);
  }
  let body: unknown;
  try {
    body = await readJsonBody(req);
  } catch (error) {
    if (!(error instanceof BodyError)) throw error;
    // The rest of an oversized body is not read, so the connection cannot be reused.
    if (error.status === 413) res.setHeader('connection', 'close');
    return sendError(res, error.status, error.code);
  }
  const input = parseCreateBody(body);
  if ('error' in input) return sendError(res, 400, input.error);
  const createdAt = new Date().toISOString();
  const doc = newPlanDoc();
  try {
    const seeded = seedPlan(doc, input.template, { title: input.title, createdAt });
    if (!seeded.ok) return sendError(res, 400, seeded.error.field === 'title' ? 'bad_title' : 'bad_template');
    const id = nanoid();
    const editToken = newToken();
    const viewToken = newToken();
    await ctx.storage.createPlan(id, hashToken(editToken), hashToken(viewToken), encodeDoc(doc), createdAt);
    ctx.log.info('plan created', { plan: id, template: input.template });
    sendJson(res, 201, { id, editToken, viewToken });
  } finally {
    destroyPlanDoc(doc);
  }
}

type CreateInput =
  { title: string; template: TemplateId } | { error: 'bad_title' | 'bad_template' | 'bad_request' };

/** Checks the body of POST /api/plans: `{title: 1..200 chars after trimming, template: a known id}`. */
function parseCreateBody(body: unknown): CreateInput {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { error: 'bad_request' };
  const { title, template } = body as Record<string, unknown>;
  if (typeof title !== 'string') return { error: 'bad_title' };
  const trimmed = title.trim();
  if (trimmed.length < 1 || trimmed.length > LIMITS.title) return { error: 'bad_title' };
  if (!(TEMPLATE_IDS as readonly unknown[]).includes(template)) return { error: 'bad_template' };
  return { title: trimmed, template: template as TemplateId };
}

async function exportPlan(
  ctx: PlansApiContext,
  res: ServerResponse,
  planId: string,
  separator: ';' | ',',
): Promise<void> {
  const live = await ctx.loadedDoc(planId);
  const doc = live ?? newPlanDoc();
  try {
    if (live === undefined)
      for (const update of await ctx.storage.loadUpdates(planId)) applyUpdateTo(doc, update);
    const plan = readPlan(doc);
    const body = Buffer.from(exportCsv(plan, { separator }), 'utf8');
    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-length': body.length,
      'content-disposition': contentDisposition(csvFileName(plan.meta.title, todayInSweden())),
      'cache-control': 'no-store',
    });
    res.end(body);
  } finally {
    if (live === undefined) destroyPlanDoc(doc);
  }
}

/** Today's date where the plans' readers are, `YYYY-MM-DD` (the sv-SE format is ISO). */
const todayInSweden = (): string =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());

/** An attachment header with an ASCII fallback name and the exact UTF-8 name as RFC 5987 `filename*`. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
