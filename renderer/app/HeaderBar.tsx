import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Badge, Button, Flex, Layout, Tooltip, Typography } from 'antd';
import { STAFF_ROLE } from '../../shared/domain/enums';
import { stationPathName } from '../../shared/stations/tree';
import { appStrings } from './appStrings';
import { useDbSession } from './DbProvider';
import { LockButton } from './lock/LockButton';
import { useMessages, useStrings } from './i18n';
import { signOutSession } from '../platform/session';
import { useAppStore } from './store';
import { useOnline } from './useOnline';

function OnlineIndicator() {
  const t = useStrings(appStrings);
  const online = useOnline();
  return (
    <Tooltip title={online ? t('onlineTip') : t('offlineTip')}>
      <span data-testid="online-indicator" data-online={online}>
        <Badge status={online ? 'success' : 'default'} text={online ? t('online') : t('offline')} />
      </span>
    </Tooltip>
  );
}

/** Always shows who is signed in, their role and station, and whether the network is there. */
export function HeaderBar() {
  const t = useStrings(appStrings);
  const { msg, label } = useMessages();
  const { user } = useDbSession();
  const signOut = useAppStore((s) => s.signOut);
  return (
    <Layout.Header style={{ borderBottom: '1px solid #f0f0f0', display: 'flex', alignItems: 'center', gap: 16, lineHeight: 'normal' }}>
      <Typography.Text strong style={{ fontSize: 18, color: '#b71c1c', whiteSpace: 'nowrap' }}>
        {msg('app.title')}
      </Typography.Text>
      <Flex align="center" gap={16} style={{ marginInlineStart: 'auto', minWidth: 0 }}>
        <OnlineIndicator />
        <Flex align="center" gap={8} style={{ minWidth: 0 }} data-testid="session-user">
          <UserOutlined aria-label={t('signedInAs')} />
          <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
            {user.name}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }} data-testid="session-role">
            {label(STAFF_ROLE.labels[user.role])}
          </Typography.Text>
          <Typography.Text style={{ whiteSpace: 'nowrap' }} ellipsis data-testid="session-station">
            {stationPathName(user.stationCode)}
          </Typography.Text>
        </Flex>
        {/* Unsynced changes stay in this account's own database and go out at its next sign-in. */}
        <LockButton />
        <Button icon={<LogoutOutlined />} onClick={() => void signOutSession().then(signOut)} data-testid="sign-out">
          {t('signOut')}
        </Button>
      </Flex>
    </Layout.Header>
  );
}
