import { Flex } from 'antd';
import { useStrings } from '../../app/i18n';
import { PageHeader } from '../../ui';
import { ExportCard } from './ExportCard';
import { ImportCard } from './ImportCard';
import { ledgerStrings } from './strings';

/** `#/ledger`: the Excel ledger (台账), export and import, for every role within its own scope. */
export function LedgerPage() {
  const t = useStrings(ledgerStrings);
  return (
    <div>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Flex vertical gap={16}>
        <ExportCard />
        <ImportCard />
      </Flex>
    </div>
  );
}
