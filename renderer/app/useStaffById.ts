import type { Staff } from '../../shared/domain/schemas';
import { useLiveQuery } from '../db/live';
import { staffById } from '../db/queries/staff';
import { useDb } from './DbProvider';

const EMPTY: ReadonlyMap<string, Staff> = new Map();

/** Every staff row by id, opened (phones are sealed): a station has tens of staff, a district a few hundred. */
export function useStaffById(): ReadonlyMap<string, Staff> {
  const db = useDb();
  return useLiveQuery(() => staffById(db), [db]) ?? EMPTY;
}
