import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Radio, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useDbSession } from '../../app/DbProvider';
import { useStrings } from '../../app/i18n';
import { useScopePrefix } from '../../app/useScopePrefix';
import { toShanghaiIso } from '../../../shared/calendar/shanghai';
import { loadLocalLedgerData } from './localLedger';
import { ledgerFileName, ledgerScopeOptions } from './scopes';
import { ledgerStrings } from './strings';

function download(bytes: Uint8Array, name: string): void {
  const url = URL.createObjectURL(
    new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

type Outcome = { kind: 'ok'; text: string } | { kind: 'failed'; text: string } | null;

/** Scope, masked or full ID numbers, and the 导出台账 button: a download of the local data. */
export function ExportCard() {
  const t = useStrings(ledgerStrings);
  const { db, user } = useDbSession();
  const prefix = useScopePrefix();
  const options = useMemo(() => ledgerScopeOptions(user.role, prefix), [user.role, prefix]);
  const [scope, setScope] = useState(prefix);
  const [full, setFull] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const run = async (): Promise<void> => {
    setBusy(true);
    setOutcome(null);
    try {
      const data = await loadLocalLedgerData(db, scope);
      const now = new Date();
      // exceljs is loaded on first use only: the rest of the app starts without it.
      const { writeLedger } = await import('../../../shared/ledger/workbook');
      const bytes = await writeLedger(data, { scope, fullIdNumbers: full }, now);
      const name = ledgerFileName(scope, toShanghaiIso(now).slice(0, 10));
      download(bytes, name);
      setOutcome({
        kind: 'ok',
        text: t('exported', {
          name,
          recipients: data.recipients.length,
          visits: data.visits.length,
          aid: data.aid.length,
          duties: data.dutyOccurrences.length,
          requests: data.requests.length,
        }),
      });
    } catch (e) {
      setOutcome({ kind: 'failed', text: t('exportFailed', { reason: e instanceof Error ? e.message : String(e) }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('exportTitle')} data-testid="ledger-export">
      <Typography.Paragraph type="secondary">{t('exportHint')}</Typography.Paragraph>
      <Form layout="vertical" style={{ maxWidth: 560 }}>
        <Form.Item label={t('scope')}>
          <Select
            showSearch
            optionFilterProp="label"
            value={scope}
            onChange={setScope}
            options={options}
            disabled={options.length === 1}
            data-testid="ledger-scope"
          />
        </Form.Item>
        <Form.Item label={t('idNumbers')} extra={full ? t('fullHint') : t('maskedHint')}>
          <Radio.Group
            value={full ? 'full' : 'masked'}
            onChange={(e) => setFull(e.target.value === 'full')}
            optionType="button"
            options={[
              { label: t('masked'), value: 'masked' },
              { label: t('full'), value: 'full' },
            ]}
            data-testid="ledger-id-choice"
          />
        </Form.Item>
      </Form>
      <Flex vertical gap={12}>
        <Button
          type="primary"
          size="large"
          icon={<DownloadOutlined />}
          loading={busy}
          onClick={() => void run()}
          style={{ alignSelf: 'flex-start' }}
        >
          {busy ? t('exporting') : t('exportButton')}
        </Button>
        {outcome ? (
          <Alert type={outcome.kind === 'ok' ? 'success' : 'error'} showIcon title={outcome.text} data-testid="ledger-export-result" />
        ) : null}
      </Flex>
    </Card>
  );
}
