// Which of the plan's two links this device can show: it knows its own token, and the read token only if it made the plan.
import type { Role } from '../../sync/tokens.ts';

/** The tokens to build links from; null where this device does not know that link. */
export interface ShareTokens {
  readonly edit: string | null;
  readonly view: string | null;
}

/**
 * An edit-link holder shows its own token as the edit link and the read token if stored here (the device that
 * created the plan); a view-link holder shows only its own token, as the read link. While the role is unknown
 * the own token is not shown at all: it could be either link.
 */
export function shareTokens(
  role: Role | null,
  ownToken: string,
  storedViewToken: string | null,
): ShareTokens {
  if (role === 'edit') return { edit: ownToken, view: storedViewToken };
  if (role === 'view') return { edit: null, view: ownToken };
  return { edit: null, view: storedViewToken };
}
