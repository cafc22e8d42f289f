import { Table, type TableColumnsType, Tag, Tooltip } from 'antd';
import type { StationFigures } from '../../../shared/review/api';
import { CODE_LENGTH } from '../../../shared/review/definitions';
import { aidTotals, coveragePercent, sumFigures } from '../../../shared/review/rollup';
import { getStation } from '../../../shared/stations/tree';
import { formatFen } from '../../../shared/validation/money';
import { useStrings } from '../../app/i18n';
import { href } from '../../app/router';
import { dateTimeLabel } from '../../ui/dates';
import { type ReviewRow, reviewRows } from './reviewRows';
import { reviewStrings } from './strings';
import './review.css';

export function useStationName() {
  const t = useStrings(reviewStrings);
  return (code: string, level?: 'community' | 'district'): string => {
    const name = getStation(code)?.name ?? code;
    return level === 'community' && code.length === CODE_LENGTH.street ? t('streetDirect', { name }) : name;
  };
}

export interface ReviewTableProps {
  stations: readonly StationFigures[];
  rowLevel: string;
  scope: string;
  week: string;
  /** The printable report: no links, everything expanded, no pagination. */
  print?: boolean;
}

export function ReviewTable({ stations, rowLevel, scope, week, print = false }: ReviewTableProps) {
  const t = useStrings(reviewStrings);
  const nameOf = useStationName();
  const rows = reviewRows(stations, rowLevel);
  const total = sumFigures(scope, stations);
  const level = rowLevel === 'community' ? 'community' : 'district';

  const columns: TableColumnsType<ReviewRow> = [
    {
      key: 'station',
      title: t('colStation'),
      fixed: print ? undefined : 'left',
      render: (_, r) => {
        const name = nameOf(r.code, r.kind === 'street' ? undefined : level);
        if (print) return <span>{name}</span>;
        return (
          <a href={href(`/review/station/${r.code}?week=${week}`)} data-testid={`review-drill-${r.code}`}>
            {name}
          </a>
        );
      },
    },
    { key: 'recipients', title: t('colRecipients'), align: 'right', render: (_, r) => r.recipients },
    { key: 'due', title: t('colDue'), align: 'right', render: (_, r) => r.visitsDue },
    { key: 'done', title: t('colDone'), align: 'right', render: (_, r) => r.visitsDone },
    {
      key: 'coverage',
      title: t('colCoverage'),
      align: 'right',
      render: (_, r) => {
        const c = coveragePercent(r);
        return c === null ? t('never') : `${c}%`;
      },
    },
    {
      key: 'heroesOverdue',
      title: t('colHeroesOverdue'),
      align: 'center',
      render: (_, r) =>
        r.heroesOverdue > 0 ? (
          <Tag color="red" data-testid={`review-hero-overdue-${r.code}`}>
            {t('heroOverdueTag', { n: r.heroesOverdue })}
          </Tag>
        ) : (
          '0'
        ),
    },
    { key: 'overdue', title: t('colOverdue'), align: 'right', render: (_, r) => r.overdue },
    { key: 'visits', title: t('colVisits'), align: 'right', render: (_, r) => r.visitsLogged },
    {
      key: 'photos',
      title: <Tooltip title={t('colPhotosHint')}>{t('colPhotos')}</Tooltip>,
      align: 'right',
      render: (_, r) => <span data-testid={`review-photos-${r.code}`}>{r.visitsWithPhotos}</span>,
    },
    {
      key: 'aid',
      title: t('colAid'),
      align: 'right',
      render: (_, r) => {
        const a = aidTotals(r);
        return (
          <span style={{ fontVariantNumeric: 'tabular-nums' }}>
            {a.count} / {formatFen(a.fen)}
          </span>
        );
      },
    },
    {
      key: 'requests',
      title: t('colRequests'),
      align: 'right',
      render: (_, r) => (
        <span data-testid={`review-requests-${r.code}`}>
          {r.openRequests}
          {r.escalatedRequests > 0 && (
            <Tooltip title={t('escalatedHint')}>
              <Tag color="volcano" style={{ marginInlineStart: 6, marginInlineEnd: 0 }} data-testid={`review-escalated-${r.code}`}>
                {t('escalatedTag', { n: r.escalatedRequests })}
              </Tag>
            </Tooltip>
          )}
        </span>
      ),
    },
    { key: 'oldest', title: t('colOldest'), align: 'right', render: (_, r) => r.oldestRequestDays ?? t('never') },
    {
      key: 'sync',
      title: t('colLastSync'),
      render: (_, r) => (r.lastSyncAt ? <Tooltip title={r.lastSyncAt}>{dateTimeLabel(r.lastSyncAt)}</Tooltip> : t('never')),
    },
  ];

  const totalAid = aidTotals(total);
  const coverage = coveragePercent(total);
  return (
    <Table<ReviewRow>
      className="yf-review-table"
      rowKey="code"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={print ? undefined : { x: 'max-content' }}
      expandable={{ defaultExpandAllRows: true, ...(print ? { expandedRowKeys: rows.map((r) => r.code) } : {}) }}
      rowClassName={(r) =>
        [r.kind === 'street' ? 'yf-review-street' : '', r.heroesOverdue > 0 && r.kind === 'station' ? 'yf-review-hero' : '']
          .join(' ')
          .trim()
      }
      data-testid="review-table"
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>
            <strong>{t('total')}</strong>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            {total.recipients}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">
            {total.visitsDue}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={3} align="right">
            {total.visitsDone}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={4} align="right">
            {coverage === null ? t('never') : `${coverage}%`}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={5} align="center">
            {total.heroesOverdue}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={6} align="right">
            {total.overdue}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={7} align="right">
            {total.visitsLogged}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={8} align="right">
            <span data-testid="review-photos-total">{total.visitsWithPhotos}</span>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={9} align="right">
            {totalAid.count} / {formatFen(totalAid.fen)}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={10} align="right">
            {total.openRequests}
            {total.escalatedRequests > 0 ? ` (${t('escalatedTag', { n: total.escalatedRequests })})` : ''}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={11} align="right">
            {total.oldestRequestDays ?? t('never')}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={12}>{total.lastSyncAt ? dateTimeLabel(total.lastSyncAt) : t('never')}</Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}
