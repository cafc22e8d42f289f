import { Card, Radio, Typography } from 'antd';
import type { SyncSchedule } from '../../../shared/sync/schedule';
import { useDbSession } from '../../app/DbProvider';
import { useStrings } from '../../app/i18n';
import { useLiveQuery } from '../../db/live';
import { readSyncState, writeSyncState } from '../../db/syncStateRepository';
import { parseSchedule } from './SyncRuntime';
import { syncStrings } from './strings';

const CHOICES: Record<'interval' | 'weekly' | 'manual', SyncSchedule> = {
  interval: { kind: 'interval', minutes: 15 },
  weekly: { kind: 'weekly', weekday: 1, hour: 9 },
  manual: { kind: 'manual' },
};

/** Supervisors and city staff may sync weekly; station staff always sync continuously. */
export function ScheduleCard() {
  const t = useStrings(syncStrings);
  const { db, user } = useDbSession();
  const stored = useLiveQuery(() => readSyncState(db, 'schedule'), [db]);
  const schedule = parseSchedule(stored);
  const mayChoose = user.role === 'district_supervisor' || user.role === 'city_admin';
  return (
    <Card title={t('schedule')} data-testid="sync-schedule">
      <Radio.Group
        value={schedule.kind}
        disabled={!mayChoose}
        onChange={(e) => {
          const kind = e.target.value as keyof typeof CHOICES;
          // A device setting, not synced data: written straight to syncState, no outbox entry.
          void writeSyncState(db, 'schedule', JSON.stringify(CHOICES[kind]));
        }}
        options={[
          { value: 'interval', label: t('scheduleInterval') },
          { value: 'weekly', label: t('scheduleWeekly') },
          { value: 'manual', label: t('scheduleManual') },
        ]}
      />
      {!mayChoose && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('scheduleHint')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
