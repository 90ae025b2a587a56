// Plan access on this device: the token from a link's fragment into localStorage, and the list of plans opened here.
import type { PlanId } from '../model/schema.ts';

/** What a token allows: edit (read and write) or view (read only). */
export type Role = 'edit' | 'view';

/** A plan's access as remembered on this device; `role` is null until the server has told us. */
export interface StoredAccess {
  readonly token: string;
  readonly role: Role | null;
}

/** A plan opened on this device before, for the start page's list. */
export interface RecentPlan {
  readonly id: PlanId;
  readonly title: string;
  readonly role: Role | null;
  /** ISO timestamp of the last open. */
  readonly lastOpened: string;
}

const ACCESS_PREFIX = 'samplan.access.';
const LINKS_PREFIX = 'samplan.links.';
const RECENT_KEY = 'samplan.recentPlans';
const RECENT_LIMIT = 50;

export const isRole = (value: unknown): value is Role => value === 'edit' || value === 'view';

// localStorage can be missing, full or blocked (private modes, policies): every access is guarded.
function readJson(key: string): unknown {
  try {
    const text = localStorage.getItem(key);
    return text === null ? null : (JSON.parse(text) as unknown);
  } catch {
    return null;
  }
}

function writeJson(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Nothing to do: the plan still works for this visit, it just is not remembered.
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Parses one stored token entry; anything malformed reads as "nothing stored". */
function parseAccess(value: unknown): StoredAccess | null {
  if (!isRecord(value) || typeof value.token !== 'string' || value.token === '') return null;
  return { token: value.token, role: isRole(value.role) ? value.role : null };
}

function parseRecent(value: unknown): RecentPlan | null {
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.lastOpened !== 'string') return null;
  return {
    id: value.id as PlanId,
    title: typeof value.title === 'string' ? value.title : '',
    role: isRole(value.role) ? value.role : null,
    lastOpened: value.lastOpened,
  };
}

// A device may hold several links to one plan (the creator also opens the read link to check it):
// keep each, newest first, so opening the read link never costs the device its edit access.
const TOKENS_PER_PLAN = 5;
const roleRank = (role: Role | null): number => (role === 'edit' ? 2 : role === 'view' ? 1 : 0);

function readTokens(planId: PlanId): StoredAccess[] {
  const value = readJson(ACCESS_PREFIX + planId);
  const list = isRecord(value) && Array.isArray(value.tokens) ? (value.tokens as unknown[]) : [];
  return list.map(parseAccess).filter((access): access is StoredAccess => access !== null);
}

function writeTokens(planId: PlanId, tokens: readonly StoredAccess[]): void {
  if (tokens.length === 0) {
    try {
      localStorage.removeItem(ACCESS_PREFIX + planId);
    } catch {
      // Storage blocked: nothing was stored either.
    }
    return;
  }
  writeJson(ACCESS_PREFIX + planId, { tokens: tokens.slice(0, TOKENS_PER_PLAN) });
}

/** The best access stored for `planId` on this device (edit before view before unknown, then newest), or null. */
export function readAccess(planId: PlanId): StoredAccess | null {
  const tokens = readTokens(planId);
  // A stable sort keeps the newest first among equal roles.
  return [...tokens].sort((a, b) => roleRank(b.role) - roleRank(a.role))[0] ?? null;
}

/** The role stored for this exact token, or null. */
export const readRole = (planId: PlanId, token: string): Role | null =>
  readTokens(planId).find((access) => access.token === token)?.role ?? null;

/** Remembers a plan's token (and its role when known) as the newest one for the plan. */
export function storeAccess(planId: PlanId, token: string, role: Role | null = null): void {
  const tokens = readTokens(planId);
  const known = tokens.find((access) => access.token === token)?.role ?? null;
  writeTokens(planId, [{ token, role: role ?? known }, ...tokens.filter((access) => access.token !== token)]);
}

/** Records the role the server reported for a stored token, for offline opens. */
export function storeRole(planId: PlanId, token: string, role: Role): void {
  const tokens = readTokens(planId);
  if (!tokens.some((access) => access.token === token)) return;
  writeTokens(
    planId,
    tokens.map((access) => (access.token === token ? { token, role } : access)),
  );
}

/** Forgets a token the relay refused (wrong or withdrawn), so the next open does not try it again. */
export function forgetToken(planId: PlanId, token: string): void {
  writeTokens(
    planId,
    readTokens(planId).filter((access) => access.token !== token),
  );
}

/** The fragment without its '#', decoded; a malformed escape is taken as typed. */
function fragmentText(hash: string): string {
  const raw = hash.replace(/^#/, '');
  try {
    return decodeURIComponent(raw).trim();
  } catch {
    return raw.trim();
  }
}

/**
 * The token for the plan at `/p/<planId>`: a token in the address's fragment wins and is stored, and the fragment
 * is removed from the address bar (so it is not read over a shoulder or kept in history); otherwise the best stored one.
 */
export function takeTokenFromLocation(planId: PlanId): string | null {
  const fragment = fragmentText(location.hash);
  if (fragment !== '') {
    storeAccess(planId, fragment);
    history.replaceState(history.state, '', location.pathname + location.search);
    return fragment;
  }
  return readAccess(planId)?.token ?? null;
}

/** The plans opened on this device, most recent first. */
export function readRecentPlans(): RecentPlan[] {
  const value = readJson(RECENT_KEY);
  if (!Array.isArray(value)) return [];
  return value
    .map(parseRecent)
    .filter((plan): plan is RecentPlan => plan !== null)
    .sort((a, b) => b.lastOpened.localeCompare(a.lastOpened));
}

/** Puts a plan at the top of this device's list, with its current title and role, opened now. */
export function rememberPlan(plan: { id: PlanId; title: string; role: Role | null }): void {
  const others = readRecentPlans().filter((recent) => recent.id !== plan.id);
  const entry: RecentPlan = { ...plan, lastOpened: new Date().toISOString() };
  writeJson(RECENT_KEY, [entry, ...others].slice(0, RECENT_LIMIT));
}

/**
 * Remembers the plan's read (view) token on the device that created it, so its settings can show the read link
 * later. Only the creator ever gets it: a device that opens an edit link cannot know it.
 */
export function storeViewToken(planId: PlanId, viewToken: string): void {
  writeJson(LINKS_PREFIX + planId, { viewToken });
}

/** The plan's read token as known on this device: stored at creation, or a read link opened here; else null. */
export function readViewToken(planId: PlanId): string | null {
  const value = readJson(LINKS_PREFIX + planId);
  if (isRecord(value) && typeof value.viewToken === 'string' && value.viewToken !== '')
    return value.viewToken;
  return readTokens(planId).find((access) => access.role === 'view')?.token ?? null;
}
