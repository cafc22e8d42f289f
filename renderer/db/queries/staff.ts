import type { Staff } from '../../../shared/domain/schemas';
import type { YoufuDb } from '../database';

/** The staff reads of the shell and the screens: a station has tens of staff, a district a few hundred. */

/** Every staff row, opened (phones are sealed), by name. */
export async function staffByName(db: YoufuDb): Promise<Staff[]> {
  const rows = await db.staff.toArray();
  return (await Promise.all(rows.map((r) => db.codec.decode('staff', r)))).sort((a, b) => a.name.localeCompare(b.name, 'zh'));
}

/** Every staff row by id, opened. */
export async function staffById(db: YoufuDb): Promise<Map<string, Staff>> {
  const rows = await Promise.all((await db.staff.toArray()).map((s) => db.codec.decode('staff', s)));
  return new Map(rows.map((s) => [s.id, s]));
}

/** How many recipients name this staff member as their dedicated staff (index keys only). */
export async function dedicatedRecipientCount(db: YoufuDb, staffId: string): Promise<number> {
  return db.recipients.where('dedicatedStaffId').equals(staffId).count();
}
