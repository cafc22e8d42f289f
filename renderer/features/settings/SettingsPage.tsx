import { Card, Descriptions, Flex, Segmented, Statistic, Typography } from 'antd';
import type { Locale } from '../../../shared/domain/labels';
import { STAFF_ROLE } from '../../../shared/domain/enums';
import { PageHeader } from '../../ui/PageHeader';
import { useDbSession } from '../../app/DbProvider';
import { localDatabaseName } from '../../db/queries/settings';
import { useMessages, useStrings } from '../../app/i18n';
import { useAppStore } from '../../app/store';
import { APP_VERSION } from '../../app/version';
import { AttachmentStorageCard } from './AttachmentStorageCard';
import { BackupCard } from './BackupCard';
import { DailyBackupCard } from './DailyBackupCard';
import { ReminderCard } from './ReminderCard';
import { StorageCard } from './StorageCard';
import { settingsStrings } from './strings';
import { type RecordCounts, useRecordCounts } from './useRecordCounts';

const COUNT_KEYS: readonly (keyof RecordCounts)[] = ['recipients', 'visits', 'aid', 'requests', 'duties', 'occurrences', 'staff', 'outbox'];

function LanguageCard() {
  const t = useStrings(settingsStrings);
  const locale = useAppStore((s) => s.locale);
  const setLocale = useAppStore((s) => s.setLocale);
  return (
    <Card title={t('language')}>
      <Flex vertical gap={8}>
        <Segmented<Locale>
          size="large"
          value={locale}
          onChange={setLocale}
          options={[
            { label: '中文', value: 'zh' },
            { label: 'English', value: 'en' },
          ]}
          data-testid="language-switch"
          style={{ alignSelf: 'flex-start' }}
        />
        <Typography.Text type="secondary">{t('languageHint')}</Typography.Text>
      </Flex>
    </Card>
  );
}

function AboutCard() {
  const t = useStrings(settingsStrings);
  const { msg, label } = useMessages();
  const { db, user, serverId } = useDbSession();
  return (
    <Card title={t('about')}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('product')}>
          {msg('app.title')} · {msg('app.subtitle')}
        </Descriptions.Item>
        <Descriptions.Item label={t('version')}>
          <span data-testid="app-version">{APP_VERSION}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('account')}>
          {user.name}（{user.username}）· {label(STAFF_ROLE.labels[user.role])}
        </Descriptions.Item>
        <Descriptions.Item label={t('server')}>{serverId === 'local-demo' ? t('localDemo') : serverId}</Descriptions.Item>
        <Descriptions.Item label={t('dbName')}>
          <Typography.Text code data-testid="settings-db-name">
            {localDatabaseName(db)}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function LocalDataCard() {
  const t = useStrings(settingsStrings);
  const counts = useRecordCounts();
  return (
    <Card title={t('localData')} extra={<Typography.Text type="secondary">{t('localDataHint')}</Typography.Text>}>
      <Flex wrap gap={32}>
        {COUNT_KEYS.map((k) => (
          <Statistic key={k} title={t(k)} value={counts ? counts[k] : t('counting')} groupSeparator="," data-testid={`count-${k}`} />
        ))}
      </Flex>
    </Card>
  );
}

export function SettingsPage() {
  const t = useStrings(settingsStrings);
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Flex vertical gap={16} style={{ maxWidth: 960 }}>
        <LanguageCard />
        <ReminderCard />
        <AboutCard />
        <LocalDataCard />
        <StorageCard />
        <AttachmentStorageCard />
        <BackupCard />
        <DailyBackupCard />
      </Flex>
    </>
  );
}
