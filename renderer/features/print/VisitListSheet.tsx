import { CONTACT_OUTCOME, FESTIVAL, VISIT_MODE, VISIT_PURPOSE } from '../../../shared/domain/enums';
import { shanghaiDateTimeText } from '../../../shared/calendar/shanghai';
import { useDb, useDbSession } from '../../app/DbProvider';
import { useLocale, useStrings } from '../../app/i18n';
import { useToday } from '../../app/useToday';
import { useLiveQuery } from '../../db/live';
import { openVisitLines, visitSummariesOfStation } from '../../db/queries/print';
import { useStaffList } from '../common/liveReads';
import { FormTitle, PrintFrame } from './PrintFrame';
import { categoriesText, stationName } from './personFields';
import { paperDate, selectVisitsForList, visitListRange } from './printFormat';
import { printStrings } from './printStrings';

/** `#/print/visits?station=&from=&to=` (or `week=1`): a station's visits of a day or a week, for the file. */
export function VisitListSheet({
  station: rawStation,
  from,
  to,
  week,
}: {
  station: string | null;
  from: string | null;
  to: string | null;
  week: string | null;
}) {
  const p = useStrings(printStrings);
  const locale = useLocale();
  const db = useDb();
  const { user } = useDbSession();
  const today = useToday();
  const station = rawStation || user.stationCode;
  const range = visitListRange({ from, to, week }, today);
  const staff = useStaffList();
  const lines = useLiveQuery(
    async () => openVisitLines(db, selectVisitsForList(await visitSummariesOfStation(db, station), station, range)),
    [db, station, range.from, range.to],
  );
  const staffName = (id: string) => staff?.find((s) => s.id === id)?.name ?? '—';
  const sep = locale === 'zh' ? '、' : ', ';
  const period =
    range.from === range.to
      ? paperDate(range.from, locale)
      : p('listRange', { from: paperDate(range.from, locale), to: paperDate(range.to, locale) });
  return (
    <PrintFrame
      testId="print-visit-list"
      fileName={p('listFile', { from: range.from, to: range.to })}
      ready={lines !== undefined && staff !== undefined}
    >
      {lines ? (
        <>
          <FormTitle
            title={p('listTitle', { station: stationName(station) })}
            sub={<span data-testid="print-list-period">{period}</span>}
          />
          <p data-testid="print-list-count">{p('listCount', { count: lines.length })}</p>
          {lines.length === 0 ? (
            <p>{p('listEmpty')}</p>
          ) : (
            <table className="yf-print-table" data-testid="print-list">
              <thead>
                <tr>
                  <th>{p('seq')}</th>
                  <th>{p('time')}</th>
                  <th>{p('name')}</th>
                  <th>{p('categories')}</th>
                  <th>{p('mode')}</th>
                  <th>{p('purpose')}</th>
                  <th>{p('staff')}</th>
                </tr>
              </thead>
              <tbody>
                {lines.map(({ visit: v, recipient }, i) => (
                  <tr key={v.id} data-testid="print-list-line">
                    <td className="yf-num">{i + 1}</td>
                    <td style={{ whiteSpace: 'nowrap' }}>{shanghaiDateTimeText(new Date(v.visitedAt))}</td>
                    <td>{recipient?.name ?? '—'}</td>
                    <td>{recipient ? categoriesText(recipient.categories, locale) : '—'}</td>
                    <td>
                      {VISIT_MODE.label(v.mode, locale)}
                      {v.outcome === 'not_reached' ? `（${CONTACT_OUTCOME.label('not_reached', locale)}）` : ''}
                    </td>
                    <td>
                      {VISIT_PURPOSE.label(v.purpose, locale)}
                      {v.festival ? `（${FESTIVAL.label(v.festival, locale)}）` : ''}
                    </td>
                    <td>{v.staffIds.map(staffName).join(sep)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ) : null}
    </PrintFrame>
  );
}
