// Who a connection is, as far as its own presence says: the `user` field of its own awareness state.
import type { Author } from '../storage/types.ts';
import type { AwarenessEntry } from './protocol.ts';

/** Longest name or organisation kept as an update's author (after trimming). */
export const MAX_AUTHOR_FIELD = 100;

/**
 * The author in one peer's awareness state (`{ user: { name, organisation, ... } }`), or null when it has
 * none that holds up: both strings, trimmed, a non-empty name, each at most MAX_AUTHOR_FIELD characters.
 * Peer data is untrusted, so nothing but the two checked strings is kept.
 */
export function parseAuthor(state: unknown): Author | null {
  if (typeof state !== 'object' || state === null) return null;
  const user: unknown = (state as { user?: unknown }).user;
  if (typeof user !== 'object' || user === null) return null;
  const { name, organisation } = user as { name?: unknown; organisation?: unknown };
  if (typeof name !== 'string' || typeof organisation !== 'string') return null;
  const author = { name: name.trim(), organisation: organisation.trim() };
  if (author.name === '' || author.name.length > MAX_AUTHOR_FIELD) return null;
  if (author.organisation.length > MAX_AUTHOR_FIELD) return null;
  return author;
}

/**
 * The author one connection announced. The stock client sends its own state first when it connects, and
 * afterwards echoes every presence change it hears, other people's included; so the connection's own
 * awareness client is the first one it announces that no other connection of the plan already holds, and
 * only that client's states count. Its latest valid `user` is the author; an invalid one is ignored.
 */
export class AnnouncedAuthor {
  private ownClientId: number | undefined;
  private latest: Author | null = null;

  /** The latest valid author, or null if none was announced yet. */
  get author(): Author | null {
    return this.latest;
  }

  /** True when `clientId` is this connection's own awareness client. */
  owns(clientId: number): boolean {
    return this.ownClientId === clientId;
  }

  /** Reads an awareness update the connection sent; `heldElsewhere` tells whether another connection holds a client id. */
  note(entries: readonly AwarenessEntry[], heldElsewhere: (clientId: number) => boolean): void {
    for (const entry of entries) {
      // A null state is a client leaving: it names nobody.
      if (entry.state === null) continue;
      if (this.ownClientId === undefined && !heldElsewhere(entry.clientId)) this.ownClientId = entry.clientId;
      if (entry.clientId === this.ownClientId) this.latest = parseAuthor(entry.state) ?? this.latest;
    }
  }
}
