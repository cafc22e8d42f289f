import { Alert, Button, Flex, Spin, Switch, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { addDays, mondayOf } from '../../../shared/calendar/shanghai';
import { getStation } from '../../../shared/stations/tree';
import { useDbSession } from '../../app/DbProvider';
import { useStrings } from '../../app/i18n';
import { navigate } from '../../app/router';
import { useToday } from '../../app/useToday';
import { DateInput, PageHeader } from '../../ui';
import { useErrorText } from '../common/featureErrors';
import { ReviewCharts } from './ReviewCharts';
import { ReviewTable } from './ReviewTable';
import { stationHasData } from './reviewRows';
import { DistrictSignoffs, SignoffCard } from './SignoffCard';
import { reviewStrings } from './strings';
import { type ReviewSource, useReview } from './useReview';

export function SourceBadge({ source, serverError }: { source: ReviewSource; serverError: string | null }) {
  const t = useStrings(reviewStrings);
  const errorText = useErrorText();
  return source === 'server' ? (
    <Tag color="green" data-testid="review-source" data-source="server">
      {t('sourceServer')}
    </Tag>
  ) : (
    <Tooltip title={t('sourceLocalHint', { error: serverError ? errorText(serverError) : '—' })}>
      <Tag color="orange" data-testid="review-source" data-source="local">
        {t('sourceLocal')}
      </Tag>
    </Tooltip>
  );
}

/** A valid week parameter (any day of it), or the current week. */
export function weekParam(raw: string | null, today: string): string {
  return raw !== null && /^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(Date.parse(raw)) ? mondayOf(raw) : mondayOf(today);
}

/** `#/review?week=…`: the supervisor's (or the city's) weekly review. */
export function ReviewPage({ week: rawWeek }: { week: string | null }) {
  const t = useStrings(reviewStrings);
  const { user } = useDbSession();
  const today = useToday();
  const week = weekParam(rawWeek, today);
  const scope = user.stationCode;
  const state = useReview(scope, week, today);
  const [hideEmpty, setHideEmpty] = useState(false);
  const shown =
    state.kind === 'ready' && hideEmpty
      ? state.review.stations.filter(stationHasData)
      : state.kind === 'ready'
        ? state.review.stations
        : [];
  const go = (w: string) => navigate('/review', { week: w });
  const scopeName = getStation(scope)?.name ?? scope;

  return (
    <div data-testid="review-page">
      <PageHeader
        title={t('title')}
        subtitle={
          state.kind === 'ready'
            ? t('subtitle', { scope: scopeName, from: state.review.weekStart, to: state.review.weekEnd, asOf: state.review.asOf })
            : scopeName
        }
        extra={
          <Flex gap={8} wrap align="center" className="yf-no-print">
            <Button onClick={() => go(addDays(week, -7))} data-testid="review-prev">
              {t('prevWeek')}
            </Button>
            <DateInput
              aria-label={t('pickWeek')}
              value={week}
              allowClear={false}
              style={{ width: 150 }}
              onChange={(date) => {
                if (date) go(mondayOf(date));
              }}
              data-testid="review-week"
            />
            <Button onClick={() => go(addDays(week, 7))} data-testid="review-next">
              {t('nextWeek')}
            </Button>
            <Button onClick={() => go(mondayOf(today))}>{t('thisWeek')}</Button>
            <Button onClick={() => navigate('/review/print', { week })} data-testid="review-print">
              {t('print')}
            </Button>
            <Button onClick={() => navigate('/quality')} data-testid="review-quality">
              {t('quality')}
            </Button>
          </Flex>
        }
      />
      {state.kind === 'loading' ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin description={t('loading')} />
        </Flex>
      ) : state.kind === 'failed' ? (
        <Alert type="error" showIcon title={state.message} />
      ) : (
        <Flex vertical gap={16}>
          <Flex gap={16} align="center" wrap>
            <SourceBadge source={state.source} serverError={state.serverError} />
            <label className="yf-no-print" style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
              <Switch size="small" checked={hideEmpty} onChange={setHideEmpty} data-testid="review-hide-empty" />
              {t('hideEmpty')}
            </label>
            {hideEmpty && shown.length < state.review.stations.length ? (
              <Typography.Text type="secondary" data-testid="review-hidden-count">
                {t('hiddenCount', { n: state.review.stations.length - shown.length })}
              </Typography.Text>
            ) : null}
          </Flex>
          <ReviewTable stations={shown} rowLevel={state.review.rowLevel} scope={state.review.scope} week={week} />
          {state.review.rowLevel === 'district' ? <DistrictSignoffs review={state.review} /> : null}
          <SignoffCard review={state.review} />
          <ReviewCharts review={hideEmpty ? { ...state.review, stations: shown } : state.review} />
        </Flex>
      )}
    </div>
  );
}
