import { ClearOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Input, Select } from 'antd';
import { useMemo } from 'react';
import { CATEGORY, LIVING_SITUATION } from '../../../shared/domain/enums';
import { childrenOf, getStation, levelOfCode } from '../../../shared/stations/tree';
import { useDbSession } from '../../app/DbProvider';
import { useLocale, useStrings } from '../../app/i18n';
import { EMPTY_CASELOAD_FILTERS, useAppStore } from '../../app/store';
import { useScopePrefix } from '../../app/useScopePrefix';
import { CASELOAD_SEARCH_ID } from '../../app/useShortcuts';
import { useStaffById } from '../../app/useStaffById';
import { caseloadStrings } from './strings';

const SELECT_STYLE = { minWidth: 150 } as const;

/** Streets and communities the user may pick: only those inside their scope. */
function useStationOptions(streetCode: string | null) {
  const scope = useScopePrefix();
  return useMemo(() => {
    const level = levelOfCode(scope);
    const streets = level === 'district' ? childrenOf(scope) : level === 'city' ? childrenOf(scope).flatMap((d) => childrenOf(d.code)) : [];
    const communityParent = streetCode ?? (level === 'street' ? scope : null);
    const communities = communityParent ? childrenOf(communityParent) : [];
    return { streets, communities, scopeStreet: level === 'street' ? getStation(scope) : undefined };
  }, [scope, streetCode]);
}

export function CaseloadFilters() {
  const t = useStrings(caseloadStrings);
  const locale = useLocale();
  const { user } = useDbSession();
  const filters = useAppStore((s) => s.caseload);
  const setCaseload = useAppStore((s) => s.setCaseload);
  const staff = useStaffById();
  const scope = useScopePrefix();
  const { streets, communities } = useStationOptions(filters.streetCode);

  const dedicatedOptions = useMemo(() => {
    const list = [...staff.values()].filter((s) => s.role === 'dedicated_staff' && s.stationCode.startsWith(scope));
    const mine = { value: user.id, label: t('staffMine') };
    return [mine, ...list.filter((s) => s.id !== user.id).map((s) => ({ value: s.id, label: s.name }))];
  }, [staff, scope, user.id, t]);

  return (
    <Flex vertical gap={10} style={{ marginBottom: 12 }}>
      <Input
        id={CASELOAD_SEARCH_ID}
        size="large"
        allowClear
        autoFocus
        prefix={<SearchOutlined />}
        placeholder={t('searchPlaceholder')}
        value={filters.text}
        onChange={(e) => setCaseload({ text: e.target.value })}
        aria-label={t('searchPlaceholder')}
        data-testid="caseload-search"
      />
      <Flex gap={8} wrap align="center">
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          style={{ minWidth: 200 }}
          placeholder={t('filterCategory')}
          value={filters.categories}
          onChange={(v) => setCaseload({ categories: v })}
          options={CATEGORY.values.map((c) => ({ value: c, label: CATEGORY.labels[c][locale] }))}
          data-testid="filter-category"
        />
        {streets.length > 0 && (
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            style={SELECT_STYLE}
            placeholder={t('filterStreet')}
            value={filters.streetCode}
            onChange={(v: string | undefined) => setCaseload({ streetCode: v ?? null, communityCode: null })}
            options={streets.map((s) => ({ value: s.code, label: s.name }))}
            data-testid="filter-street"
          />
        )}
        {communities.length > 0 && (
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            style={SELECT_STYLE}
            placeholder={t('filterCommunity')}
            value={filters.communityCode}
            onChange={(v: string | undefined) => setCaseload({ communityCode: v ?? null })}
            options={communities.map((s) => ({ value: s.code, label: s.name }))}
            data-testid="filter-community"
          />
        )}
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          style={{ minWidth: 160 }}
          placeholder={t('filterLiving')}
          value={filters.livingSituation}
          onChange={(v) => setCaseload({ livingSituation: v })}
          options={LIVING_SITUATION.values.map((c) => ({ value: c, label: LIVING_SITUATION.labels[c][locale] }))}
          data-testid="filter-living"
        />
        <Select
          allowClear
          style={SELECT_STYLE}
          placeholder={t('filterDue')}
          value={filters.due}
          onChange={(v: 'overdue' | 'due_soon' | undefined) => setCaseload({ due: v ?? null })}
          options={[
            { value: 'overdue', label: t('dueOverdue') },
            { value: 'due_soon', label: t('dueSoon') },
          ]}
          data-testid="filter-due"
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          style={SELECT_STYLE}
          placeholder={t('filterStaff')}
          value={filters.dedicatedStaffId}
          onChange={(v: string | undefined) => setCaseload({ dedicatedStaffId: v ?? null })}
          options={dedicatedOptions}
          data-testid="filter-staff"
        />
        <Checkbox checked={filters.sortByNextDue} onChange={(e) => setCaseload({ sortByNextDue: e.target.checked })}>
          {t('sortNextDue')}
        </Checkbox>
        <Button icon={<ClearOutlined />} onClick={() => setCaseload(EMPTY_CASELOAD_FILTERS)}>
          {t('clearFilters')}
        </Button>
      </Flex>
    </Flex>
  );
}
