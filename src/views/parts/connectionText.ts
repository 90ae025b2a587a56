// The connection badge's sentences, as pure functions of the connection's state (tested without a browser).
import { t } from '../../i18n/index.ts';
import type { ConnectionState } from '../../sync/connection.ts';
import { stampOf } from '../isoDate.ts';

/** A change the relay confirms within this long is not worth a "sending" message: it would only flicker. */
export const SENDING_VISIBLE_AFTER_MS = 1500;

export interface BadgeInput {
  readonly state: ConnectionState;
  /** Local changes the relay has not confirmed. */
  readonly unsynced: number;
  /** When the relay last confirmed everything (ISO), or null. */
  readonly lastSyncedAt: string | null;
  /** True once unconfirmed changes have waited long enough on a live connection to mention. */
  readonly sendingNoticed?: boolean;
}

/** The badge's sentence. */
export function connectionText(input: BadgeInput, now: Date = new Date()): string {
  const { state, unsynced, lastSyncedAt } = input;
  if (state === 'synced') {
    if (unsynced > 0 && input.sendingNoticed === true)
      return unsynced === 1 ? t('connection.sendingOne') : t('connection.sendingMany', { count: unsynced });
    return lastSyncedAt === null
      ? t('connection.synced')
      : t('connection.syncedAt', { time: stampOf(lastSyncedAt, now) });
  }
  const base = state === 'connecting' ? t('connection.connecting') : t('connection.offline');
  if (unsynced === 0) return base;
  const count =
    unsynced === 1 ? t('connection.unsyncedOne') : t('connection.unsyncedMany', { count: unsynced });
  return `${base} – ${count}`;
}

/** The longer line for the tooltip: when this device last agreed with the relay. */
export const lastSyncedText = (lastSyncedAt: string | null, now: Date = new Date()): string =>
  lastSyncedAt === null
    ? t('connection.neverSynced')
    : t('connection.lastSynced', { time: stampOf(lastSyncedAt, now) });
