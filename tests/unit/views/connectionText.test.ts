// [badge] The connection badge's sentence for each state: synced with its time, sending, connecting, offline.
import { describe, expect, it } from 'vitest';
import { sv } from '../../../src/i18n/sv.ts';
import { connectionText, lastSyncedText } from '../../../src/views/parts/connectionText.ts';
import { isoDate } from '../../../src/views/isoDate.ts';

// Local times, so the expected "HH:MM" does not depend on the machine's zone.
const now = new Date(2026, 10, 23, 16, 5);
const earlierToday = new Date(2026, 10, 23, 14, 32).toISOString();
const yesterday = new Date(2026, 10, 22, 9, 7).toISOString();

describe('connection badge', () => {
  it('says when the relay last confirmed everything: the time today, date and time before', () => {
    expect(connectionText({ state: 'synced', unsynced: 0, lastSyncedAt: earlierToday }, now)).toBe(
      'Synkad 14:32',
    );
    expect(connectionText({ state: 'synced', unsynced: 0, lastSyncedAt: yesterday }, now)).toBe(
      'Synkad 2026-11-22 09:07',
    );
    expect(connectionText({ state: 'synced', unsynced: 0, lastSyncedAt: null }, now)).toBe(
      sv['connection.synced'],
    );
  });

  it('mentions changes on their way only once they have waited', () => {
    const input = { state: 'synced', unsynced: 2, lastSyncedAt: earlierToday } as const;
    expect(connectionText(input, now)).toBe('Synkad 14:32');
    expect(connectionText({ ...input, sendingNoticed: true }, now)).toBe('Skickar 2 ändringar…');
    expect(connectionText({ ...input, unsynced: 1, sendingNoticed: true }, now)).toBe('Skickar 1 ändring…');
  });

  it('counts unconfirmed changes while connecting or offline', () => {
    expect(connectionText({ state: 'offline', unsynced: 0, lastSyncedAt: null }, now)).toBe('Offline');
    expect(connectionText({ state: 'offline', unsynced: 1, lastSyncedAt: null }, now)).toBe(
      'Offline – 1 ändring ej synkad',
    );
    expect(connectionText({ state: 'connecting', unsynced: 3, lastSyncedAt: null }, now)).toBe(
      'Ansluter… – 3 ändringar ej synkade',
    );
  });

  it('tells in its tooltip when this device last agreed with the relay', () => {
    expect(lastSyncedText(yesterday, now)).toBe('Senast synkad 2026-11-22 09:07');
    expect(lastSyncedText(null, now)).toBe(sv['connection.neverSynced']);
    expect(isoDate(now)).toBe('2026-11-23');
  });
});
