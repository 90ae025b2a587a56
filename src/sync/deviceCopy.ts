// The plan's copy on this device: y-indexeddb, loaded without encoding again what it loads.
import { IndexeddbPersistence } from 'y-indexeddb';
import type { PlanDoc } from '../model/docs.ts';

/**
 * y-indexeddb with its own update listener held back until its load is in. Yjs encodes each transaction for the
 * doc's 'update' listeners, so with this one attached the load (3.5 MB for a 5,000-activity plan) was encoded
 * again, only for y-indexeddb to skip its own origin: ~0.2 s before the first rows.
 * Nothing is missed: in the same step as the load, y-indexeddb stores the state the doc had before it, and the
 * listener is back in that step too ('synced' is emitted synchronously after the load).
 */
export class DeviceCopy extends IndexeddbPersistence {
  constructor(name: string, doc: PlanDoc) {
    super(name, doc);
    doc.off('update', this._storeUpdate);
    this.on('synced', () => {
      if (!this._destroyed) doc.on('update', this._storeUpdate);
    });
  }
}
