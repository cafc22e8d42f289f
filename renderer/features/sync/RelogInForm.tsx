import { Button, Flex, Input } from 'antd';
import { useState } from 'react';
import { signInOnline } from '../../platform/session';
import { useSyncStatus } from '../../sync/syncStatusStore';
import { useDbSession } from '../../app/DbProvider';
import { useMessages, useStrings } from '../../app/i18n';
import { syncStrings } from './strings';

/** When the server token has expired or was revoked: the password again, then sync resumes. */
export function RelogInForm() {
  const t = useStrings(syncStrings);
  const { error } = useMessages();
  const { user, serverId } = useDbSession();
  const syncNow = useSyncStatus((s) => s.syncNow);
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async (): Promise<void> => {
    const res = await signInOnline({
      username: user.username,
      password,
      deviceId: localStorage.getItem('youfu-desk.deviceId') ?? `web-${crypto.randomUUID()}`,
    });
    if (!res.ok) {
      setFailure(error(res.error.code === 'unauthorized' ? 'invalid_credentials' : res.error.code));
      return;
    }
    // Signed in again as someone else? Then this session's database is not theirs: stop here.
    if (res.value.serverId !== serverId || res.value.user.id !== user.id) {
      setFailure(error('unauthorized'));
      return;
    }
    setPassword('');
    await syncNow?.();
  };
  return (
    <Flex gap={8} style={{ marginTop: 16 }} wrap>
      <Input.Password
        placeholder={t('reloginPassword')}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        onPressEnter={() => void submit()}
        style={{ maxWidth: 260 }}
        status={failure ? 'error' : undefined}
        data-testid="relogin-password"
      />
      <Button onClick={() => void submit()} data-testid="relogin-submit">
        {t('relogin')}
      </Button>
      {failure && <span style={{ color: '#cf1322' }}>{failure}</span>}
    </Flex>
  );
}
