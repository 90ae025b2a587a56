// [order] Fractional order keys place items and break ties between equal keys by id.
import { describe, expect, it } from 'vitest';
import { compareByOrder, orderKeyFor, orderKeysAfter, sortByOrder } from '../../../src/model/order.ts';

describe('[order] fractional order keys', () => {
  const items = orderKeysAfter(null, 3).map((order, i) => ({ id: `id${i}`, order }));
  const [a, b, c] = items;

  it('makes keys that sort in sequence', () => {
    expect(sortByOrder([...items].reverse())).toEqual(items);
  });

  it('places before, after and last', () => {
    const before = orderKeyFor(items, { before: b?.id });
    const after = orderKeyFor(items, { after: b?.id });
    const last = orderKeyFor(items);
    expect(a && b && before > a.order && before < b.order).toBe(true);
    expect(b && c && after > b.order && after < c.order).toBe(true);
    expect(c && last > c.order).toBe(true);
  });

  it('places last when the anchor is unknown (it may have been deleted meanwhile)', () => {
    const key = orderKeyFor(items, { after: 'gone' });
    expect(c && key > c.order).toBe(true);
  });

  it('breaks ties between equal keys by id, and still finds a gap after them', () => {
    const same = [
      { id: 'b', order: 'a1' },
      { id: 'a', order: 'a1' },
    ];
    expect(sortByOrder(same).map((x) => x.id)).toEqual(['a', 'b']);
    expect(compareByOrder({ id: 'a', order: 'a1' }, { id: 'a', order: 'a1' })).toBe(0);
    const key = orderKeyFor([...same, { id: 'c', order: 'a2' }], { after: 'a' });
    expect(key > 'a1' && key < 'a2').toBe(true);
  });
});
