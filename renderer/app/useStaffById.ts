import { useLiveQuery } from 'dexie-react-hooks';
import type { Staff } from '../../shared/domain/schemas';
import { useDb } from './DbProvider';

const EMPTY: ReadonlyMap<string, Staff> = new Map();

/** Every staff row by id, opened (phones are sealed): a station has tens of staff, a district a few hundred. */
export function useStaffById(): ReadonlyMap<string, Staff> {
  const db = useDb();
  return useLiveQuery(async () => {
    const rows = await Promise.all((await db.staff.toArray()).map((s) => db.codec.decode('staff', s)));
    return new Map(rows.map((s) => [s.id, s]));
  }, [db]) ?? EMPTY;
}
