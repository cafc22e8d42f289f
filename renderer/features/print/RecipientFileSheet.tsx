import {
  AID_KIND,
  CATEGORY,
  DISABILITY_CAUSE,
  FAMILY_RELATION,
  FESTIVAL,
  FUND_SOURCE,
  LIVING_SITUATION,
  PENSION_KIND,
  REQUEST_STATUS,
  REQUEST_TOPIC,
  URGENCY,
  VISIT_MODE,
  VISIT_PURPOSE,
} from '../../../shared/domain/enums';
import type { Duty, DutyOccurrence, Recipient } from '../../../shared/domain/schemas';
import { shanghaiDate } from '../../../shared/calendar/shanghai';
import { formatFen } from '../../../shared/validation/money';
import { maskPhone } from '../../../shared/validation/phone';
import { useDb } from '../../app/DbProvider';
import { useLocale, useStrings } from '../../app/i18n';
import { useToday } from '../../app/useToday';
import { useLiveQuery } from '../../db/live';
import { recipientTimeline, type TimelineEntry } from '../../db/queries/recipient';
import { dutyLabel, isLunarDuty } from '../common/dutyLabel';
import { useDuties, usePendingOccurrences, useRecipient, useStaffList } from '../common/liveReads';
import { FieldGrid, FormTitle, PrintFrame, SectionTitle } from './PrintFrame';
import { personFields, stationName } from './personFields';
import { historyStart, inLastYear, paperDate } from './printFormat';
import { printStrings } from './printStrings';

/** `#/print/recipient/:id`: 一人一档, the profile sheet with categories, duties and the last year of history. */
export function RecipientFileSheet({ recipientId }: { recipientId: string }) {
  const p = useStrings(printStrings);
  const locale = useLocale();
  const db = useDb();
  const today = useToday();
  const recipient = useRecipient(recipientId);
  const staff = useStaffList();
  const duties = useDuties(recipientId);
  const pending = usePendingOccurrences(recipientId);
  const timeline = useLiveQuery(() => recipientTimeline(db, recipientId), [db, recipientId]);
  const staffName = (id: string) => staff?.find((s) => s.id === id)?.name ?? '—';
  const ready = [recipient, staff, duties, pending, timeline].every((x) => x !== undefined);
  return (
    <PrintFrame
      testId="print-recipient"
      fileName={p('fileFile', { name: recipient?.name ?? '' })}
      ready={ready}
      missing={recipient === null}
    >
      {recipient && duties && pending && timeline ? (
        <>
          <FormTitle title={p('fileTitle')} sub={p('stationLine', { station: stationName(recipient.stationCode) })} />
          <SectionTitle>{p('personalHeading')}</SectionTitle>
          <FieldGrid fields={[...personFields(recipient, locale, staffName), ...moreFields(recipient, locale)]} />
          <Categories recipient={recipient} locale={locale} />
          <Duties duties={duties} pending={pending} recipient={recipient} staffName={staffName} locale={locale} />
          <History entries={timeline.filter((e) => inLastYear(e.date, today))} today={today} staffName={staffName} locale={locale} />
        </>
      ) : null}
    </PrintFrame>
  );
}

function moreFields(r: Recipient, locale: 'zh' | 'en') {
  const s = printStrings[locale];
  const sep = locale === 'zh' ? '、' : ', ';
  return [
    [s.livingSituation, r.livingSituation.map((l) => LIVING_SITUATION.label(l, locale)).join(sep)],
    [s.pensionKind, r.pensionKind ? PENSION_KIND.label(r.pensionKind, locale) : ''],
    [s.medicalCard, r.medicalCard ? s.yes : s.no],
    [s.tags, r.tags.join(sep)],
    [s.emergencyContacts, r.emergencyContacts.map((c) => `${c.name}（${c.relation}）${maskPhone(c.phone)}`).join(sep), true],
    [s.healthNotes, <div className="yf-print-text">{r.healthNotes}</div>, true],
  ] as const;
}

function Categories({ recipient, locale }: { recipient: Recipient; locale: 'zh' | 'en' }) {
  const p = useStrings(printStrings);
  return (
    <>
      <SectionTitle>{p('categoriesHeading')}</SectionTitle>
      <table className="yf-print-table" data-testid="print-categories">
        <thead>
          <tr>
            <th>{p('categoryCode')}</th>
            <th>{p('disabilityGrade')}</th>
            <th>{p('disabilityCause')}</th>
            <th>{p('relation')}</th>
            <th>{p('fallen')}</th>
          </tr>
        </thead>
        <tbody>
          {recipient.categories.map((c) => (
            <tr key={c.code}>
              <td>{CATEGORY.label(c.code, locale)}</td>
              <td>{c.disabilityGrade ? p('gradeValue', { grade: c.disabilityGrade }) : '—'}</td>
              <td>{c.disabilityCause ? DISABILITY_CAUSE.label(c.disabilityCause, locale) : '—'}</td>
              <td>{c.relation ? FAMILY_RELATION.label(c.relation, locale) : '—'}</td>
              <td>{[c.fallenName, c.fallenDate ? paperDate(c.fallenDate, locale) : null].filter(Boolean).join(' ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function Duties({
  duties,
  pending,
  recipient,
  staffName,
  locale,
}: {
  duties: readonly Duty[];
  pending: readonly DutyOccurrence[];
  recipient: Recipient;
  staffName: (id: string) => string;
  locale: 'zh' | 'en';
}) {
  const p = useStrings(printStrings);
  const nextDue = (dutyId: string) => pending.find((o) => o.dutyId === dutyId)?.dueDate ?? null;
  const ordered = [...duties].sort(
    (a, b) => Number(b.active) - Number(a.active) || (nextDue(a.id) ?? '9').localeCompare(nextDue(b.id) ?? '9'),
  );
  return (
    <>
      <SectionTitle>{p('dutiesHeading')}</SectionTitle>
      {ordered.length === 0 ? (
        <p>{p('none')}</p>
      ) : (
        <table className="yf-print-table" data-testid="print-duties">
          <thead>
            <tr>
              <th>{p('duty')}</th>
              <th>{p('nextDue')}</th>
              <th>{p('assignee')}</th>
            </tr>
          </thead>
          <tbody>
            {ordered.map((d) => {
              const due = nextDue(d.id);
              return (
                <tr key={d.id}>
                  <td>
                    {dutyLabel(d, locale)}
                    {d.note ? `（${d.note}）` : ''}
                  </td>
                  <td>
                    {!d.active ? p('dutyInactive') : due ? paperDate(due, locale, { lunar: isLunarDuty(d, recipient.lunarBirthday) }) : '—'}
                  </td>
                  <td>{d.assigneeId ? staffName(d.assigneeId) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}

function History({
  entries,
  today,
  staffName,
  locale,
}: {
  entries: readonly TimelineEntry[];
  today: string;
  staffName: (id: string) => string;
  locale: 'zh' | 'en';
}) {
  const p = useStrings(printStrings);
  const sep = locale === 'zh' ? '、' : ', ';
  const day = (e: TimelineEntry) => paperDate(e.kind === 'aid' ? e.date : shanghaiDate(e.date), locale);
  const visits = entries.flatMap((e) => (e.kind === 'visit' ? [e] : []));
  const aid = entries.flatMap((e) => (e.kind === 'aid' ? [e] : []));
  const requests = entries.flatMap((e) => (e.kind === 'request' ? [e] : []));
  const aidTotal = aid.reduce((sum, e) => sum + (e.row.voided ? 0 : (e.row.amountFen ?? 0)), 0);
  return (
    <>
      <SectionTitle>{p('historyHeading', { from: paperDate(historyStart(today), locale), to: paperDate(today, locale) })}</SectionTitle>
      {entries.length === 0 ? <p>{p('noRecords')}</p> : null}
      {visits.length > 0 ? (
        <table className="yf-print-table" data-testid="print-history-visits">
          <caption>{p('visitsHeading', { count: visits.length })}</caption>
          <thead>
            <tr>
              <th>{p('date')}</th>
              <th>{p('mode')}</th>
              <th>{p('purpose')}</th>
              <th>{p('staff')}</th>
              <th>{p('notes')}</th>
            </tr>
          </thead>
          <tbody>
            {visits.map((e) => (
              <tr key={e.row.id}>
                <td>{day(e)}</td>
                <td>{VISIT_MODE.label(e.row.mode, locale)}</td>
                <td>
                  {VISIT_PURPOSE.label(e.row.purpose, locale)}
                  {e.row.festival ? `（${FESTIVAL.label(e.row.festival, locale)}）` : ''}
                </td>
                <td>{e.row.staffIds.map(staffName).join(sep)}</td>
                <td>{e.row.notes}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {aid.length > 0 ? (
        <table className="yf-print-table" data-testid="print-history-aid">
          <caption>{p('aidListHeading', { count: aid.filter((e) => !e.row.voided).length, total: formatFen(aidTotal) })}</caption>
          <thead>
            <tr>
              <th>{p('date')}</th>
              <th>{p('aidKind')}</th>
              <th>{p('aidAmount')}</th>
              <th>{p('aidItem')}</th>
              <th>{p('aidFund')}</th>
              <th>{p('aidReceipt')}</th>
            </tr>
          </thead>
          <tbody>
            {aid.map((e) => (
              <tr key={e.row.id} style={e.row.voided ? { textDecoration: 'line-through' } : undefined}>
                <td>{day(e)}</td>
                <td>{AID_KIND.label(e.row.kind, locale)}</td>
                <td className="yf-num">{e.row.amountFen !== null ? formatFen(e.row.amountFen) : '—'}</td>
                <td>{e.row.item ? `${e.row.item}${e.row.quantity ? ` × ${e.row.quantity}` : ''}` : '—'}</td>
                <td>{FUND_SOURCE.label(e.row.fundSource, locale)}</td>
                <td>
                  {e.row.voided
                    ? p('aidVoided', { reason: e.row.voidReason ?? '' })
                    : e.row.acknowledged
                      ? p('aidSigned')
                      : p('aidUnsigned')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {requests.length > 0 ? (
        <table className="yf-print-table" data-testid="print-history-requests">
          <caption>{p('requestsHeading', { count: requests.length })}</caption>
          <thead>
            <tr>
              <th>{p('date')}</th>
              <th>{p('topic')}</th>
              <th>{p('urgency')}</th>
              <th>{p('status')}</th>
              <th>{p('description')}</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((e) => (
              <tr key={e.row.id}>
                <td>{day(e)}</td>
                <td>{REQUEST_TOPIC.label(e.row.topic, locale)}</td>
                <td>{URGENCY.label(e.row.urgency, locale)}</td>
                <td>{REQUEST_STATUS.label(e.row.status, locale)}</td>
                <td>{e.row.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
