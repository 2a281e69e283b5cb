/** Rows grouped by a number (an incident's id), each group in the order the rows came. */
export function groupBy<T, V>(items: readonly T[], keyOf: (item: T) => number, valueOf: (item: T) => V): Map<number, V[]> {
  const groups = new Map<number, V[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(valueOf(item));
    else groups.set(key, [valueOf(item)]);
  }
  return groups;
}
