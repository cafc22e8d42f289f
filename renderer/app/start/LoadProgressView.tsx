import { Alert, Flex, Progress, Typography } from 'antd';
import { useStrings } from '../i18n';
import { startStrings } from './strings';
import type { DemoLoadState } from './useDemoLoad';

export function LoadProgressView({ state }: { state: DemoLoadState }) {
  const t = useStrings(startStrings);
  if (state.kind === 'idle') return null;
  if (state.kind === 'failed')
    return <Alert type="error" showIcon style={{ marginTop: 20 }} title={t('failed', { message: state.message })} />;
  if (state.kind === 'done') {
    return (
      <Flex vertical gap={8} style={{ marginTop: 20 }}>
        <Alert type="success" showIcon title={t('done', { rows: state.result.rowsWritten.toLocaleString('en-US') })} />
        {state.result.skipped > 0 && <Alert type="warning" showIcon title={t('skipped', { n: state.result.skipped })} />}
      </Flex>
    );
  }
  const tick = state.tick;
  return (
    <Flex vertical gap={4} style={{ marginTop: 20 }} data-testid="demo-progress">
      <Typography.Text>{t('generating')}</Typography.Text>
      <Progress percent={tick?.percent ?? 0} status="active" />
      <Typography.Text type="secondary">
        {tick
          ? t('progress', {
              rows: tick.rows.toLocaleString('en-US'),
              done: tick.recipientsDone.toLocaleString('en-US'),
              total: tick.recipientsTotal.toLocaleString('en-US'),
            })
          : ''}
      </Typography.Text>
      <Typography.Text type="secondary">{t('keepWorking')}</Typography.Text>
    </Flex>
  );
}
