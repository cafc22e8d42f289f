import type { EChartsCoreOption } from 'echarts/core';
import { FUND_SOURCE, type FundSource } from '../../../shared/domain/enums';
import type { Locale } from '../../../shared/domain/labels';
import type { Review, StationFigures } from '../../../shared/review/api';
import { coveragePercent } from '../../../shared/review/rollup';

const FUND_COLORS: Record<FundSource, string> = {
  city_foundation: '#c0392b',
  veterans_care_fund: '#d48806',
  district_care_fund: '#1677ff',
  government_budget: '#389e0d',
  social_donation: '#722ed1',
};

/** Coverage per station, stations with nothing due left out (their coverage is "—"). */
export function coverageOption(stations: readonly StationFigures[], nameOf: (code: string) => string): EChartsCoreOption {
  const rows = stations.filter((s) => s.visitsDue > 0);
  return {
    grid: { left: 48, right: 16, top: 16, bottom: 80 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: rows.map((s) => nameOf(s.code)), axisLabel: { rotate: 45, interval: 0, fontSize: 11 } },
    yAxis: { type: 'value', max: 100 },
    series: [
      {
        type: 'bar',
        data: rows.map((s) => ({ value: coveragePercent(s) ?? 0, itemStyle: { color: s.heroesOverdue > 0 ? '#cf1322' : '#1677ff' } })),
      },
    ],
  };
}

/** Aid per month stacked by fund, in yuan. */
export function aidOption(trends: Review['trends'], locale: Locale): EChartsCoreOption {
  const months = [...new Set(trends.aidByMonth.map((m) => m.month))];
  return {
    grid: { left: 64, right: 16, top: 48, bottom: 32 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: { fontSize: 11 } },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value' },
    series: FUND_SOURCE.values.map((fund) => ({
      type: 'bar',
      stack: 'aid',
      name: FUND_SOURCE.labels[fund][locale],
      itemStyle: { color: FUND_COLORS[fund] },
      data: months.map((month) => (trends.aidByMonth.find((m) => m.month === month && m.fund === fund)?.fen ?? 0) / 100),
    })),
  };
}

export function visitsOption(trends: Review['trends']): EChartsCoreOption {
  return {
    grid: { left: 48, right: 16, top: 16, bottom: 32 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: trends.visitsByWeek.map((w) => w.weekStart.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'line', data: trends.visitsByWeek.map((w) => w.count), showSymbol: false, areaStyle: { opacity: 0.15 } }],
  };
}
