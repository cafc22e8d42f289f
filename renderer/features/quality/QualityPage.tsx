import { Card, Flex, Spin, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { DuplicateIdsResponse } from '../../../shared/review/api';
import { stationPathName } from '../../../shared/stations/tree';
import { ConflictsPanel } from '../conflicts';
import { useDbSession } from '../../app/DbProvider';
import { useStrings } from '../../app/i18n';
import { href } from '../../app/router';
import { LOCAL_DEMO_SERVER_ID } from '../../app/localDemo';
import { useToday } from '../../app/useToday';
import { createSessionConflictsTransport, createSessionReviewTransport } from '../../platform/session';
import { PageHeader } from '../../ui';
import { type QualityLists, loadQualityLists } from './loadQuality';
import { qualityStrings } from './strings';

interface DuplicateRow {
  key: string;
  label: string;
  records: { recipientId: string | null; name: string | null; stationCode: string }[];
}

function useServerDuplicates(): DuplicateIdsResponse | null | undefined {
  const { serverId, user } = useDbSession();
  // The local demo has no server to ask: null, as for a server that did not answer.
  const local = serverId === LOCAL_DEMO_SERVER_ID;
  const [value, setValue] = useState<DuplicateIdsResponse | null | undefined>(undefined);
  useEffect(() => {
    let cancelled = false;
    if (local) return undefined;
    void createSessionReviewTransport({ serverId, userId: user.id })
      .duplicates()
      .then((r) => {
        if (!cancelled) setValue(r.ok ? r.value : null);
      });
    return () => {
      cancelled = true;
    };
  }, [local, serverId, user.id]);
  return local ? null : value;
}

/** `#/quality`: the conflict log and the data-quality lists, each item linking to its record. */
export function QualityPage() {
  const t = useStrings(qualityStrings);
  const { db, serverId, user } = useDbSession();
  const today = useToday();
  const scope = user.stationCode;
  const transport = useMemo(() => createSessionConflictsTransport({ serverId, userId: user.id }), [serverId, user.id]);
  const [lists, setLists] = useState<QualityLists | null>(null);
  const server = useServerDuplicates();

  useEffect(() => {
    let cancelled = false;
    void loadQualityLists(db, scope, today).then((l) => {
      if (!cancelled) setLists(l);
    });
    return () => {
      cancelled = true;
    };
  }, [db, scope, today]);

  const person = (id: string | null, name: string | null, stationCode: string) =>
    id === null ? (
      <Typography.Text type="secondary">{t('outsideScope', { station: stationPathName(stationCode) })}</Typography.Text>
    ) : (
      <a href={href(`/recipients/${id}`)}>{name}</a>
    );
  const stationCol = {
    key: 's',
    title: t('colStation'),
    render: (_: unknown, r: { stationCode: string }) => stationPathName(r.stationCode),
  };

  const duplicates: DuplicateRow[] | null = server
    ? server.duplicates.map((d) => ({ key: d.idNumberMasked, label: d.idNumberMasked, records: d.records }))
    : lists
      ? lists.duplicates.map((g) => ({
          key: g.key,
          label: '—',
          records: g.records.map((r) => ({ recipientId: r.id, name: r.name, stationCode: r.stationCode })),
        }))
      : null;

  return (
    <div data-testid="quality-page">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Flex vertical gap={16}>
        {serverId === LOCAL_DEMO_SERVER_ID ? null : <ConflictsPanel transport={transport} />}
        {lists === null || server === undefined || duplicates === null ? (
          <Flex justify="center" style={{ padding: 48 }}>
            <Spin description={t('loading')} />
          </Flex>
        ) : (
          <>
            <Card
              size="small"
              title={`${t('duplicates')} · ${duplicates.length}`}
              extra={<Tag>{server ? t('sourceServer') : t('sourceLocal')}</Tag>}
              data-testid="quality-duplicates"
            >
              <Typography.Paragraph type="secondary">{t('duplicatesHint')}</Typography.Paragraph>
              <Table<DuplicateRow>
                size="small"
                rowKey="key"
                dataSource={duplicates}
                pagination={false}
                locale={{ emptyText: t('none') }}
                columns={[
                  { key: 'id', title: t('colId'), dataIndex: 'label' },
                  {
                    key: 'r',
                    title: t('colName'),
                    render: (_, d) => (
                      <Flex vertical gap={2}>
                        {d.records.map((r, i) => (
                          <span key={i}>
                            {person(r.recipientId, r.name, r.stationCode)}
                            {r.recipientId ? ` · ${stationPathName(r.stationCode)}` : ''}
                          </span>
                        ))}
                      </Flex>
                    ),
                  },
                ]}
              />
            </Card>
            <Card size="small" title={`${t('noContact')} · ${lists.noContact.length}`} data-testid="quality-no-contact">
              <Table
                size="small"
                rowKey="id"
                dataSource={lists.noContact}
                pagination={lists.noContact.length > 10 ? { pageSize: 10 } : false}
                locale={{ emptyText: t('none') }}
                columns={[
                  { key: 'n', title: t('colName'), render: (_, r) => person(r.id, r.name, r.stationCode) },
                  stationCol,
                  {
                    key: 'p',
                    title: t('colProblem'),
                    render: (_, r) => (r.daysSince === null ? t('never') : t('daysAgo', { days: r.daysSince, cadence: r.cadenceDays })),
                  },
                ]}
              />
            </Card>
            <Card size="small" title={`${t('inactive')} · ${lists.inactive.length}`} data-testid="quality-inactive">
              <Table
                size="small"
                rowKey="id"
                dataSource={lists.inactive}
                pagination={lists.inactive.length > 10 ? { pageSize: 10 } : false}
                locale={{ emptyText: t('none') }}
                columns={[
                  { key: 'n', title: t('colName'), render: (_, r) => person(r.id, r.name, r.stationCode) },
                  stationCol,
                  { key: 'p', title: t('colProblem'), render: (_, r) => <Tag color="orange">{t('openDuties', { n: r.openDuties })}</Tag> },
                ]}
              />
            </Card>
            <Card size="small" title={`${t('missing')} · ${lists.missing.length}`} data-testid="quality-missing">
              <Table
                size="small"
                rowKey="id"
                dataSource={lists.missing}
                pagination={lists.missing.length > 10 ? { pageSize: 10 } : false}
                locale={{ emptyText: t('none') }}
                columns={[
                  { key: 'n', title: t('colName'), render: (_, r) => person(r.id, r.name, r.stationCode) },
                  stationCol,
                  {
                    key: 'p',
                    title: t('colProblem'),
                    render: (_, r) => r.missing.map((m) => <Tag key={m}>{m === 'phone' ? t('missingPhone') : t('missingAddress')}</Tag>),
                  },
                ]}
              />
            </Card>
          </>
        )}
      </Flex>
    </div>
  );
}
