import { Card, Col, Row } from 'antd';
import { useMemo } from 'react';
import type { Review } from '../../../shared/review/api';
import { useLocale, useStrings } from '../../app/i18n';
import { aidOption, coverageOption, visitsOption } from './chartOptions';
import { EChart } from './EChart';
import { useStationName } from './ReviewTable';
import { reviewStrings } from './strings';

/** Coverage by station (bar), aid by fund per month (stacked bar), visits per week (line). */
export function ReviewCharts({ review, still = false }: { review: Review; still?: boolean }) {
  const t = useStrings(reviewStrings);
  const locale = useLocale();
  const nameOf = useStationName();
  const level = review.rowLevel === 'community' ? 'community' : 'district';
  const coverage = useMemo(() => coverageOption(review.stations, (c) => nameOf(c, level)), [review.stations, nameOf, level]);
  const aid = useMemo(() => aidOption(review.trends, locale), [review.trends, locale]);
  const visits = useMemo(() => visitsOption(review.trends), [review.trends]);
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card size="small" title={t('chartCoverage')}>
          <EChart option={coverage} still={still} testId="chart-coverage" />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('chartAid')}>
          <EChart option={aid} still={still} testId="chart-aid" />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('chartVisits')}>
          <EChart option={visits} still={still} testId="chart-visits" />
        </Card>
      </Col>
    </Row>
  );
}
