import { useDb } from '../../app/DbProvider';
import { useLiveQuery } from '../../db/live';
import { recipientName } from '../../db/queries/recipient';

/**
 * A recipient's name, opened from its sealed row when the cell renders: for lists whose lines
 * are ordered and counted without names (a paginated table renders the page on screen only).
 */
export function useOpenedName(recipientId: string): string | null | undefined {
  const db = useDb();
  return useLiveQuery(() => recipientName(db, recipientId), [db, recipientId]);
}

export function OpenedName({ recipientId }: { recipientId: string }) {
  const name = useOpenedName(recipientId);
  return <span data-testid="opened-name">{name ?? (name === null ? '—' : '')}</span>;
}
