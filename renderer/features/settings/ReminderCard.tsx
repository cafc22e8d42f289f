import { Alert, Button, Card, Flex, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useDbSession } from '../../app/DbProvider';
import { useStrings } from '../../app/i18n';
import { useLiveQuery } from '../../db/live';
import { readReminderSettings, writeRemindersEnabled } from '../../db/queries/reminders';
import { type NotifyPermission, reminderStrings, sessionNotifier } from '../reminders';

/**
 * The morning reminder's switch (issue 16), a device setting of this account kept in syncState.
 * In the browser shell turning it on is the moment to ask for the permission (a user gesture);
 * a refusal is said here, since nothing else would show it.
 */
export function ReminderCard() {
  const t = useStrings(reminderStrings);
  const { db } = useDbSession();
  const [notifier] = useState(sessionNotifier);
  const [permission, setPermission] = useState<NotifyPermission>(() => notifier.permission());
  const settings = useLiveQuery(() => readReminderSettings(db), [db]);
  useEffect(() => notifier.watchPermission(setPermission), [notifier]);

  const ask = async (): Promise<void> => setPermission(await notifier.requestPermission());
  const toggle = async (on: boolean): Promise<void> => {
    await writeRemindersEnabled(db, on);
    if (on && permission === 'default') await ask();
  };

  const enabled = settings?.enabled ?? true;
  return (
    <Card title={t('cardTitle')} data-testid="reminder-card">
      <Flex vertical gap={12}>
        <Flex gap={12} align="center">
          <Switch
            checked={enabled}
            loading={settings === undefined}
            checkedChildren={t('on')}
            unCheckedChildren={t('off')}
            onChange={(on) => void toggle(on)}
            aria-label={t('switchLabel')}
            data-testid="reminder-switch"
          />
          <Typography.Text>{t('switchLabel')}</Typography.Text>
        </Flex>
        <Typography.Text type="secondary">{t('cardHint')}</Typography.Text>
        {enabled && permission === 'denied' && <Alert type="warning" showIcon title={t('denied')} data-testid="reminder-denied" />}
        {enabled && permission === 'unsupported' && <Alert type="info" showIcon title={t('unsupported')} />}
        {enabled && permission === 'default' && (
          <Flex gap={12} align="center" wrap>
            <Typography.Text type="secondary">{t('notAsked')}</Typography.Text>
            <Button onClick={() => void ask()} data-testid="reminder-ask">
              {t('askPermission')}
            </Button>
          </Flex>
        )}
        <Typography.Text type="secondary" data-testid="reminder-last-shown">
          {settings?.lastShownDay ? t('lastShown', { day: settings.lastShownDay }) : t('neverShown')}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
