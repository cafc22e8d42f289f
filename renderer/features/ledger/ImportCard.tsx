import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Flex, Table, Tabs, Typography } from 'antd';
import { useRef, useState } from 'react';
import { LEDGER_SHEETS } from '../../../shared/ledger/layout';
import { type ImportPlan, planCounts } from '../../../shared/ledger/plan';
import type { LedgerError, ParsedLedger } from '../../../shared/ledger/tables';
import { useDbSession, useRepoContext } from '../../app/DbProvider';
import { useLocale, useMessages, useStrings } from '../../app/i18n';
import { href } from '../../app/router';
import { useScopePrefix } from '../../app/useScopePrefix';
import { planLocalImport, writeLocalImport } from './localLedger';
import { displayValue, previewColumns, previewRows } from './preview';
import { ledgerStrings } from './strings';

type State =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string }
  | { kind: 'planned'; fileName: string; parsed: ParsedLedger; plan: ImportPlan }
  | { kind: 'writing'; fileName: string; parsed: ParsedLedger; plan: ImportPlan }
  | { kind: 'done'; text: string }
  | { kind: 'failed'; text: string };

/**
 * Choose a file → preview (counts per sheet and the first rows) → the row-level errors →
 * confirm. Nothing is written before the confirmation; the confirmed import is one transaction.
 * With errors, only an explicit "skip the rows with errors" lets the valid rows in.
 */
export function ImportCard() {
  const t = useStrings(ledgerStrings);
  const { error } = useMessages();
  const { db, user } = useDbSession();
  const ctx = useRepoContext();
  const scope = useScopePrefix();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [skipErrors, setSkipErrors] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const choose = async (file: File): Promise<void> => {
    setSkipErrors(false);
    setState({ kind: 'reading', fileName: file.name });
    try {
      const { parseLedger } = await import('../../../shared/ledger/workbook');
      const parsed = await parseLedger(new Uint8Array(await file.arrayBuffer()));
      const plan = await planLocalImport(db, parsed, { scope, actorStaffId: user.id, now: new Date() });
      setState({ kind: 'planned', fileName: file.name, parsed, plan });
    } catch (e) {
      setState({ kind: 'failed', text: t('importFailed', { reason: e instanceof Error ? e.message : String(e) }) });
    }
  };

  const confirm = async (): Promise<void> => {
    if (state.kind !== 'planned') return;
    setState({ ...state, kind: 'writing' });
    const counts = planCounts(state.plan);
    const result = await writeLocalImport(ctx, state.plan);
    if (input.current) input.current.value = '';
    setState(
      result.ok
        ? { kind: 'done', text: t('imported', { n: result.value, create: counts.create, update: counts.update }) }
        : { kind: 'failed', text: t('importFailed', { reason: error(result.error.code) }) },
    );
  };

  const reset = (): void => {
    if (input.current) input.current.value = '';
    setState({ kind: 'idle' });
  };

  return (
    <Card title={t('importTitle')} data-testid="ledger-import">
      <Typography.Paragraph type="secondary">{t('importHint')}</Typography.Paragraph>
      <Flex vertical gap={16}>
        <Flex gap={12} align="center" wrap>
          <Button
            icon={<UploadOutlined />}
            size="large"
            onClick={() => input.current?.click()}
            disabled={state.kind === 'reading' || state.kind === 'writing'}
          >
            {t('chooseFile')}
          </Button>
          <input
            ref={input}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            style={{ display: 'none' }}
            data-testid="ledger-file"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void choose(f);
            }}
          />
          {'fileName' in state ? (
            <Typography.Text>
              {t('file')}：{state.fileName}
            </Typography.Text>
          ) : null}
        </Flex>
        {state.kind === 'reading' ? <Alert type="info" showIcon title={t('reading')} /> : null}
        {state.kind === 'done' ? (
          <Alert
            type="success"
            showIcon
            title={state.text}
            data-testid="ledger-import-result"
            action={<a href={href('/caseload')}>{t('openCaseload')}</a>}
          />
        ) : null}
        {state.kind === 'failed' ? <Alert type="error" showIcon title={state.text} data-testid="ledger-import-result" /> : null}
        {state.kind === 'planned' || state.kind === 'writing' ? (
          <PlanView
            parsed={state.parsed}
            plan={state.plan}
            skipErrors={skipErrors}
            onSkipErrors={setSkipErrors}
            writing={state.kind === 'writing'}
            onConfirm={() => void confirm()}
            onCancel={reset}
          />
        ) : null}
      </Flex>
    </Card>
  );
}

interface PlanViewProps {
  parsed: ParsedLedger;
  plan: ImportPlan;
  skipErrors: boolean;
  onSkipErrors: (v: boolean) => void;
  writing: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

function PlanView({ parsed, plan, skipErrors, onSkipErrors, writing, onConfirm, onCancel }: PlanViewProps) {
  const t = useStrings(ledgerStrings);
  const locale = useLocale();
  const { error } = useMessages();
  const counts = planCounts(plan);
  const fileDutyIds = new Set(parsed.sheets.duties.map((r) => r.values.dutyId));
  const defaultDuties = plan.tables.duties.create.filter((d) => !fileDutyIds.has(d.id)).length;
  const hasErrors = plan.errors.length > 0;
  const nothing = counts.create + counts.update === 0;
  const canConfirm = !plan.masked && !nothing && (!hasErrors || skipErrors) && !writing;

  const summary = LEDGER_SHEETS.map((s) => ({ key: s.key, sheet: locale === 'zh' ? s.zh : s.en, ...plan.sheets[s.key] }));
  return (
    <Flex vertical gap={16}>
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={summary}
        data-testid="ledger-preview"
        columns={[
          { title: t('sheet'), dataIndex: 'sheet' },
          { title: t('create'), dataIndex: 'create', align: 'right' },
          { title: t('update'), dataIndex: 'update', align: 'right' },
          { title: t('unchanged'), dataIndex: 'unchanged', align: 'right' },
          {
            title: t('errorRows'),
            dataIndex: 'errors',
            align: 'right',
            render: (n: number) =>
              n > 0 ? (
                <Typography.Text type="danger" strong>
                  {n}
                </Typography.Text>
              ) : (
                n
              ),
          },
        ]}
      />
      {defaultDuties > 0 ? <Typography.Text type="secondary">{t('defaultDuties', { n: defaultDuties })}</Typography.Text> : null}
      <div>
        <Typography.Title level={5}>{t('firstRows')}</Typography.Title>
        <Tabs
          size="small"
          items={LEDGER_SHEETS.map((s) => {
            const columns = previewColumns(s);
            const rows = previewRows(parsed.sheets[s.key]);
            return {
              key: s.key,
              label: locale === 'zh' ? s.zh : s.en,
              children:
                rows.length === 0 ? (
                  <Typography.Text type="secondary">{t('noRows')}</Typography.Text>
                ) : (
                  <Table
                    size="small"
                    pagination={false}
                    rowKey="row"
                    scroll={{ x: true }}
                    dataSource={rows}
                    columns={[
                      { title: t('row'), dataIndex: 'row', width: 56 },
                      ...columns.map((c) => ({
                        title: locale === 'zh' ? c.zh : c.en,
                        key: c.key,
                        render: (_: unknown, r: (typeof rows)[number]) => displayValue(c, r.values[c.key], locale),
                      })),
                    ]}
                  />
                ),
            };
          })}
        />
      </div>
      <div>
        <Typography.Title level={5} type={hasErrors ? 'danger' : undefined}>
          {t('errorsTitle', { n: plan.errors.length })}
        </Typography.Title>
        {hasErrors ? (
          <Table<LedgerError>
            size="small"
            rowKey={(e) => `${e.sheet}|${e.row}|${e.column}|${e.reason}`}
            dataSource={plan.errors}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            data-testid="ledger-errors"
            columns={[
              { title: t('sheet'), dataIndex: 'sheet', render: (v: string) => sheetLabel(v, locale) },
              { title: t('row'), dataIndex: 'row', width: 64, render: (v: number) => (v > 0 ? v : '—') },
              { title: t('column'), dataIndex: 'column', render: (v: string) => v || '—' },
              { title: t('reason'), dataIndex: 'reason', render: (code: string) => error(code) },
            ]}
          />
        ) : (
          <Typography.Text type="success">{t('noErrors')}</Typography.Text>
        )}
      </div>
      {plan.masked ? <Alert type="error" showIcon title={t('maskedRefused')} /> : null}
      {hasErrors && !plan.masked && !nothing ? (
        <Checkbox checked={skipErrors} onChange={(e) => onSkipErrors(e.target.checked)} data-testid="ledger-skip-errors">
          {t('partialChoice')}
          <Typography.Text type="secondary" style={{ display: 'block' }}>
            {t('partialHint')}
          </Typography.Text>
        </Checkbox>
      ) : null}
      {nothing && !plan.masked ? <Typography.Text type="secondary">{t('nothingToWrite')}</Typography.Text> : null}
      <Flex gap={12} align="center">
        <Button type="primary" size="large" disabled={!canConfirm} loading={writing} onClick={onConfirm} data-testid="ledger-confirm">
          {writing ? t('writing') : t('confirm')}
        </Button>
        <Button size="large" onClick={onCancel} disabled={writing} data-testid="ledger-cancel">
          {t('cancel')}
        </Button>
        <Typography.Text type="secondary">{t('notWrittenYet')}</Typography.Text>
      </Flex>
    </Flex>
  );
}

function sheetLabel(zh: string, locale: 'zh' | 'en'): string {
  if (zh === '') return '—';
  if (locale === 'zh') return zh;
  return LEDGER_SHEETS.find((s) => s.zh === zh)?.en ?? zh;
}
