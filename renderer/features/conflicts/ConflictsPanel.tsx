import { Alert, Button, Card, Flex, Popconfirm, Spin, Table, type TableColumnsType, Tooltip, Typography } from 'antd';
import { useLiveQuery } from '../../db/live';
import { useCallback, useEffect, useState } from 'react';
import type { ConflictEntry, ConflictParty } from '../../../shared/sync/conflictsApi';
import { useErrorText } from '../common/featureErrors';
import type { ConflictsTransport } from '../../sync/conflictsClient';
import { dateTimeLabel } from '../../ui/dates';
import { useDb, useRepoContext } from '../../app/DbProvider';
import { useStrings } from '../../app/i18n';
import { conflictActions, formatFieldValue, recordHref, type ValueWords } from './conflictView';
import { readLocalRow } from '../../db/queries/conflicts';
import { restoreLoserValue } from './restoreLoser';
import { conflictsStrings, labelKey } from './strings';

/**
 * Props of the supervisors' conflict review.
 * - `transport`: the server's conflict routes (`createHttpConflictsTransport` in the browser).
 * - `onChanged`: called after a conflict was resolved; a restore also left an outbox entry, so
 *   the host may want to sync soon.
 */
export interface ConflictsPanelProps {
  transport: ConflictsTransport;
  onChanged?: () => void;
}

type LoadState = { kind: 'loading' } | { kind: 'failed'; code: string } | { kind: 'loaded'; conflicts: ConflictEntry[] };
type Notice = { type: 'success' | 'warning' | 'error'; text: string };
const LOADING: LoadState = { kind: 'loading' };

/** What this device holds of each conflict's row: whether it exists, and its recipient. */
type LocalRows = ReadonlyMap<string, Record<string, unknown>>;
const rowKey = (c: Pick<ConflictEntry, 'table' | 'rowId'>) => `${c.table}/${c.rowId}`;

/** The open conflicts of the supervisor's scope, with "keep current" and "restore overwritten". */
export function ConflictsPanel({ transport, onChanged }: ConflictsPanelProps) {
  const t = useStrings(conflictsStrings);
  const errorText = useErrorText();
  const db = useDb();
  const ctx = useRepoContext();
  const [reload, setReload] = useState(0);
  // The list as last loaded, with what it was loaded for: a newer transport or reload shows
  // 'loading' until its own answer is in.
  const [loaded, setLoaded] = useState<{ transport: ConflictsTransport; reload: number; state: LoadState } | null>(null);
  const state: LoadState = loaded !== null && loaded.transport === transport && loaded.reload === reload ? loaded.state : LOADING;
  const [busyId, setBusyId] = useState<number | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  useEffect(() => {
    let cancelled = false;
    void transport.list('open').then((r) => {
      if (cancelled) return;
      setLoaded({
        transport,
        reload,
        state: r.ok ? { kind: 'loaded', conflicts: r.value.conflicts } : { kind: 'failed', code: r.error.code },
      });
    });
    return () => {
      cancelled = true;
    };
  }, [transport, reload]);

  const conflicts = state.kind === 'loaded' ? state.conflicts : [];
  const localRows = useLiveQuery(async (): Promise<LocalRows> => {
    const out = new Map<string, Record<string, unknown>>();
    for (const c of conflicts) {
      if (out.has(rowKey(c))) continue;
      const row = await readLocalRow(db, c.table, c.rowId);
      if (row !== undefined) out.set(rowKey(c), row);
    }
    return out;
  }, [db, conflicts]);

  const finish = useCallback(
    (text: string) => {
      setNotice({ type: 'success', text });
      setReload((n) => n + 1);
      onChanged?.();
    },
    [onChanged],
  );

  const keep = useCallback(
    async (c: ConflictEntry) => {
      setBusyId(c.id);
      setNotice(null);
      const r = await transport.resolve(c.id, 'keep_winner');
      setBusyId(null);
      if (r.ok) finish(t('kept'));
      else setNotice({ type: 'error', text: t('resolveFailed', { error: errorText(r.error.code) }) });
    },
    [transport, finish, t, errorText],
  );

  const restore = useCallback(
    async (c: ConflictEntry) => {
      setBusyId(c.id);
      setNotice(null);
      const written = await restoreLoserValue(ctx, c);
      if (written.kind === 'missing' || written.kind === 'unchanged' || written.kind === 'failed') {
        setBusyId(null);
        if (written.kind === 'missing') setNotice({ type: 'warning', text: t('rowMissing') });
        else if (written.kind === 'unchanged') setNotice({ type: 'warning', text: t('unchanged') });
        else setNotice({ type: 'error', text: t('restoreFailed', { error: errorText(written.error.code) }) });
        return;
      }
      const r = await transport.resolve(c.id, 'restore_loser');
      setBusyId(null);
      if (r.ok) finish(t('restored'));
      else setNotice({ type: 'error', text: t('resolveFailedAfterRestore', { error: errorText(r.error.code) }) });
    },
    [ctx, transport, finish, t, errorText],
  );

  const words: ValueWords = { yes: t('yes'), no: t('no'), empty: t('emptyValue') };
  const fieldLabel = (field: string) => {
    const key = labelKey('field_', field);
    return key ? t(key) : field;
  };
  const party = (p: ConflictParty) => (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t('byWhom', { name: p.accountName ?? t('unknownPerson'), time: p.editedAt ? dateTimeLabel(p.editedAt) : '—' })}
    </Typography.Text>
  );
  const value = (c: ConflictEntry, v: unknown, testId: string) => {
    const f = formatFieldValue(c.field, v, words);
    const text = (
      <span data-testid={testId} style={{ wordBreak: 'break-all' }}>
        {f.text}
      </span>
    );
    return f.truncated ? <Tooltip title={f.full}>{text}</Tooltip> : text;
  };

  const columns: TableColumnsType<ConflictEntry> = [
    {
      key: 'record',
      title: t('colRecord'),
      render: (_, c) => {
        const tableKey = labelKey('table_', c.table);
        const href = recordHref(c, localRows?.get(rowKey(c)));
        const name = localRows?.get(rowKey(c))?.name;
        return (
          <Flex vertical>
            <span>
              {tableKey ? t(tableKey) : c.table}
              {typeof name === 'string' ? ` · ${name}` : ''}
            </span>
            {href ? (
              <a href={href}>{t('openRecord')}</a>
            ) : (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.rowId.slice(0, 8)}
              </Typography.Text>
            )}
          </Flex>
        );
      },
    },
    { key: 'field', title: t('colField'), render: (_, c) => fieldLabel(c.field) },
    {
      key: 'winner',
      title: t('colWinner'),
      render: (_, c) => (
        <Flex vertical>
          {value(c, c.winnerValue, `conflict-winner-${c.id}`)}
          {party(c.winner)}
        </Flex>
      ),
    },
    {
      key: 'loser',
      title: t('colLoser'),
      render: (_, c) => (
        <Flex vertical>
          {value(c, c.loserValue, `conflict-loser-${c.id}`)}
          {party(c.loser)}
        </Flex>
      ),
    },
    { key: 'when', title: t('colWhen'), render: (_, c) => <span style={{ whiteSpace: 'nowrap' }}>{dateTimeLabel(c.createdAt)}</span> },
    {
      key: 'actions',
      title: t('colActions'),
      render: (_, c) => {
        const allowed = conflictActions(c);
        const busy = busyId !== null;
        return (
          <Flex gap={8} wrap>
            <Button
              size="small"
              disabled={!allowed.keepWinner || busy}
              loading={busyId === c.id}
              onClick={() => void keep(c)}
              data-testid={`conflict-keep-${c.id}`}
            >
              {t('keepWinner')}
            </Button>
            <Tooltip title={allowed.restoreRefusal ? t(`refusal_${allowed.restoreRefusal}`) : undefined}>
              <Popconfirm
                title={t('restoreConfirm', { field: fieldLabel(c.field) })}
                okText={t('ok')}
                cancelText={t('cancel')}
                onConfirm={() => void restore(c)}
                disabled={!allowed.restoreLoser || busy}
              >
                <Button size="small" type="primary" ghost disabled={!allowed.restoreLoser || busy} data-testid={`conflict-restore-${c.id}`}>
                  {t('restoreLoser')}
                </Button>
              </Popconfirm>
            </Tooltip>
          </Flex>
        );
      },
    },
  ];

  return (
    <Card
      title={t('title')}
      extra={
        <Button size="small" onClick={() => setReload((n) => n + 1)} disabled={state.kind === 'loading'}>
          {t('refresh')}
        </Button>
      }
      data-testid="conflicts-panel"
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('hint')}</Typography.Text>
        {notice ? (
          <Alert type={notice.type} showIcon title={notice.text} closable onClose={() => setNotice(null)} data-testid="conflicts-notice" />
        ) : null}
        {state.kind === 'loading' ? (
          <Flex justify="center" style={{ padding: 24 }}>
            <Spin description={t('loading')} />
          </Flex>
        ) : state.kind === 'failed' ? (
          <Alert
            type="error"
            showIcon
            title={t('loadFailed')}
            description={errorText(state.code)}
            action={
              <Button size="small" onClick={() => setReload((n) => n + 1)}>
                {t('retry')}
              </Button>
            }
            data-testid="conflicts-error"
          />
        ) : (
          <Table<ConflictEntry>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={state.conflicts}
            pagination={state.conflicts.length > 20 ? { pageSize: 20 } : false}
            locale={{ emptyText: t('empty') }}
            data-testid="conflicts-table"
          />
        )}
      </Flex>
    </Card>
  );
}
