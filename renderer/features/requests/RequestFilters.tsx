import { Select, Space } from 'antd';
import { useLocale, useStrings } from '../../app/i18n';
import { REQUEST_STATUS, URGENCY } from '../../../shared/domain/enums';
import type { Staff } from '../../../shared/domain/schemas';
import { enumOptions } from '../common/enumOptions';
import type { RequestFilter } from './useRequestRows';
import { requestStrings } from './strings';

export function RequestFilters({
  filter,
  onChange,
  staff,
  myId,
}: {
  filter: RequestFilter;
  onChange: (f: RequestFilter) => void;
  staff: readonly Staff[];
  myId: string;
}) {
  const t = useStrings(requestStrings);
  const locale = useLocale();
  return (
    <Space wrap size={12} style={{ marginBottom: 12 }}>
      <Space size={4}>
        <span>{t('status')}</span>
        <Select
          style={{ width: 130 }}
          value={filter.status}
          onChange={(status) => onChange({ ...filter, status })}
          options={[
            { value: 'active', label: t('statusActive') },
            ...enumOptions(REQUEST_STATUS, locale),
            { value: 'all', label: t('all') },
          ]}
          data-testid="filter-status"
        />
      </Space>
      <Space size={4}>
        <span>{t('urgency')}</span>
        <Select
          style={{ width: 110 }}
          value={filter.urgency}
          onChange={(urgency) => onChange({ ...filter, urgency })}
          options={[{ value: 'all', label: t('all') }, ...enumOptions(URGENCY, locale)]}
          data-testid="filter-urgency"
        />
      </Space>
      <Space size={4}>
        <span>{t('assignee')}</span>
        <Select
          style={{ width: 150 }}
          value={filter.assignee}
          showSearch={{ optionFilterProp: 'label' }}
          onChange={(assignee: string) => onChange({ ...filter, assignee })}
          options={[
            { value: 'all', label: t('all') },
            { value: myId, label: t('mine') },
            { value: 'unassigned', label: t('unassigned') },
            ...staff.filter((s) => s.id !== myId).map((s) => ({ value: s.id, label: s.name })),
          ]}
          data-testid="filter-assignee"
        />
      </Space>
    </Space>
  );
}
