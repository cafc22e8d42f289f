import { entitySchemas, stationSchema } from '../domain/schemas';
import { classifyOccurrence } from '../duties';
import { parseIdNumber } from '../validation/idNumber';
import { DEMO_TABLES, type DemoRow, type DemoTable } from './types';

/** What an audit of a demo data set found: problems (should be none) and figures to judge it by. */
export interface DemoAudit {
  problems: string[];
  counts: Record<DemoTable, number>;
  /** Recipients holding each category (a recipient with two counts twice). */
  categories: Record<string, number>;
  multiCategory: number;
  lunarBirthdays: number;
  statuses: Record<string, number>;
  recipientsPerStation: Map<string, number>;
  occurrenceStates: Record<string, number>;
  requestStatuses: Record<string, number>;
  voidedAid: number;
  /** Pending monthly home visits of each dedicated staff member's heroes, by staff username. */
  overdueMonthlyVisitsByStaff: Record<string, number>;
}

/**
 * Checks a demo data set the way its consumers depend on it: every row passes its zod schema,
 * references resolve to rows already seen (dutyOccurrences.visitId may point ahead, to a
 * visit of the same block), ID numbers are valid, unique and match birth dates, recipients
 * live at community stations, each active duty has exactly one pending occurrence. Holds only
 * ids and small counters, so it can audit a streamed data set. Shared by the generator's and
 * the CLI's tests, and usable by a loader that wants to check a file before importing it.
 */
export function auditDemoRows(rows: Iterable<DemoRow>, today: string, maxProblems = 50): DemoAudit {
  const problems: string[] = [];
  const problem = (msg: string): void => {
    if (problems.length < maxProblems) problems.push(msg);
  };
  const counts = Object.fromEntries(DEMO_TABLES.map((t) => [t, 0])) as Record<DemoTable, number>;
  const stationLevels = new Map<string, string>();
  const staffRoles = new Map<string, { role: string; username: string }>();
  const usernames = new Set<string>();
  const recipients = new Map<string, string>(); // id → stationCode
  const idNumbers = new Set<string>();
  const duties = new Map<string, { active: boolean; recipientId: string; kind: string; monthly: boolean; once: boolean }>();
  const pendingPerDuty = new Map<string, number>();
  const heroStaff = new Map<string, string>(); // recipient id → dedicated staff id
  const occurrences = new Set<string>();
  const forwardVisitRefs = new Set<string>();
  const visits = new Set<string>();
  const audit: DemoAudit = {
    problems,
    counts,
    categories: {},
    multiCategory: 0,
    lunarBirthdays: 0,
    statuses: {},
    recipientsPerStation: new Map(),
    occurrenceStates: {},
    requestStatuses: {},
    voidedAid: 0,
    overdueMonthlyVisitsByStaff: {},
  };
  const bump = (rec: Record<string, number>, key: string): void => {
    rec[key] = (rec[key] ?? 0) + 1;
  };
  const needStation = (code: string, what: string): void => {
    if (!stationLevels.has(code)) problem(`${what}: unknown station ${code}`);
  };
  const needRecipient = (id: string, stationCode: string, what: string): void => {
    const station = recipients.get(id);
    if (station === undefined) problem(`${what}: unknown recipient ${id}`);
    else if (station !== stationCode) problem(`${what}: station ${stationCode} is not the recipient's ${station}`);
  };
  const needStaff = (id: string, what: string): void => {
    if (!staffRoles.has(id)) problem(`${what}: unknown staff ${id}`);
  };

  for (const r of rows) {
    counts[r.table] += 1;
    const schema = r.table === 'stations' ? stationSchema : entitySchemas[r.table];
    const parsed = schema.safeParse(r.row);
    if (!parsed.success)
      problem(
        `${r.table} ${JSON.stringify(r.row).slice(0, 120)}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
      );

    switch (r.table) {
      case 'stations':
        if (r.row.parentCode !== null) needStation(r.row.parentCode, `station ${r.row.code}`);
        stationLevels.set(r.row.code, r.row.level);
        break;
      case 'staff':
        needStation(r.row.stationCode, `staff ${r.row.username}`);
        if (usernames.has(r.row.username)) problem(`duplicate username ${r.row.username}`);
        usernames.add(r.row.username);
        staffRoles.set(r.row.id, { role: r.row.role, username: r.row.username });
        break;
      case 'recipients': {
        const row = r.row;
        if (stationLevels.get(row.stationCode) !== 'community')
          problem(`recipient ${row.id}: ${row.stationCode} is not a community station`);
        const id = parseIdNumber(row.idNumber, today);
        if (!id.ok) problem(`recipient ${row.id}: ID ${row.idNumber} ${id.error}`);
        else {
          if (id.value.birthDate !== row.birthDate) problem(`recipient ${row.id}: birthDate ${row.birthDate} ≠ ID ${id.value.birthDate}`);
          if (id.value.gender !== row.gender) problem(`recipient ${row.id}: gender ≠ ID`);
        }
        if (idNumbers.has(row.idNumber)) problem(`duplicate ID number ${row.idNumber}`);
        idNumbers.add(row.idNumber);
        if (row.dedicatedStaffId !== null) {
          if (staffRoles.get(row.dedicatedStaffId)?.role !== 'dedicated_staff')
            problem(`recipient ${row.id}: dedicated staff is not dedicated_staff`);
          heroStaff.set(row.id, row.dedicatedStaffId);
        }
        recipients.set(row.id, row.stationCode);
        for (const c of row.categories) bump(audit.categories, c.code);
        if (row.categories.length > 1) audit.multiCategory++;
        if (row.lunarBirthday) audit.lunarBirthdays++;
        bump(audit.statuses, row.status);
        audit.recipientsPerStation.set(row.stationCode, (audit.recipientsPerStation.get(row.stationCode) ?? 0) + 1);
        break;
      }
      case 'duties':
        needRecipient(r.row.recipientId, r.row.stationCode, `duty ${r.row.id}`);
        if (r.row.assigneeId !== null) needStaff(r.row.assigneeId, `duty ${r.row.id}`);
        duties.set(r.row.id, {
          active: r.row.active,
          recipientId: r.row.recipientId,
          kind: r.row.kind,
          monthly: r.row.recurrence.type === 'monthly',
          once: r.row.recurrence.type === 'once',
        });
        pendingPerDuty.set(r.row.id, 0);
        break;
      case 'dutyOccurrences': {
        const o = r.row;
        const duty = duties.get(o.dutyId);
        if (!duty) problem(`occurrence ${o.id}: unknown duty`);
        else if (duty.recipientId !== o.recipientId) problem(`occurrence ${o.id}: recipient differs from its duty's`);
        needRecipient(o.recipientId, o.stationCode, `occurrence ${o.id}`);
        if (o.visitId !== null) forwardVisitRefs.add(o.visitId);
        if ((o.status === 'done') !== (o.visitId !== null && o.doneAt !== null))
          problem(`occurrence ${o.id}: done without visit or visit without done`);
        const state = classifyOccurrence(o, today);
        bump(audit.occurrenceStates, state);
        if (o.status === 'pending') {
          pendingPerDuty.set(o.dutyId, (pendingPerDuty.get(o.dutyId) ?? 0) + 1);
          const staffId = heroStaff.get(o.recipientId);
          if (state === 'overdue' && duty?.kind === 'home_visit' && duty.monthly && staffId !== undefined) {
            const username = staffRoles.get(staffId)?.username ?? staffId;
            bump(audit.overdueMonthlyVisitsByStaff, username);
          }
        }
        occurrences.add(o.id);
        break;
      }
      case 'visits': {
        const v = r.row;
        needRecipient(v.recipientId, v.stationCode, `visit ${v.id}`);
        for (const s of v.staffIds) needStaff(s, `visit ${v.id}`);
        if (v.dutyOccurrenceId !== null && !occurrences.has(v.dutyOccurrenceId)) problem(`visit ${v.id}: unknown occurrence`);
        if (v.visitedAt.slice(0, 10) >= today) problem(`visit ${v.id}: on or after today`);
        visits.add(v.id);
        break;
      }
      case 'aid':
        needRecipient(r.row.recipientId, r.row.stationCode, `aid ${r.row.id}`);
        if (r.row.visitId !== null && !visits.has(r.row.visitId)) problem(`aid ${r.row.id}: unknown visit`);
        if (r.row.voided) audit.voidedAid++;
        break;
      case 'requests':
        if (r.row.recipientId !== null) needRecipient(r.row.recipientId, r.row.stationCode, `request ${r.row.id}`);
        if (r.row.visitId !== null && !visits.has(r.row.visitId)) problem(`request ${r.row.id}: unknown visit`);
        if (r.row.assigneeId !== null) needStaff(r.row.assigneeId, `request ${r.row.id}`);
        if (r.row.referredTo !== null) needStation(r.row.referredTo, `request ${r.row.id}`);
        bump(audit.requestStatuses, r.row.status);
        break;
    }
  }

  for (const id of forwardVisitRefs) if (!visits.has(id)) problem(`occurrence names unknown visit ${id}`);
  for (const [id, pending] of pendingPerDuty) {
    const duty = duties.get(id)!;
    // A one-off duty that was done has nothing left to do.
    if (duty.active && pending !== 1 && !(duty.once && pending === 0)) problem(`active duty ${id} has ${pending} pending occurrences`);
    if (!duty.active && pending !== 0) problem(`inactive duty ${id} has ${pending} pending occurrences`);
  }
  return audit;
}
