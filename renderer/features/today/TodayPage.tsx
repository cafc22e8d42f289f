import { Segmented, Space } from 'antd';
import { NewRequestButton } from '../requests';
import { useState } from 'react';
import { PageHeader } from '../../ui/PageHeader';
import { weekdayLabel } from '../../ui/dates';
import { useDbSession } from '../../app/DbProvider';
import { useLocale, useStrings } from '../../app/i18n';
import { useToday } from '../../app/useToday';
import { FirstDownloadCard, useFirstDownload } from '../common/FirstDownload';
import { PrintVisitListButton } from '../print';
import { todayStrings } from './strings';
import { TodayCounts } from './TodayCounts';
import { TodayTable } from './TodayTable';
import { type TodayScope, useTodayItems } from './useTodayItems';

export function TodayPage() {
  const t = useStrings(todayStrings);
  const locale = useLocale();
  const today = useToday();
  const { user } = useDbSession();
  const [scope, setScope] = useState<TodayScope>('station');
  const data = useTodayItems(scope, today);
  // Until the first download has finished, its progress: not an empty list that looks like a quiet day.
  const download = useFirstDownload();
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle', { date: today, weekday: weekdayLabel(today, locale) })}
        extra={
          <Space>
            <NewRequestButton />
            <PrintVisitListButton station={user.stationCode} />
            <Segmented<TodayScope>
              value={scope}
              onChange={setScope}
              options={[
                { value: 'station', label: t('scopeStation') },
                { value: 'mine', label: t('scopeMine') },
              ]}
              data-testid="today-scope"
            />
          </Space>
        }
      />
      {download && !download.complete ? (
        <FirstDownloadCard download={download} />
      ) : (
        <>
          <TodayCounts data={data} />
          <TodayTable items={data?.lines ?? []} today={today} loading={data === undefined || download === undefined} />
        </>
      )}
    </>
  );
}
