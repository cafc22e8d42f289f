import { Alert, Button, Flex, Spin, Typography } from 'antd';
import { useState } from 'react';
import { getStation } from '../../../shared/stations/tree';
import { useDbSession } from '../../app/DbProvider';
import { useStrings } from '../../app/i18n';
import { navigate } from '../../app/router';
import { useToday } from '../../app/useToday';
import { desktopApi } from '../../platform/desktop';
import { useErrorText } from '../common/featureErrors';
import { ReviewCharts } from './ReviewCharts';
import { SourceBadge, weekParam } from './ReviewPage';
import { ReviewTable } from './ReviewTable';
import { SignoffCard } from './SignoffCard';
import { reviewStrings } from './strings';
import { printStrings } from './printStrings';
import { useReview } from './useReview';

/**
 * `#/review/print?week=…`: the weekly report for paper or PDF. In Electron "导出 PDF" asks main
 * (report.printToPdf) to print this page to a chosen file; in the browser it opens the print
 * dialog. Charts never animate here; the print stylesheet hides the navigation (A4 landscape).
 */
export function ReviewPrintPage({ week: rawWeek }: { week: string | null }) {
  const t = useStrings(reviewStrings);
  const p = useStrings(printStrings);
  const errorText = useErrorText();
  const { user } = useDbSession();
  const today = useToday();
  const week = weekParam(rawWeek, today);
  const state = useReview(user.stationCode, week, today);
  const [notice, setNotice] = useState<{ type: 'success' | 'error' | 'info'; text: string } | null>(null);
  const api = desktopApi();

  const exportPdf = async () => {
    if (!api) {
      window.print();
      return;
    }
    const r = await api.report.printToPdf({ suggestedName: p('fileName', { week }) });
    if (!r.ok) setNotice({ type: 'error', text: p('pdfFailed', { error: errorText(r.error.code) }) });
    else if (r.value.path === null) setNotice({ type: 'info', text: p('pdfCancelled') });
    else setNotice({ type: 'success', text: p('pdfSaved', { path: r.value.path }) });
  };

  return (
    <div className="yf-print-report" data-testid="review-print-page">
      <Flex justify="space-between" align="center" className="yf-no-print" style={{ marginBottom: 12 }}>
        <Button onClick={() => navigate('/review', { week })}>{t('back')}</Button>
        <Button type="primary" onClick={() => void exportPdf()} data-testid="review-export-pdf">
          {api ? p('exportPdf') : p('printNow')}
        </Button>
      </Flex>
      {notice ? <Alert className="yf-no-print" type={notice.type} showIcon title={notice.text} style={{ marginBottom: 12 }} /> : null}
      {state.kind === 'loading' ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin description={t('loading')} />
        </Flex>
      ) : state.kind === 'failed' ? (
        <Alert type="error" showIcon title={state.message} />
      ) : (
        <Flex vertical gap={12}>
          <Flex justify="space-between" align="baseline">
            <Typography.Title level={3} style={{ margin: 0 }}>
              {p('heading', {
                scope: getStation(state.review.scope)?.name ?? state.review.scope,
                from: state.review.weekStart,
                to: state.review.weekEnd,
              })}
            </Typography.Title>
            <SourceBadge source={state.source} serverError={state.serverError} />
          </Flex>
          <Typography.Text type="secondary">{p('asOf', { asOf: state.review.asOf })}</Typography.Text>
          <ReviewTable stations={state.review.stations} rowLevel={state.review.rowLevel} scope={state.review.scope} week={week} print />
          <SignoffCard review={state.review} />
          <ReviewCharts review={state.review} still />
        </Flex>
      )}
    </div>
  );
}
