import { LockOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { refreshDesktopStatus } from '../../platform/desktopAuth';
import { desktopApi } from '../../platform/desktop';
import { useStrings } from '../i18n';
import { lockStrings } from './strings';

/** The header's lock button; only in the desktop app, where main keeps the lock. */
export function LockButton() {
  const t = useStrings(lockStrings);
  const api = desktopApi();
  if (!api) return null;
  const lock = async (): Promise<void> => {
    await api.auth.lock();
    await refreshDesktopStatus(api);
  };
  return (
    <Tooltip title={t('lockTip')}>
      <Button icon={<LockOutlined />} onClick={() => void lock()} data-testid="lock-now">
        {t('lock')}
      </Button>
    </Tooltip>
  );
}
