import { Card, Table, Typography } from 'antd';
import { recentConflicts } from '../../db/conflictRepository';
import { useLiveQuery } from '../../db/live';
import { recipientsOfRefused } from '../../db/queries/sync';
import { type RejectedMutation, readSyncStatus } from '../../sync/engine';
import { conflictsStrings, labelKey } from '../conflicts';
import { detailText } from './rejectionText';
import { DateTimeText } from '../../ui/DateText';
import { useDb } from '../../app/DbProvider';
import { useMessages, useStrings } from '../../app/i18n';
import { syncStrings } from './strings';

const TABLE_LABELS: Record<string, { zh: string; en: string }> = {
  recipients: { zh: '服务对象', en: 'Recipient' },
  visits: { zh: '走访', en: 'Visit' },
  aid: { zh: '帮扶', en: 'Aid' },
  duties: { zh: '服务计划', en: 'Duty plan' },
  dutyOccurrences: { zh: '服务任务', en: 'Duty' },
  requests: { zh: '诉求', en: 'Request' },
  staff: { zh: '工作人员', en: 'Staff' },
};

export function compactValue(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

const REASON_KEYS = {
  payload_too_large: 'reasonTooLarge',
  aid_not_deletable: 'reasonAidNotDeletable',
  row_deleted: 'reasonRowDeleted',
} as const;

/** Errors per record: what the server refused, and this device's own edits that lost a conflict. */
export function SyncRecordsCard() {
  const t = useStrings(syncStrings);
  const tc = useStrings(conflictsStrings);
  const { error, locale } = useMessages();
  const fieldLabel = (name: string) => {
    const key = labelKey('field_', name);
    if (key) return tc(key);
    const link = `link_${name}`;
    return Object.hasOwn(syncStrings.zh, link) ? t(link as keyof typeof syncStrings.zh) : name;
  };
  const known = (code: string) => (error(code) === error('unknown') ? null : error(code));
  const reasonText = (r: RejectedMutation) => {
    const key = REASON_KEYS[r.reason as keyof typeof REASON_KEYS] as (typeof REASON_KEYS)[keyof typeof REASON_KEYS] | undefined;
    const reason = key ? t(key) : error(r.reason);
    if (!r.detail) return reason;
    const detail = detailText(r.detail, fieldLabel, known, locale);
    return locale === 'zh' ? `${reason}（${detail}）` : `${reason} (${detail})`;
  };
  const db = useDb();
  const status = useLiveQuery(() => readSyncStatus(db), [db]);
  // A refused visit, aid or request links to its recipient while the row is still on this device.
  const recipientOf = useLiveQuery(() => recipientsOfRefused(db, status?.rejected ?? []), [db, status]);
  // A lost address or phone is stored sealed: opened after the read.
  const conflicts = useLiveQuery(() => recentConflicts(db, 100), [db]);
  const tableLabel = (table: string) => TABLE_LABELS[table]?.[locale] ?? table;
  return (
    <>
      {(status?.rejected.length ?? 0) > 0 && (
        <Card title={t('rejectedTitle')} data-testid="sync-rejected">
          <Typography.Paragraph type="secondary">{t('rejectedHint')}</Typography.Paragraph>
          <Table
            size="small"
            rowKey="mutationId"
            pagination={false}
            dataSource={status?.rejected ?? []}
            columns={[
              {
                title: t('table'),
                dataIndex: 'table',
                width: 80,
                render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{tableLabel(v)}</span>,
              },
              {
                title: t('record'),
                dataIndex: 'rowId',
                render: (v: string, r) => {
                  const rid = r.table === 'recipients' ? v : recipientOf?.get(r.mutationId);
                  return rid ? <a href={`#/recipients/${encodeURIComponent(rid)}`}>{v.slice(0, 8)}</a> : v.slice(0, 8);
                },
              },
              {
                title: t('changedFields'),
                key: 'fields',
                render: (_: unknown, r: RejectedMutation) =>
                  r.created ? t('newRecord') : (r.fields ?? []).map(fieldLabel).join(locale === 'zh' ? '、' : ', ') || '—',
              },
              {
                title: t('reason'),
                key: 'reason',
                render: (_: unknown, r: RejectedMutation) => <span data-testid="sync-rejected-reason">{reasonText(r)}</span>,
              },
              { title: t('at'), dataIndex: 'at', render: (v: string) => <DateTimeText value={v} /> },
            ]}
          />
        </Card>
      )}
      {(conflicts?.length ?? 0) > 0 && (
        <Card title={t('myConflicts')} data-testid="sync-my-conflicts">
          <Typography.Paragraph type="secondary">{t('myConflictsHint')}</Typography.Paragraph>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={conflicts ?? []}
            columns={[
              { title: t('table'), dataIndex: 'table', render: (v: string) => tableLabel(v) },
              { title: t('field'), dataIndex: 'field' },
              { title: t('winnerValue'), dataIndex: 'winnerValue', render: (v: unknown) => compactValue(v) },
              { title: t('loserValue'), dataIndex: 'loserValue', render: (v: unknown) => compactValue(v) },
              { title: t('at'), dataIndex: 'at', render: (v: string) => <DateTimeText value={v} /> },
            ]}
          />
        </Card>
      )}
    </>
  );
}
