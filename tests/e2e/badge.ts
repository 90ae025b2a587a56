// The connection badge's sentences as the tests expect them, from the Swedish texts.
import { sv } from '../../src/i18n/sv.ts';

/** "Synkad 14:32": synced, with the time the relay last confirmed everything (today, so no date). */
export const SYNCED = new RegExp(`^${sv['connection.syncedAt'].replace('{time}', '\\d{2}:\\d{2}')}$`);

/** "Offline", with "– N ändringar ej synkade" when there are any. */
export function offlineWith(count: number): string {
  const base = sv['connection.offline'];
  if (count === 0) return base;
  const changes =
    count === 1
      ? sv['connection.unsyncedOne']
      : sv['connection.unsyncedMany'].replace('{count}', String(count));
  return `${base} – ${changes}`;
}
