import { createHash, randomUUID } from 'node:crypto';
import { idNumberCheckChar } from '../../shared/validation/idNumber';
import type { Mutation } from '../../shared/sync/protocol';
import { encodeHlc } from '../../shared/sync/hlc';

/** Stations of the real tree used by the tests: two streets of 福田区 and one of 南山区. */
export const ST = {
  city: '4403',
  futian: '440304',
  yuanling: '440304001',
  yuanlingA: '440304001001',
  yuanlingB: '440304001002',
  nanyuan: '440304002',
  nanyuanA: '440304002001',
  nanshan: '440305',
  nantouA: '440305001001',
} as const;

let idSerial = 0;
/** A valid resident ID number, different on every call. */
export function newIdNumber(): string {
  idSerial += 1;
  const first17 = `440304195${idSerial % 10}0101${String(100 + (idSerial % 900)).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

const T = '2026-11-28T09:30:00+08:00';

export function recipientFields(stationCode: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  const idNumber = newIdNumber();
  return {
    // Digit 17 of the ID number is odd for a man: the gender the number states.
    name: '张建国',
    gender: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female',
    idNumber,
    birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
    lunarBirthday: false,
    phones: ['13800138000'],
    address: '园岭新村 12 栋',
    stationCode,
    categories: [{ code: 'key_recipient' }],
    livingSituation: [],
    healthNotes: '',
    pensionKind: null,
    emergencyContacts: [],
    dedicatedStaffId: null,
    medicalCard: false,
    status: 'active',
    statusDate: null,
    tags: [],
    rev: 0,
    updatedAt: T,
    ...over,
  };
}

export function visitFields(
  recipientId: string,
  stationCode: string,
  staffId: string,
  over: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    recipientId,
    stationCode,
    visitedAt: T,
    mode: 'home',
    purpose: 'routine',
    festival: null,
    staffIds: [staffId],
    condition: { health: null, living: null, mood: null },
    notes: '',
    dutyOccurrenceId: null,
    photos: [],
    rev: 0,
    updatedAt: T,
    ...over,
  };
}

export function aidFields(recipientId: string, stationCode: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    recipientId,
    stationCode,
    date: '2026-11-28',
    kind: 'cash',
    amountFen: 50000,
    quantity: null,
    item: null,
    fundSource: 'government_budget',
    approvedBy: '站长',
    visitId: null,
    acknowledged: true,
    voided: false,
    voidReason: null,
    rev: 0,
    updatedAt: T,
    ...over,
  };
}

export function dutyFields(recipientId: string, stationCode: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    recipientId,
    stationCode,
    kind: 'phone_call',
    recurrence: { type: 'monthly' },
    anchorDate: '2026-11-01',
    assigneeId: null,
    active: true,
    source: 'custom',
    note: '',
    rev: 0,
    updatedAt: T,
    ...over,
  };
}

export function occurrenceFields(
  dutyId: string,
  recipientId: string,
  stationCode: string,
  over: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    dutyId,
    recipientId,
    stationCode,
    dueDate: '2026-12-01',
    status: 'pending',
    doneAt: null,
    visitId: null,
    rev: 0,
    updatedAt: T,
    ...over,
  };
}

export function signoffFields(stationCode: string, signedBy: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    stationCode,
    weekStart: '2026-11-23',
    comment: '本周正常',
    signedBy,
    signedByName: '签核人',
    signedAt: T,
    figures: { recipients: 10, visitsDue: 5, visitsDone: 4, overdue: 1, heroesOverdue: 0, aidFen: 50000 },
    rev: 0,
    updatedAt: T,
    ...over,
  };
}

/** An attachment row for `bytes` (a JPEG photo of a visit unless `over` says otherwise). */
export function attachmentFields(
  recipientId: string,
  stationCode: string,
  owner: { table: 'visits' | 'aid' | 'requests' | 'recipients'; id: string },
  bytes: Uint8Array,
  createdBy: string,
  over: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    recipientId,
    stationCode,
    ownerTable: owner.table,
    ownerId: owner.id,
    kind: 'visit_photo',
    mime: 'image/jpeg',
    sha256: createHash('sha256').update(bytes).digest('hex'),
    size: bytes.length,
    width: 1600,
    height: 1200,
    thumbSha256: null,
    thumbSize: null,
    fileName: '走访.jpg',
    caption: '',
    createdBy,
    createdAt: T,
    withdrawn: false,
    withdrawReason: null,
    rev: 0,
    updatedAt: T,
    ...over,
  };
}

/** An HLC `offsetMs` away from `base`, from node `node`. */
export function hlcAt(base: Date, node: string, offsetMs = 0, counter = 0): string {
  return encodeHlc({ millis: base.getTime() + offsetMs, counter, node });
}

/** Builds mutations for one client with increasing seqs. */
export class MutationFactory {
  private seq = 0;
  private counter = 0;
  constructor(
    readonly clientId: string,
    private readonly clock: () => Date,
  ) {}

  nextSeq(): number {
    return this.seq + 1;
  }

  skip(n: number): void {
    this.seq += n;
  }

  upsert(table: string, rowId: string, fields: Record<string, unknown>, baseRev = 0): Mutation {
    this.seq += 1;
    this.counter += 1;
    return {
      id: randomUUID(),
      seq: this.seq,
      table,
      rowId,
      op: 'upsert',
      fields,
      baseRev,
      hlc: hlcAt(this.clock(), this.clientId, 0, this.counter % 0xffff),
    };
  }

  delete(table: string, rowId: string, baseRev: number): Mutation {
    this.seq += 1;
    this.counter += 1;
    return {
      id: randomUUID(),
      seq: this.seq,
      table,
      rowId,
      op: 'delete',
      fields: {},
      baseRev,
      hlc: hlcAt(this.clock(), this.clientId, 0, this.counter % 0xffff),
    };
  }
}
