import { Alert, Button, Card, Flex, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import type { Signoff } from '../../../shared/domain/schemas';
import type { Review } from '../../../shared/review/api';
import { signoffFigures } from '../../../shared/review/rollup';
import { formatFen } from '../../../shared/validation/money';
import { useDb, useDbSession, useRepoContext } from '../../app/DbProvider';
import { useStrings } from '../../app/i18n';
import { signOffWeek } from '../../db/signoffRepository';
import { useLiveQuery } from '../../db/live';
import { signoffOf, signoffsOfWeek } from '../../db/queries/review';
import { dateTimeLabel } from '../../ui/dates';
import { useErrorText } from '../common/featureErrors';
import { useStationName } from './ReviewTable';
import { reviewStrings } from './strings';

function useSignoff(stationCode: string, weekStart: string): Signoff | null | undefined {
  const db = useDb();
  return useLiveQuery<Signoff | null>(() => signoffOf(db, stationCode, weekStart), [db, stationCode, weekStart]);
}

export function SignoffText({ signoff }: { signoff: Signoff }) {
  const t = useStrings(reviewStrings);
  const f = signoff.figures;
  return (
    <Flex vertical gap={4} data-testid="signoff-shown">
      <Typography.Text strong>
        {t('signedBy', { name: signoff.signedByName, time: dateTimeLabel(signoff.signedAt), comment: signoff.comment || '—' })}
      </Typography.Text>
      <Typography.Text type="secondary">
        {t('signedFigures', {
          recipients: f.recipients,
          due: f.visitsDue,
          done: f.visitsDone,
          overdue: f.overdue,
          heroes: f.heroesOverdue,
          aid: formatFen(f.aidFen),
        })}
      </Typography.Text>
    </Flex>
  );
}

/** The week's sign-off of the reviewed area: shown when signed, else a form for whoever answers for it. */
export function SignoffCard({ review }: { review: Review }) {
  const t = useStrings(reviewStrings);
  const errorText = useErrorText();
  const { user } = useDbSession();
  const ctx = useRepoContext();
  const signoff = useSignoff(review.scope, review.weekStart);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const canSign = user.stationCode === review.scope && (user.role === 'district_supervisor' || user.role === 'city_admin');

  const sign = async () => {
    setBusy(true);
    const r = await signOffWeek(ctx, { stationCode: review.scope, weekStart: review.weekStart, comment, figures: signoffFigures(review) });
    setBusy(false);
    if (r.ok) {
      setComment('');
      setNotice({ type: 'success', text: t('signDone') });
    } else {
      const code = r.error.code === 'validation_failed' ? (r.error.issues[0]?.code ?? r.error.code) : r.error.code;
      setNotice({ type: 'error', text: t('signFailed', { error: errorText(code) }) });
    }
  };

  return (
    <Card size="small" title={t('signTitle')} data-testid="signoff-card">
      <Flex vertical gap={8}>
        {notice ? <Alert type={notice.type} showIcon title={notice.text} data-testid="signoff-notice" /> : null}
        {signoff === undefined ? null : signoff ? (
          <SignoffText signoff={signoff} />
        ) : canSign ? (
          <Flex vertical gap={8}>
            {/* On paper only this line: the form stays on screen. */}
            <Typography.Text type="secondary">{t('signNotYet')}</Typography.Text>
            <Flex vertical gap={8} className="yf-no-print">
              <Input.TextArea
                aria-label={t('signComment')}
                placeholder={t('signCommentPlaceholder')}
                value={comment}
                maxLength={2000}
                autoSize={{ minRows: 2, maxRows: 6 }}
                onChange={(e) => setComment(e.target.value)}
                data-testid="signoff-comment"
              />
              <div>
                <Button type="primary" loading={busy} onClick={() => void sign()} data-testid="signoff-submit">
                  {t('signButton')}
                </Button>
              </div>
            </Flex>
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('signNotYet')}</Typography.Text>
        )}
      </Flex>
    </Card>
  );
}

/** The city's review: each district's sign-off of the week. */
export function DistrictSignoffs({ review }: { review: Review }) {
  const t = useStrings(reviewStrings);
  const db = useDb();
  const nameOf = useStationName();
  const signoffs = useLiveQuery<Signoff[]>(() => signoffsOfWeek(db, review.weekStart), [db, review.weekStart]) ?? [];
  const rows = review.stations.map((s) => ({ code: s.code, signoff: signoffs.find((x) => x.stationCode === s.code) ?? null }));
  return (
    <Card size="small" title={t('districtSignoffs')} data-testid="district-signoffs">
      <Table
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={rows}
        columns={[
          { key: 'd', title: t('colDistrict'), render: (_, r) => nameOf(r.code) },
          {
            key: 's',
            title: t('colSignoff'),
            render: (_, r) =>
              r.signoff ? <SignoffText signoff={r.signoff} /> : <Typography.Text type="secondary">{t('signNotYet')}</Typography.Text>,
          },
        ]}
      />
    </Card>
  );
}
