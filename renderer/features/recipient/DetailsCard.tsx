import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import { useLocale, useStrings } from '../../app/i18n';
import { DateText } from '../../ui';
import { GENDER, LIVING_SITUATION, PENSION_KIND } from '../../../shared/domain/enums';
import type { Recipient, Staff } from '../../../shared/domain/schemas';
import { lunarLabel } from '../../../shared/duties/lunarDate';
import { maskIdNumber } from '../../../shared/validation/idNumber';
import { maskPhone } from '../../../shared/validation/phone';
import { CategoryList } from './CategoryList';
import { recipientStrings } from './strings';

const MONO = { fontVariantNumeric: 'tabular-nums' } as const;

/**
 * The profile's details. The ID number, phones, address, health notes and emergency contacts
 * stay hidden (masked) until 显示 is clicked, so a screen seen over a shoulder gives nothing away.
 */
export function DetailsCard({ recipient, staff }: { recipient: Recipient; staff: readonly Staff[] }) {
  const t = useStrings(recipientStrings);
  const locale = useLocale();
  const [shown, setShown] = useState(false);
  const hidden = <Typography.Text type="secondary">{t('hiddenValue')}</Typography.Text>;
  const dedicated = staff.find((s) => s.id === recipient.dedicatedStaffId);
  const r = recipient;
  const list = (items: readonly string[]) => items.join(locale === 'zh' ? '、' : ', ');
  return (
    <Card
      title={t('details')}
      size="small"
      extra={
        <Button
          size="small"
          icon={shown ? <EyeInvisibleOutlined /> : <EyeOutlined />}
          onClick={() => setShown((s) => !s)}
          data-testid="reveal-sensitive"
        >
          {shown ? t('hide') : t('show')}
        </Button>
      }
    >
      <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
        <Descriptions.Item label={t('idNumber')}>
          <span style={MONO} data-testid="profile-idNumber">
            {shown ? r.idNumber : maskIdNumber(r.idNumber)}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('gender')}>{GENDER.label(r.gender, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('birthDate')}>
          <Space size={6}>
            <DateText date={r.birthDate} />
            {r.lunarBirthday && <Typography.Text type="secondary">{lunarLabel(r.birthDate, locale)}</Typography.Text>}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('phones')}>
          <span style={MONO} data-testid="profile-phones">
            {r.phones.length === 0 ? '—' : list(r.phones.map((p) => (shown ? p : maskPhone(p))))}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('address')} span={2}>
          <span data-testid="profile-address">{shown ? r.address || '—' : hidden}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('categories')} span="filled">
          <CategoryList categories={r.categories} />
        </Descriptions.Item>
        <Descriptions.Item label={t('dedicatedStaff')}>{dedicated?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('livingSituation')}>
          {r.livingSituation.length === 0 ? '—' : list(r.livingSituation.map((l) => LIVING_SITUATION.label(l, locale)))}
        </Descriptions.Item>
        <Descriptions.Item label={t('pensionKind')}>{r.pensionKind ? PENSION_KIND.label(r.pensionKind, locale) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('medicalCard')}>{r.medicalCard ? '✓' : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('tags')}>{r.tags.length === 0 ? '—' : list(r.tags)}</Descriptions.Item>
        <Descriptions.Item label={t('emergencyContacts')}>
          {r.emergencyContacts.length === 0
            ? '—'
            : r.emergencyContacts
                .map((c) => t('contact', { name: c.name, relation: c.relation, phone: shown ? c.phone : maskPhone(c.phone) }))
                .join(locale === 'zh' ? '；' : '; ')}
        </Descriptions.Item>
        <Descriptions.Item label={t('healthNotes')} span="filled">
          <span data-testid="profile-healthNotes" style={{ whiteSpace: 'pre-wrap' }}>
            {shown ? r.healthNotes || '—' : hidden}
          </span>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
