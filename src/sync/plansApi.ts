// The server's plan-creation endpoint (POST /api/plans), with its answer checked before use.
import type { PlanId, TemplateId } from '../model/schema.ts';

/** A newly created plan and its two tokens. */
export interface CreatedPlan {
  readonly id: PlanId;
  readonly editToken: string;
  readonly viewToken: string;
}

/** Why creating failed: the server wants an admin token, the given one was wrong, or anything else. */
export type CreatePlanFailure = 'admin_required' | 'admin_wrong' | 'failed';

export type CreatePlanOutcome =
  | { readonly ok: true; readonly plan: CreatedPlan }
  | { readonly ok: false; readonly reason: CreatePlanFailure };

const isNonEmptyString = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** Checks the server's 201 body: ids and tokens must be non-empty strings. */
function parseCreatedPlan(body: unknown): CreatedPlan | null {
  if (typeof body !== 'object' || body === null) return null;
  const { id, editToken, viewToken } = body as Record<string, unknown>;
  if (!isNonEmptyString(id) || !isNonEmptyString(editToken) || !isNonEmptyString(viewToken)) return null;
  if (!/^[A-Za-z0-9_-]+$/.test(id)) return null;
  return { id: id as PlanId, editToken, viewToken };
}

/** Creates a plan on the server; `adminToken` only where the server was started with one. */
export async function requestNewPlan(
  input: { title: string; template: TemplateId },
  adminToken?: string,
): Promise<CreatePlanOutcome> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (adminToken !== undefined && adminToken !== '') headers.Authorization = `Bearer ${adminToken}`;
  try {
    const response = await fetch('/api/plans', { method: 'POST', headers, body: JSON.stringify(input) });
    if (response.status === 401 || response.status === 403) {
      return { ok: false, reason: headers.Authorization === undefined ? 'admin_required' : 'admin_wrong' };
    }
    if (!response.ok) return { ok: false, reason: 'failed' };
    const plan = parseCreatedPlan(await response.json());
    return plan === null ? { ok: false, reason: 'failed' } : { ok: true, plan };
  } catch {
    return { ok: false, reason: 'failed' };
  }
}

/** The link to give people: the token rides in the fragment, so it never reaches a server log. */
export const planLink = (id: PlanId, token: string): string => `${location.origin}/p/${id}#${token}`;

/** Which of a plan's two links. */
export type LinkKind = 'edit' | 'view';

/** Why a link could not be replaced: the token may not (view link or withdrawn), or anything else (offline). */
export type ReplaceLinkFailure = 'not_allowed' | 'failed';

export type ReplaceLinkOutcome =
  { readonly ok: true; readonly token: string } | { readonly ok: false; readonly reason: ReplaceLinkFailure };

/**
 * Asks the server for a new token for the plan's `link` (POST /api/plans/<id>/links/<link>, edit token as bearer).
 * On success the old token of that link has stopped working everywhere, this device's sockets included.
 */
export async function requestNewLink(
  planId: PlanId,
  editToken: string,
  link: LinkKind,
): Promise<ReplaceLinkOutcome> {
  try {
    const response = await fetch(`/api/plans/${encodeURIComponent(planId)}/links/${link}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${editToken}` },
      cache: 'no-store',
    });
    if (response.status === 401 || response.status === 403) return { ok: false, reason: 'not_allowed' };
    if (response.status !== 201) return { ok: false, reason: 'failed' };
    const body = (await response.json()) as unknown;
    const token = typeof body === 'object' && body !== null ? (body as { token?: unknown }).token : undefined;
    return isNonEmptyString(token) ? { ok: true, token } : { ok: false, reason: 'failed' };
  } catch {
    return { ok: false, reason: 'failed' };
  }
}
