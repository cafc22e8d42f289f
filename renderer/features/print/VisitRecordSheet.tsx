import { AID_KIND, CONDITION_LEVEL, CONTACT_OUTCOME, FESTIVAL, FUND_SOURCE, VISIT_MODE, VISIT_PURPOSE } from '../../../shared/domain/enums';
import type { Aid, Recipient, Visit } from '../../../shared/domain/schemas';
import { shanghaiDate } from '../../../shared/calendar/shanghai';
import { formatFen } from '../../../shared/validation/money';
import { useDb } from '../../app/DbProvider';
import { useLocale, useStrings } from '../../app/i18n';
import { useLiveQuery } from '../../db/live';
import { recipientById } from '../../db/queries/recipient';
import { aidOfVisit, visitById } from '../../db/queries/print';
import { useStaffList } from '../common/liveReads';
import { BlankLine, FieldGrid, FormTitle, PrintFrame, SectionTitle } from './PrintFrame';
import { PrintImage, PrintPhotos, usePrintableAttachments } from './PrintImages';
import { personFields, stationName } from './personFields';
import { paperDate, paperDateTime, visitDateIsLunar } from './printFormat';
import { printStrings } from './printStrings';

interface VisitRecord {
  visit: Visit;
  recipient: Recipient | null;
  aid: Aid[];
}

/** `#/print/visit/:id`: 走访记录表, one visit with its aid (each line's signature beside it) and photos. */
export function VisitRecordSheet({ visitId }: { visitId: string }) {
  const p = useStrings(printStrings);
  const locale = useLocale();
  const db = useDb();
  const staff = useStaffList();
  const record = useLiveQuery(async (): Promise<VisitRecord | null> => {
    const visit = await visitById(db, visitId);
    if (!visit) return null;
    const [recipient, aid] = await Promise.all([recipientById(db, visit.recipientId), aidOfVisit(db, visit.id)]);
    return { visit, recipient, aid };
  }, [db, visitId]);
  const photos = usePrintableAttachments({ table: 'visits', id: visitId });
  const staffName = (id: string) => staff?.find((s) => s.id === id)?.name ?? '—';
  const ready = record !== undefined && staff !== undefined && photos !== undefined;
  const name = record?.recipient?.name ?? '';
  const day = record ? shanghaiDate(record.visit.visitedAt) : '';

  return (
    <PrintFrame
      testId="print-visit"
      fileName={p('visitFile', { name, date: day })}
      ready={ready}
      missing={record === null || (record !== undefined && record.recipient === null)}
    >
      {record && record.recipient && photos ? (
        <VisitBody record={{ ...record, recipient: record.recipient }} photos={photos} staffName={staffName} locale={locale} />
      ) : null}
    </PrintFrame>
  );
}

function VisitBody({
  record: { visit, recipient, aid },
  photos,
  staffName,
  locale,
}: {
  record: VisitRecord & { recipient: Recipient };
  photos: NonNullable<ReturnType<typeof usePrintableAttachments>>;
  staffName: (id: string) => string;
  locale: 'zh' | 'en';
}) {
  const p = useStrings(printStrings);
  const c = visit.condition;
  const level = (v: typeof c.health) => (v ? CONDITION_LEVEL.label(v, locale) : '—');
  const day = shanghaiDate(visit.visitedAt);
  const time = paperDateTime(visit.visitedAt, locale);
  const lunar = visitDateIsLunar(visit, recipient.lunarBirthday);
  const purpose = VISIT_PURPOSE.label(visit.purpose, locale) + (visit.festival ? `（${FESTIVAL.label(visit.festival, locale)}）` : '');
  const sep = locale === 'zh' ? '、' : ', ';
  return (
    <>
      <FormTitle title={p('visitTitle')} sub={p('stationLine', { station: stationName(visit.stationCode) })} />
      <FieldGrid fields={personFields(recipient, locale, staffName)} />
      <SectionTitle>{p('visitHeading')}</SectionTitle>
      <FieldGrid
        fields={[
          [
            p('visitedAt'),
            <span data-testid="print-visit-date">
              {lunar ? `${paperDate(day, locale, { lunar: true })} ${time.split(' ').pop()}` : time}
            </span>,
            true,
          ],
          [p('mode'), VISIT_MODE.label(visit.mode, locale)],
          [p('outcome'), CONTACT_OUTCOME.label(visit.outcome, locale)],
          [p('purpose'), purpose],
          [p('staff'), visit.staffIds.map(staffName).join(sep)],
          [p('health'), level(c.health)],
          [p('living'), level(c.living)],
          [p('mood'), level(c.mood), true],
          [p('notes'), <div className="yf-print-text">{visit.notes}</div>, true],
        ]}
      />
      <SectionTitle>{p('aidHeading')}</SectionTitle>
      {aid.length === 0 ? (
        <p>{p('none')}</p>
      ) : (
        <table className="yf-print-table" data-testid="print-aid">
          <thead>
            <tr>
              <th>{p('aidKind')}</th>
              <th>{p('aidAmount')}</th>
              <th>{p('aidItem')}</th>
              <th>{p('aidFund')}</th>
              <th>{p('aidApprover')}</th>
              <th>{p('aidReceipt')}</th>
            </tr>
          </thead>
          <tbody>
            {aid.map((a) => (
              <AidLine key={a.id} aid={a} locale={locale} />
            ))}
          </tbody>
        </table>
      )}
      {photos.length > 0 ? (
        <>
          <SectionTitle>{p('photosHeading')}</SectionTitle>
          <PrintPhotos list={photos} />
        </>
      ) : null}
      <div className="yf-print-blanks">
        <BlankLine label={p('visitorSignature')} />
        <BlankLine label={p('dateHere')} />
        <BlankLine label={p('recipientSignature')} />
        <BlankLine label={p('dateHere')} />
      </div>
    </>
  );
}

/** One aid line; its signature (or signed receipt) is printed in the line, beside 已签收. */
function AidLine({ aid, locale }: { aid: Aid; locale: 'zh' | 'en' }) {
  const p = useStrings(printStrings);
  const receipts = (usePrintableAttachments({ table: 'aid', id: aid.id }) ?? []).filter(
    (a) => a.kind === 'signature' || a.kind === 'receipt',
  );
  const struck = aid.voided ? { textDecoration: 'line-through' } : undefined;
  return (
    <tr data-testid="print-aid-line">
      <td style={struck}>{AID_KIND.label(aid.kind, locale)}</td>
      <td className="yf-num" style={struck}>
        {aid.amountFen !== null ? formatFen(aid.amountFen) : '—'}
      </td>
      <td style={struck}>{aid.item ? `${aid.item}${aid.quantity ? ` × ${aid.quantity}` : ''}` : '—'}</td>
      <td style={struck}>{FUND_SOURCE.label(aid.fundSource, locale)}</td>
      <td style={struck}>{aid.approvedBy || '—'}</td>
      <td>
        {aid.voided ? (
          p('aidVoided', { reason: aid.voidReason ?? '' })
        ) : (
          <>
            <span data-testid="print-aid-receipt">{aid.acknowledged ? p('aidSigned') : p('aidUnsigned')}</span>
            {receipts.map((a) => (
              <PrintImage key={a.id} a={a} className="yf-print-signature" />
            ))}
          </>
        )}
      </td>
    </tr>
  );
}
