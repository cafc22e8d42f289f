import { REQUEST_SOURCE, REQUEST_STATUS, REQUEST_TOPIC, URGENCY } from '../../../shared/domain/enums';
import type { Recipient, Request, RequestCallback } from '../../../shared/domain/schemas';
import { shanghaiDate } from '../../../shared/calendar/shanghai';
import { maskPhone } from '../../../shared/validation/phone';
import { useDb } from '../../app/DbProvider';
import { useLocale, useStrings } from '../../app/i18n';
import { useLiveQuery } from '../../db/live';
import { requestById } from '../../db/queries/print';
import { recipientById } from '../../db/queries/recipient';
import { useStaffList } from '../common/liveReads';
import { BlankLine, FieldGrid, FormTitle, PrintFrame, SectionTitle } from './PrintFrame';
import { personFields, stationName } from './personFields';
import { paperDate, paperDateTime } from './printFormat';
import { printStrings } from './printStrings';

/**
 * `#/print/request/:id`: 诉求处理单. The call-back (回访): the one on record, printed, or a ruled
 * section to fill in by hand when none is recorded yet.
 */
export function RequestSheet({ requestId }: { requestId: string }) {
  const p = useStrings(printStrings);
  const locale = useLocale();
  const db = useDb();
  const staff = useStaffList();
  const found = useLiveQuery(async (): Promise<{ request: Request; recipient: Recipient | null } | null> => {
    const request = await requestById(db, requestId);
    if (!request) return null;
    // A help-line caller not identified yet has no recipient: the form is printed without the person's boxes.
    return { request, recipient: request.recipientId ? await recipientById(db, request.recipientId) : null };
  }, [db, requestId]);
  const staffName = (id: string) => staff?.find((s) => s.id === id)?.name ?? '—';
  const recipient = found?.recipient ?? null;
  return (
    <PrintFrame
      testId="print-request"
      fileName={p('requestFile', { name: recipient?.name ?? '', date: found ? shanghaiDate(found.request.openedAt) : '' })}
      ready={found !== undefined && staff !== undefined}
      missing={found === null}
    >
      {found ? (
        <>
          <FormTitle title={p('requestTitle')} sub={p('stationLine', { station: stationName(found.request.stationCode) })} />
          {recipient ? <FieldGrid fields={personFields(recipient, locale, staffName)} /> : null}
          <RequestFields request={found.request} staffName={staffName} locale={locale} />
          {found.request.callback ? (
            <RecordedCallback callback={found.request.callback} staffName={staffName} locale={locale} />
          ) : (
            <Callback />
          )}
        </>
      ) : null}
    </PrintFrame>
  );
}

function RequestFields({ request: r, staffName, locale }: { request: Request; staffName: (id: string) => string; locale: 'zh' | 'en' }) {
  const p = useStrings(printStrings);
  return (
    <>
      <SectionTitle>{p('requestHeading')}</SectionTitle>
      <FieldGrid
        fields={[
          [p('openedAt'), paperDateTime(r.openedAt, locale)],
          [p('source'), REQUEST_SOURCE.label(r.source, locale)],
          ...(r.callerName || r.callerPhone
            ? [[p('caller'), [r.callerName, r.callerPhone ? maskPhone(r.callerPhone) : ''].filter(Boolean).join('　')] as const]
            : []),
          [p('topic'), REQUEST_TOPIC.label(r.topic, locale)],
          [p('urgency'), <span data-testid="print-request-urgency">{URGENCY.label(r.urgency, locale)}</span>],
          [p('status'), <span data-testid="print-request-status">{REQUEST_STATUS.label(r.status, locale)}</span>],
          [p('requestAssignee'), r.assigneeId ? staffName(r.assigneeId) : ''],
          [p('description'), <div className="yf-print-text">{r.description}</div>, true],
          [p('resolution'), <div className="yf-print-text">{r.resolution}</div>, true],
          [p('referral'), r.referredTo ? p('referredTo', { station: stationName(r.referredTo) }) : p('notReferred')],
          [p('closedAt'), r.closedAt ? paperDateTime(r.closedAt, locale) : ''],
        ]}
      />
    </>
  );
}

/** The call-back on record (issue 16: resolving needs one): date, result, satisfied, by whom. */
function RecordedCallback({
  callback: c,
  staffName,
  locale,
}: {
  callback: RequestCallback;
  staffName: (id: string) => string;
  locale: 'zh' | 'en';
}) {
  const p = useStrings(printStrings);
  return (
    <section data-testid="print-callback">
      <SectionTitle>{p('callbackRecorded')}</SectionTitle>
      <FieldGrid
        fields={[
          [p('callbackDate'), paperDate(c.at, locale)],
          [p('callbackSatisfied'), c.satisfied ? p('satisfiedYes') : p('satisfiedNo')],
          [p('callbackResult'), <div className="yf-print-text">{c.result}</div>, true],
          [p('callbackByName'), staffName(c.by)],
        ]}
      />
    </section>
  );
}

/** The call-back section: labelled blank lines and boxes to tick, for the caller's hand. */
function Callback() {
  const p = useStrings(printStrings);
  return (
    <section data-testid="print-callback">
      <SectionTitle>{p('callbackHeading')}</SectionTitle>
      <p className="yf-print-sub">{p('callbackNote')}</p>
      <div className="yf-print-blanks">
        <BlankLine label={p('callbackDate')} />
        <div className="yf-print-blank">
          <span>{p('callbackMethod')}</span>
          <span>{p('callbackMethods')}</span>
        </div>
      </div>
      <BlankLine label={p('callbackResult')} wide />
      <BlankLine label="" wide />
      <BlankLine label="" wide />
      <div className="yf-print-blanks">
        <div className="yf-print-blank">
          <span>{p('callbackSatisfied')}</span>
          <span>{p('callbackSatisfiedOptions')}</span>
        </div>
      </div>
      <div className="yf-print-blanks">
        <BlankLine label={p('callbackBy')} />
        <BlankLine label={p('dateHere')} />
      </div>
    </section>
  );
}
