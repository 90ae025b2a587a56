// planId → Room: load a plan on its first socket, unload it after its last socket left and its updates are stored.
import type { PlanDoc } from '../../src/model/docs.ts';
import type { Role } from '../auth.ts';
import type { Logger } from '../log.ts';
import type { Storage } from '../storage/types.ts';
import type { Connection } from './connection.ts';
import { Room } from './room.ts';

/** The plans currently in memory. */
export class Rooms {
  private readonly rooms = new Map<string, Room>();

  constructor(
    private readonly storage: Storage,
    private readonly log: Logger,
    /** Largest a plan may grow, encoded as one update (see PlanSize); unlimited when not given. */
    private readonly maxPlanBytes = Infinity,
  ) {}

  /** Adds `connection` to its plan's room, creating and loading the room if needed. */
  join(connection: Connection): Room {
    let room = this.rooms.get(connection.planId);
    if (room === undefined) {
      room = new Room(connection.planId, this.storage, this.log, this.maxPlanBytes);
      this.rooms.set(connection.planId, room);
      void room.load();
    }
    room.add(connection);
    return room;
  }

  /** Removes `connection`; the room unloads behind every task already queued (so its last update is stored first). */
  leave(room: Room, connection: Connection): void {
    room.remove(connection);
    if (room.size > 0) return;
    void room.enqueue(async () => {
      await room.applied();
      // Someone may have joined while the queue drained; then the room stays.
      if (room.size > 0 || this.rooms.get(room.planId) !== room) return;
      this.rooms.delete(room.planId);
      room.destroy();
      this.log.info('plan unloaded', { plan: room.planId });
    });
  }

  /** The live doc of a loaded plan (after its load finished), or undefined when the plan is not in memory. */
  async loadedDoc(planId: string): Promise<PlanDoc | undefined> {
    const room = this.rooms.get(planId);
    if (room === undefined) return undefined;
    // Only the load is awaited, not the whole queue: a busy plan must not hold an export back.
    await room.ready;
    return room.failed || this.rooms.get(planId) !== room ? undefined : room.doc;
  }

  /** Closes the plan's sockets that came in with `role` (see Room.closeRole); 0 when the plan is not loaded. */
  closeRole(planId: string, role: Role, code: number, reason: string): number {
    return this.rooms.get(planId)?.closeRole(role, code, reason) ?? 0;
  }

  /** Number of plans in memory (for tests and health). */
  get size(): number {
    return this.rooms.size;
  }

  /** Waits until every room has run all its queued work (used at shutdown, after the sockets closed). */
  async drain(): Promise<void> {
    while (this.rooms.size > 0) {
      const rooms = [...this.rooms.values()];
      await Promise.all(rooms.map((room) => room.idle()));
      // Rooms with no sockets left have unloaded themselves; any with sockets are unloaded here.
      for (const room of rooms) {
        if (this.rooms.get(room.planId) !== room) continue;
        this.rooms.delete(room.planId);
        room.destroy();
      }
    }
  }
}
