import { PlusOutlined } from '@ant-design/icons';
import { NewRequestButton } from '../requests';
import { Button } from 'antd';
import { PageHeader } from '../../ui/PageHeader';
import { useStrings } from '../../app/i18n';
import { navigate } from '../../app/router';
import { useToday } from '../../app/useToday';
import { CaseloadFilters } from './CaseloadFilters';
import { CaseloadTable } from './CaseloadTable';
import { caseloadStrings } from './strings';
import { useCaseload } from './useCaseload';

const EMPTY: readonly string[] = [];

export function CaseloadPage() {
  const t = useStrings(caseloadStrings);
  const today = useToday();
  const { ids, total, stale, complete } = useCaseload(today);
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={
          <span data-testid="caseload-count">{t('subtitle', { total: total ?? '…', shown: complete && ids ? ids.length : '…' })}</span>
        }
        extra={
          <>
            <NewRequestButton />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/recipients/new')}>
              {t('newRecipient')}
            </Button>
          </>
        }
      />
      <CaseloadFilters />
      <div style={{ opacity: stale ? 0.6 : 1, transition: 'opacity 120ms' }} data-stale={stale}>
        <CaseloadTable ids={ids ?? EMPTY} today={today} loading={ids === undefined} />
      </div>
    </>
  );
}
