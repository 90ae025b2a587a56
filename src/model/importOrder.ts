// The order to create imported organisations in, read from how the file lists them, so owners read back the same.

/**
 * Orders new names so that every list keeps its order where it can: the CSV lists each activity's owners in the
 * plan's participant order, so "Krokom, Östersund" on one row and "Region, Östersund" on another say that Krokom
 * and Region both come before Östersund. A topological sort (Kahn) over those pairs; ties, and any longer cycle a
 * hand-edited file may hold, fall back to the order of first appearance.
 */
export function orderNewNames(lists: readonly (readonly string[])[]): string[] {
  const seen: string[] = [];
  const before = new Map<string, Set<string>>();
  for (const list of lists) {
    list.forEach((name, i) => {
      if (!before.has(name)) {
        before.set(name, new Set());
        seen.push(name);
      }
      const previous = list[i - 1];
      // The first row to order two names wins; a later row saying the opposite is not a new constraint.
      if (previous !== undefined && previous !== name && before.get(previous)?.has(name) !== true)
        before.get(name)?.add(previous);
    });
  }
  const placed = new Set<string>();
  const ordered: string[] = [];
  while (ordered.length < seen.length) {
    const ready = (name: string): boolean =>
      !placed.has(name) && [...(before.get(name) ?? [])].every((earlier) => placed.has(earlier));
    const next = seen.find(ready) ?? seen.find((name) => !placed.has(name));
    if (next === undefined) break;
    placed.add(next);
    ordered.push(next);
  }
  return ordered;
}
