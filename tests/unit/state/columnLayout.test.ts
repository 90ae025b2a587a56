// [column-layout] The table's layout as kept on the device: whatever is stored, it reads back whole and safe.
import { describe, expect, it } from 'vitest';
import { GRID_COLUMNS, defaultLayout, moveColumn, normaliseLayout } from '../../../src/state/columnLayout.ts';

const ids = (layout: readonly { id: string }[]): string[] => layout.map((pref) => pref.id);

describe('[column-layout] normalise and move', () => {
  it('[column-layout-default] anything unreadable gives every column in the default order', () => {
    for (const stored of [null, 'x', 42, {}, [1, 'a', null]])
      expect(normaliseLayout(stored)).toEqual(defaultLayout());
    expect(ids(defaultLayout())).toEqual([...GRID_COLUMNS]);
  });

  it('[column-layout-clean] drops unknown and repeated ids, keeps fixed columns shown and widths in range', () => {
    const layout = normaliseLayout([
      { id: 'note', hidden: true, width: 5 },
      { id: 'bogus', hidden: true },
      { id: 'note', hidden: false },
      { id: 'text', hidden: true, width: 99999 },
      { id: 'priority', hidden: true, width: 'wide' },
      { id: 'status', width: 151.6 },
    ]);
    const stored = new Set(['note', 'text', 'priority', 'status']);
    expect(layout.filter((pref) => stored.has(pref.id))).toEqual([
      { id: 'note', hidden: true, width: 40 },
      { id: 'text', hidden: false, width: 2000 },
      { id: 'priority', hidden: false },
      { id: 'status', hidden: false, width: 152 },
    ]);
    // Columns the stored layout did not know (added by a later version) come back, shown, in their default place.
    expect(new Set(ids(layout))).toEqual(new Set(GRID_COLUMNS));
    expect(layout).toHaveLength(GRID_COLUMNS.length);
    expect(layout.filter((pref) => pref.hidden).map((pref) => pref.id)).toEqual(['note']);
  });

  it('[column-layout-new-column] a layout saved before "decision" existed gets it back next to its default neighbours', () => {
    const old = GRID_COLUMNS.filter((id) => id !== 'decision' && id !== 'decisionDate').map((id) => ({
      id,
      hidden: false,
    }));
    expect(ids(normaliseLayout(old))).toEqual([...GRID_COLUMNS]);
  });

  it('[column-layout-move] moves one place either way and stops at the ends', () => {
    const start = defaultLayout();
    expect(ids(moveColumn(start, 'step', -1)).slice(0, 3)).toEqual(['priority', 'step', 'focusAreaId']);
    expect(ids(moveColumn(start, 'priority', -1))).toEqual(ids(start));
    expect(ids(moveColumn(start, 'decisionDate', 1))).toEqual(ids(start));
    expect(ids(moveColumn(start, 'decision', 1)).slice(-2)).toEqual(['decisionDate', 'decision']);
  });
});
