import { useLiveQuery } from 'dexie-react-hooks';
import type { Staff } from '../../shared/domain/schemas';
import { useDb } from './DbProvider';

const EMPTY: ReadonlyMap<string, Staff> = new Map();

/** Every staff row by id: a station has tens of staff, a district a few hundred. */
export function useStaffById(): ReadonlyMap<string, Staff> {
  const db = useDb();
  return useLiveQuery(async () => {
    const rows = await db.staff.toArray();
    return new Map(rows.map((s) => [s.id, db.codec.decodeSummary('staff', s)]));
  }, [db]) ?? EMPTY;
}
