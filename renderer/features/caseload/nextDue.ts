/**
 * Ids by next due date, the earliest (most overdue) first; recipients due the same day keep the
 * order given (by station), and those with nothing pending come last, in that order too.
 */
export function orderByNextDue(ids: readonly string[], nextDue: ReadonlyMap<string, string>): string[] {
  const due: string[] = [];
  const rest: string[] = [];
  for (const id of ids) (nextDue.has(id) ? due : rest).push(id);
  // Array sort is stable: equal dates keep their order.
  due.sort((a, b) => {
    const da = nextDue.get(a)!;
    const db = nextDue.get(b)!;
    return da === db ? 0 : da < db ? -1 : 1;
  });
  return [...due, ...rest];
}
