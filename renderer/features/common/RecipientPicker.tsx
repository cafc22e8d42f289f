import { Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useLocale } from '../../app/i18n';
import { HeroBadge } from '../../ui';
import { maskIdNumber } from '../../../shared/validation/idNumber';
import { RECIPIENT_STATUS } from '../../../shared/domain/enums';
import { useRecipientSearch } from './liveReads';

export interface RecipientPickerProps {
  placeholder: string;
  onPick: (recipientId: string) => void;
  autoFocus?: boolean;
  testId?: string;
}

/** A search box that finds recipients as you type (name, pinyin initials, last 4 of ID or phone). */
export function RecipientPicker({ placeholder, onPick, autoFocus, testId = 'recipient-picker' }: RecipientPickerProps) {
  const [query, setQuery] = useState('');
  const locale = useLocale();
  const found = useRecipientSearch(query) ?? [];
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQuery }}
      autoFocus={autoFocus}
      placeholder={placeholder}
      style={{ width: '100%', maxWidth: 560 }}
      size="large"
      onChange={(id: string) => onPick(id)}
      data-testid={testId}
      notFoundContent={null}
      options={found.map((r) => ({
        value: r.id,
        label: (
          <Space size={6}>
            <HeroBadge categories={r.categories} />
            <span>{r.name}</span>
            <Typography.Text type="secondary">
              <span data-testid="masked-id">{maskIdNumber(r.idNumber)}</span>
            </Typography.Text>
            {r.status !== 'active' && <Typography.Text type="warning">{RECIPIENT_STATUS.label(r.status, locale)}</Typography.Text>}
          </Space>
        ),
      }))}
    />
  );
}
