import { Card, Empty, Skeleton, Timeline } from 'antd';
import { useState } from 'react';
import { useDb } from '../../app/DbProvider';
import { useStrings } from '../../app/i18n';
import type { Aid, Staff } from '../../../shared/domain/schemas';
import { useLiveQuery } from '../../db/live';
import { recipientTimeline } from '../../db/queries/recipient';
import { recipientStrings } from './strings';
import { AidEntry, RequestEntry, VisitEntry } from './TimelineEntries';
import { VoidAidDialog } from './VoidAidDialog';

const COLOR = { visit: 'blue', aid: 'green', request: 'orange' } as const;

/** One history of visits, aid and requests, newest first; aid can be voided from here. */
export function TimelineCard({ recipientId, staff }: { recipientId: string; staff: readonly Staff[] }) {
  const t = useStrings(recipientStrings);
  const db = useDb();
  const entries = useLiveQuery(() => recipientTimeline(db, recipientId), [db, recipientId]);
  const [voiding, setVoiding] = useState<Aid | null>(null);
  const staffName = (id: string) => staff.find((s) => s.id === id)?.name ?? '—';

  return (
    <Card title={t('timeline')} size="small" data-testid="timeline">
      {entries === undefined ? (
        <Skeleton active />
      ) : entries.length === 0 ? (
        <Empty description={t('timelineEmpty')} />
      ) : (
        <Timeline
          items={entries.map((e) => ({
            key: `${e.kind}-${e.row.id}`,
            color: e.kind === 'aid' && e.row.voided ? 'gray' : COLOR[e.kind],
            content:
              e.kind === 'visit' ? (
                <VisitEntry visit={e.row} staffName={staffName} />
              ) : e.kind === 'aid' ? (
                <AidEntry aid={e.row} onVoid={() => setVoiding(e.row)} />
              ) : (
                <RequestEntry request={e.row} />
              ),
          }))}
        />
      )}
      {voiding && <VoidAidDialog aid={voiding} onClose={() => setVoiding(null)} />}
    </Card>
  );
}
