// Presence's pure parts: colours (AA on white, stable per client), initials, peer-state validation, and the throttle.
import { describe, expect, it } from 'vitest';
import { PRESENCE_COLORS, initials, presenceColor } from '../../../src/sync/presenceColors.ts';
import { parsePresenceState, readPeers } from '../../../src/sync/presence.ts';
import { throttle } from '../../../src/sync/throttle.ts';
import type { ThrottleClock } from '../../../src/sync/throttle.ts';

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}
const contrastWithWhite = (hex: string): number => 1.05 / (luminance(hex) + 0.05);

/** A clock the test moves by hand. */
function fakeClock(): ThrottleClock & { advance(ms: number): void } {
  let now = 0;
  let timers: { at: number; run: () => void }[] = [];
  return {
    now: () => now,
    setTimeout: (run, ms) => {
      const timer = { at: now + ms, run };
      timers.push(timer);
      return timer;
    },
    clearTimeout: (timer) => {
      timers = timers.filter((t) => t !== timer);
    },
    advance(ms) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const timer of due) timer.run();
    },
  };
}

describe('presence colours', () => {
  it('every palette colour has AA contrast (≥ 4.5:1) with white', () => {
    for (const color of PRESENCE_COLORS) expect(contrastWithWhite(color)).toBeGreaterThanOrEqual(4.5);
  });

  it('a client id always gets the same colour, and neighbouring ids get different ones', () => {
    expect(presenceColor(123456)).toBe(presenceColor(123456));
    expect(presenceColor(1)).not.toBe(presenceColor(2));
    expect(PRESENCE_COLORS).toContain(presenceColor(4294967295));
    expect(PRESENCE_COLORS).toContain(presenceColor(-7));
  });

  it('initials come from the first and last words', () => {
    expect(initials('Alice Andersson')).toBe('AA');
    expect(initials('  åsa  maria östlund ')).toBe('ÅÖ');
    expect(initials('Cher')).toBe('C');
    expect(initials('')).toBe('?');
  });
});

describe('peer states', () => {
  it('keeps checked names, a well-formed cell and editing only with a cell', () => {
    expect(
      parsePresenceState({
        user: { name: ' Alice ', organisation: 'Region', color: 'red' },
        cell: { activityId: 'a1', field: 'text' },
        editing: true,
        extra: 'dropped',
      }),
    ).toEqual({
      name: 'Alice',
      organisation: 'Region',
      cell: { activityId: 'a1', field: 'text' },
      editing: true,
    });
    expect(
      parsePresenceState({ user: { name: 'Bo', organisation: '' }, cell: { activityId: 5 }, editing: true }),
    ).toEqual({ name: 'Bo', organisation: '', cell: null, editing: false });
  });

  it('drops states that name no usable person', () => {
    expect(parsePresenceState(null)).toBeNull();
    expect(parsePresenceState({})).toBeNull();
    expect(parsePresenceState({ user: { name: '  ', organisation: '' } })).toBeNull();
    expect(parsePresenceState({ user: { name: 'x'.repeat(101), organisation: '' } })).toBeNull();
    expect(parsePresenceState({ user: { name: 'Bo', organisation: 7 } })).toBeNull();
  });

  it('lists oneself first, then the others by name, with colours from their client ids', () => {
    const peers = readPeers(
      new Map<number, unknown>([
        [3, { user: { name: 'Örjan', organisation: '' } }],
        [1, { user: { name: 'Bertil', organisation: '' } }],
        [2, { user: { name: 'Zara', organisation: '' } }],
        [4, {}],
      ]),
      2,
    );
    expect(peers.map((peer) => [peer.name, peer.self])).toEqual([
      ['Zara', true],
      ['Bertil', false],
      ['Örjan', false],
    ]);
    expect(peers[1]?.color).toBe(presenceColor(1));
  });
});

describe('throttle', () => {
  it('runs at once, then at most once per interval with the latest call', () => {
    const clock = fakeClock();
    let runs = 0;
    const run = throttle(() => (runs += 1), 100, clock);
    run();
    expect(runs).toBe(1);
    run();
    run();
    clock.advance(50);
    run();
    expect(runs).toBe(1);
    clock.advance(50);
    expect(runs).toBe(2);
    clock.advance(500);
    expect(runs).toBe(2);
    run();
    expect(runs).toBe(3);
  });

  it('cancel drops a waiting run and flush runs it now', () => {
    const clock = fakeClock();
    let runs = 0;
    const run = throttle(() => (runs += 1), 100, clock);
    run();
    run();
    run.cancel();
    clock.advance(200);
    expect(runs).toBe(1);
    run();
    run();
    run.flush();
    expect(runs).toBe(3);
  });
});
