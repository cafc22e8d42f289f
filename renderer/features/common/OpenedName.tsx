import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../../app/DbProvider';

/**
 * A recipient's name, opened from its sealed row when the cell renders: for lists whose lines
 * are ordered and counted without names (a paginated table renders the page on screen only).
 */
export function useOpenedName(recipientId: string): string | null | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const stored = await db.recipients.get(recipientId);
    return stored ? (await db.codec.decode('recipients', stored)).name : null;
  }, [db, recipientId]);
}

export function OpenedName({ recipientId }: { recipientId: string }) {
  const name = useOpenedName(recipientId);
  return <span data-testid="opened-name">{name ?? (name === null ? '—' : '')}</span>;
}
