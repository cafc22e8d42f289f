import { EditOutlined, FormOutlined, GiftOutlined, SwapOutlined } from '@ant-design/icons';
import { NewRequestButton } from '../requests';
import { Alert, Button, Col, Row, Skeleton, Space, Tag } from 'antd';
import { useState } from 'react';
import { useLocale, useStrings } from '../../app/i18n';
import { navigate } from '../../app/router';
import { CategoryTags, HeroBadge, PageHeader } from '../../ui';
import { RECIPIENT_STATUS } from '../../../shared/domain/enums';
import { todayInShanghai } from '../../../shared/calendar/shanghai';
import { useRecipient, useStaffList } from '../common/liveReads';
import { DetailsCard } from './DetailsCard';
import { DutiesCard } from './DutiesCard';
import { EditRecipientDrawer } from './EditRecipientDrawer';
import { StatusChangeDialog } from './StatusChangeDialog';
import { recipientStrings } from './strings';
import { TimelineCard } from './TimelineCard';
import { RecipientDocumentsCard } from '../attachments';
import { PrintRecipientButton } from '../print';

/** `#/recipients/:id`: details, duties and one history, with edit, status change and "log a visit". */
export function ProfileView({ recipientId }: { recipientId: string }) {
  const t = useStrings(recipientStrings);
  const locale = useLocale();
  const recipient = useRecipient(recipientId);
  const staff = useStaffList() ?? [];
  const [editing, setEditing] = useState(false);
  const [changingStatus, setChangingStatus] = useState(false);
  const today = todayInShanghai(new Date());

  if (recipient === undefined) return <Skeleton active />;
  if (recipient === null) return <Alert type="error" showIcon title={t('notFound')} />;

  const statusText =
    recipient.status === 'active'
      ? RECIPIENT_STATUS.label('active', locale)
      : t('statusSince', { status: RECIPIENT_STATUS.label(recipient.status, locale), date: recipient.statusDate ?? '' });

  return (
    <div data-testid="recipient-profile">
      <PageHeader
        title={
          <Space size={8}>
            <HeroBadge categories={recipient.categories} />
            <span data-testid="profile-name">{recipient.name}</span>
          </Space>
        }
        subtitle={
          <Space size={8} wrap>
            <CategoryTags categories={recipient.categories} />
            <Tag color={recipient.status === 'active' ? 'green' : 'default'} data-testid="profile-status">
              {statusText}
            </Tag>
          </Space>
        }
        extra={
          <>
            <Button
              type="primary"
              icon={<FormOutlined />}
              disabled={recipient.status !== 'active'}
              onClick={() => navigate('/visit/new', { recipient: recipient.id })}
              data-testid="profile-log-visit"
            >
              {t('logVisit')}
            </Button>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="profile-edit">
              {t('edit')}
            </Button>
            <Button icon={<SwapOutlined />} onClick={() => setChangingStatus(true)} data-testid="profile-status-change">
              {t('changeStatus')}
            </Button>
            <Button
              icon={<GiftOutlined />}
              disabled={recipient.status !== 'active'}
              onClick={() => navigate('/aid/new', { recipient: recipient.id })}
              data-testid="profile-hand-out-aid"
            >
              {t('handOutAid')}
            </Button>
            <NewRequestButton recipientId={recipient.id} />
            <PrintRecipientButton recipientId={recipient.id} />
          </>
        }
      />
      <Row gutter={[12, 12]}>
        <Col span={24}>
          <DetailsCard recipient={recipient} staff={staff} />
        </Col>
        <Col xs={24} xxl={12}>
          <DutiesCard recipient={recipient} staff={staff} today={today} />
        </Col>
        <Col xs={24} xxl={12}>
          <TimelineCard recipientId={recipient.id} staff={staff} />
        </Col>
        <Col span={24}>
          <RecipientDocumentsCard recipient={recipient} />
        </Col>
      </Row>
      <EditRecipientDrawer recipient={recipient} open={editing} onClose={() => setEditing(false)} />
      {changingStatus && <StatusChangeDialog recipient={recipient} open onClose={() => setChangingStatus(false)} />}
    </div>
  );
}
