import type { ReactNode } from 'react';
import { GENDER, LIVING_SITUATION, RECIPIENT_STATUS } from '../../../shared/domain/enums';
import type { Locale } from '../../../shared/domain/labels';
import type { Staff } from '../../../shared/domain/schemas';
import { classifyOccurrence, daysBetween } from '../../../shared/duties';
import { getStation } from '../../../shared/stations/tree';
import { CategoryTags } from '../../ui/CategoryTags';
import { DateText } from '../../ui/DateText';
import { DueStatusTag } from '../../ui/DueStatusTag';
import { HeroBadge } from '../../ui/HeroBadge';
import { maskIdNumber } from '../../../shared/validation/idNumber';
import { maskPhone } from '../../../shared/validation/phone';
import type { caseloadStrings } from './strings';
import type { CaseloadRow } from './useCaseload';

type Key = keyof typeof caseloadStrings.zh;

export interface CellContext {
  locale: Locale;
  today: string;
  staff: ReadonlyMap<string, Staff>;
}

export interface CaseloadColumn {
  key: string;
  title: Key;
  /** Fixed width in px; the categories column takes what is left. */
  width?: number;
  align?: 'left' | 'right';
  render: (row: CaseloadRow, ctx: CellContext) => ReactNode;
}

function NextDueCell({ dueDate, today }: { dueDate: string | null; today: string }) {
  if (!dueDate) return <span className="yf-secondary">—</span>;
  const state = classifyOccurrence({ status: 'pending', dueDate }, today);
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
      <DateText date={dueDate} />
      {state !== 'upcoming' && <DueStatusTag state={state} days={daysBetween(today, dueDate)} />}
    </span>
  );
}

const MONO = {
  fontVariantNumeric: 'tabular-nums',
  fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  whiteSpace: 'nowrap',
} as const;

export const CASELOAD_COLUMNS: readonly CaseloadColumn[] = [
  {
    key: 'name',
    title: 'colName',
    width: 160,
    render: ({ recipient: r }, { locale }) => (
      <span style={{ display: 'inline-flex', alignItems: 'center', whiteSpace: 'nowrap' }}>
        <HeroBadge categories={r.categories} plain />
        <span style={{ fontWeight: 600 }} data-testid="recipient-name">
          {r.name}
        </span>
        <span className="yf-secondary" style={{ marginInlineStart: 6 }}>
          {GENDER.labels[r.gender][locale]}
        </span>
        {r.status !== 'active' && (
          <span className="yf-secondary" style={{ marginInlineStart: 6 }}>
            ({RECIPIENT_STATUS.labels[r.status][locale]})
          </span>
        )}
      </span>
    ),
  },
  {
    key: 'id',
    title: 'colIdNumber',
    width: 180,
    render: ({ recipient: r }) => (
      <span style={MONO} data-testid="masked-id">
        {maskIdNumber(r.idNumber)}
      </span>
    ),
  },
  {
    key: 'phone',
    title: 'colPhone',
    width: 130,
    render: ({ recipient: r }) =>
      r.phones[0] ? (
        <span style={MONO} data-testid="masked-phone">
          {maskPhone(r.phones[0])}
        </span>
      ) : (
        <span style={MONO}>—</span>
      ),
  },
  { key: 'categories', title: 'colCategories', render: ({ recipient: r }) => <CategoryTags categories={r.categories} compact /> },
  { key: 'station', title: 'colStation', width: 110, render: ({ recipient: r }) => getStation(r.stationCode)?.name ?? r.stationCode },
  {
    key: 'living',
    title: 'colLiving',
    width: 110,
    render: ({ recipient: r }, { locale }) => r.livingSituation.map((l) => LIVING_SITUATION.labels[l][locale]).join('、') || '—',
  },
  {
    key: 'staff',
    title: 'colStaff',
    width: 110,
    render: ({ recipient: r }, { staff }) => (r.dedicatedStaffId ? (staff.get(r.dedicatedStaffId)?.name ?? '—') : '—'),
  },
  { key: 'nextDue', title: 'colNextDue', width: 210, render: (row, { today }) => <NextDueCell dueDate={row.nextDue} today={today} /> },
];
