import { Button, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useLocale, useStrings } from '../../app/i18n';
import { DateText, DateTimeText, Money } from '../../ui';
import {
  AID_KIND,
  CONDITION_LEVEL,
  CONTACT_OUTCOME,
  FESTIVAL,
  FUND_SOURCE,
  REQUEST_STATUS,
  REQUEST_TOPIC,
  URGENCY,
  VISIT_MODE,
  VISIT_PURPOSE,
} from '../../../shared/domain/enums';
import type { Aid, Request, Visit } from '../../../shared/domain/schemas';
import { recipientStrings } from './strings';
import { AddAttachmentsDialog, AttachmentGallery } from '../attachments';
import { PrintRequestButton, PrintVisitButton } from '../print';

export function VisitEntry({ visit, staffName }: { visit: Visit; staffName: (id: string) => string }) {
  const t = useStrings(recipientStrings);
  const locale = useLocale();
  const c = visit.condition;
  const level = (v: typeof c.health) => (v ? CONDITION_LEVEL.label(v, locale) : '—');
  const purpose = VISIT_PURPOSE.label(visit.purpose, locale) + (visit.festival ? `（${FESTIVAL.label(visit.festival, locale)}）` : '');
  return (
    <div data-testid="timeline-visit">
      <Space size={8} wrap>
        <Tag color="blue">{t('visit')}</Tag>
        <DateTimeText value={visit.visitedAt} />
        <Typography.Text strong>{VISIT_MODE.label(visit.mode, locale)}</Typography.Text>
        {visit.outcome === 'not_reached' && (
          <Tag color="orange" data-testid="visit-not-reached">
            {CONTACT_OUTCOME.label('not_reached', locale)}
          </Tag>
        )}
        <span>{purpose}</span>
        <Typography.Text type="secondary">
          {t('staff', { names: visit.staffIds.map(staffName).join(locale === 'zh' ? '、' : ', ') })}
        </Typography.Text>
        <PrintVisitButton visitId={visit.id} />
      </Space>
      {(c.health || c.living || c.mood) && (
        <div>
          <Typography.Text type="secondary">
            {t('condition', { health: level(c.health), living: level(c.living), mood: level(c.mood) })}
          </Typography.Text>
        </div>
      )}
      {visit.notes && <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{visit.notes}</Typography.Paragraph>}
      <AttachmentGallery owner={{ table: 'visits', id: visit.id }} />
    </div>
  );
}

export function AidEntry({ aid, onVoid }: { aid: Aid; onVoid: () => void }) {
  const t = useStrings(recipientStrings);
  const locale = useLocale();
  const struck = aid.voided ? { textDecoration: 'line-through', color: '#999' } : undefined;
  const [signing, setSigning] = useState(false);
  return (
    <div data-testid="timeline-aid" data-voided={aid.voided ? 'true' : 'false'}>
      <Space size={8} wrap>
        <Tag color={aid.voided ? 'default' : 'green'}>{t('aid')}</Tag>
        <span>
          <Space size={8} wrap>
            <span style={struck}>
              <DateText date={aid.date} />
            </span>
            <Typography.Text strong style={struck}>
              {AID_KIND.label(aid.kind, locale)}
            </Typography.Text>
            {aid.amountFen !== null && (
              <span style={struck} data-testid="aid-amount">
                <Money fen={aid.amountFen} inline />
              </span>
            )}
            {aid.item && (
              <span style={struck}>
                {aid.item}
                {aid.quantity ? ` × ${aid.quantity}` : ''}
              </span>
            )}
            <Typography.Text type="secondary" style={struck}>
              {t('fund', { fund: FUND_SOURCE.label(aid.fundSource, locale) })}
            </Typography.Text>
            {aid.approvedBy && (
              <Typography.Text type="secondary" style={struck}>
                {t('approver', { name: aid.approvedBy })}
              </Typography.Text>
            )}
          </Space>
        </span>
        {!aid.voided &&
          (aid.acknowledged ? (
            <Tag color="green" data-testid="aid-acknowledged">
              {t('aidAcknowledged')}
            </Tag>
          ) : (
            <>
              <Tag data-testid="aid-unacknowledged">{t('aidUnacknowledged')}</Tag>
              <Button size="small" type="link" onClick={() => setSigning(true)} data-testid="aid-sign-later">
                {t('aidSignLater')}
              </Button>
            </>
          ))}
        {!aid.voided && (
          <Button size="small" danger type="link" onClick={onVoid} data-testid="void-aid">
            {t('voidAid')}
          </Button>
        )}
      </Space>
      {aid.voided && (
        <div>
          <Typography.Text type="danger" data-testid="void-reason">
            {t('voided', { reason: aid.voidReason ?? '' })}
          </Typography.Text>
        </div>
      )}
      <AttachmentGallery owner={{ table: 'aid', id: aid.id }} />
      {signing && (
        <AddAttachmentsDialog
          open
          onClose={() => setSigning(false)}
          title={t('aidSignLaterTitle')}
          owner={{ table: 'aid', id: aid.id }}
          kinds={['receipt']}
          receipt
        />
      )}
    </div>
  );
}

/** What a request is given: photos of the matter (a leaking roof), letters, certificates. */
const REQUEST_ATTACHMENT_KINDS = ['document', 'certificate', 'id_card'] as const;

export function RequestEntry({ request }: { request: Request }) {
  const t = useStrings(recipientStrings);
  const locale = useLocale();
  const [adding, setAdding] = useState(false);
  return (
    <div data-testid="timeline-request">
      <Space size={8} wrap>
        <Tag color="orange">{t('request')}</Tag>
        <DateTimeText value={request.openedAt} />
        <Typography.Text strong>{REQUEST_TOPIC.label(request.topic, locale)}</Typography.Text>
        <Tag>{URGENCY.label(request.urgency, locale)}</Tag>
        <Tag color={request.status === 'resolved' ? 'green' : request.status === 'referred' ? 'purple' : 'orange'}>
          {REQUEST_STATUS.label(request.status, locale)}
        </Tag>
        <PrintRequestButton requestId={request.id} />
      </Space>
      <Typography.Paragraph style={{ margin: 0 }}>{request.description}</Typography.Paragraph>
      <AttachmentGallery owner={{ table: 'requests', id: request.id }} />
      <Button size="small" type="link" onClick={() => setAdding(true)} style={{ paddingInline: 0 }} data-testid="request-add-attachments">
        {t('requestAddAttachments')}
      </Button>
      {adding && (
        <AddAttachmentsDialog
          open
          onClose={() => setAdding(false)}
          title={t('requestAddAttachments')}
          owner={{ table: 'requests', id: request.id }}
          kinds={REQUEST_ATTACHMENT_KINDS}
        />
      )}
    </div>
  );
}
