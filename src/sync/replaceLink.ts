// Replacing one of a plan's links from this device: ask the server, then keep the new token here instead of the old.
import type { PlanHandle } from './openPlan.ts';
import { requestNewLink } from './plansApi.ts';
import type { LinkKind, ReplaceLinkOutcome } from './plansApi.ts';
import { forgetToken, readViewToken, storeAccess, storeViewToken } from './tokens.ts';

/**
 * Replaces the plan's `link` using this device's (edit) token. The new token is stored on the device, and the
 * old one forgotten. For the edit link the open plan switches to the new token without a reload: the relay closes
 * every socket of the old token, so `handle.replaceToken` takes the socket down before asking and reconnects after.
 */
export async function replaceLink(
  handle: Pick<PlanHandle, 'planId' | 'token' | 'replaceToken'>,
  link: LinkKind,
): Promise<ReplaceLinkOutcome> {
  const { planId } = handle;
  if (link === 'view') {
    const outcome = await requestNewLink(planId, handle.token, 'view');
    if (outcome.ok) {
      const old = readViewToken(planId);
      storeViewToken(planId, outcome.token);
      if (old !== null) forgetToken(planId, old);
    }
    return outcome;
  }
  let outcome: ReplaceLinkOutcome = { ok: false, reason: 'failed' };
  await handle.replaceToken(async (current) => {
    outcome = await requestNewLink(planId, current, 'edit');
    if (!outcome.ok) return null;
    // Stored before the page shows it: a reload or another tab from now on opens with the new link.
    storeAccess(planId, outcome.token, 'edit');
    forgetToken(planId, current);
    return outcome.token;
  });
  return outcome;
}
