// Acknowledgements: after a client's updates are stored, the relay sends it its state vector, once per burst.
import type { Connection } from './connection.ts';

/**
 * How long the relay waits after a stored update before acknowledging it. Long enough that a burst of
 * updates (typing, a paste, an offline backlog) earns a handful of acks rather than one each; short enough
 * that the app's "saved" mark follows within a blink.
 */
export const ACK_DELAY_MS = 40;

/** A scheduled ack: its timer, or 'queued' once the timer has fired and the send waits for the updates before it. */
type Pending = NodeJS.Timeout | 'queued';

/**
 * At most one pending ack per connection. The send itself waits until every update accepted before the timer
 * fired is applied, so the last ack of a burst covers the whole burst.
 */
export class AckScheduler {
  private readonly pending = new Map<Connection, Pending>();

  constructor(
    /** Runs a task once every update the room accepted before it has been applied. */
    private readonly enqueue: (task: () => void) => void,
    /** Sends the acknowledgement (the relay's current sync step 1) to `connection`. */
    private readonly send: (connection: Connection) => void,
    private readonly delayMs = ACK_DELAY_MS,
  ) {}

  /** Call after an update from `connection` was stored and applied. Does nothing if an ack is already pending. */
  schedule(connection: Connection): void {
    if (connection.closed || this.pending.has(connection)) return;
    const timer = setTimeout(() => {
      this.pending.set(connection, 'queued');
      this.enqueue(() => {
        // Cancelled while queued (the socket closed, the room went away): nobody to tell.
        if (this.pending.get(connection) !== 'queued') return;
        this.pending.delete(connection);
        if (!connection.closed) this.send(connection);
      });
    }, this.delayMs);
    // A pending ack must not keep a shutting-down process alive.
    timer.unref();
    this.pending.set(connection, timer);
  }

  /** Drops `connection`'s pending ack, if any. */
  cancel(connection: Connection): void {
    const pending = this.pending.get(connection);
    if (pending !== undefined && pending !== 'queued') clearTimeout(pending);
    this.pending.delete(connection);
  }

  /** Drops every pending ack (the room is being destroyed). */
  cancelAll(): void {
    for (const connection of [...this.pending.keys()]) this.cancel(connection);
  }
}
