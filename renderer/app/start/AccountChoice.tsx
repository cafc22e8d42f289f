import { Card, Flex, Radio, Typography } from 'antd';
import { useLiveQuery } from '../../db/live';
import { STAFF_ROLE } from '../../../shared/domain/enums';
import { stationPathName } from '../../../shared/stations/tree';
import { useMessages, useStrings } from '../i18n';
import { DEMO_ACCOUNT_KEYS, type DemoAccountKey, demoAccount } from './demoAccounts';
import { demoRecipientCount } from './loadDemo';
import { startStrings } from './strings';

function ExistingData({ accountKey, refresh }: { accountKey: DemoAccountKey; refresh: number }) {
  const t = useStrings(startStrings);
  const count = useLiveQuery(() => demoRecipientCount(demoAccount(accountKey)), [accountKey, refresh]);
  if (count === undefined) return null;
  return (
    <Typography.Text type={count > 0 ? 'success' : 'secondary'} data-testid={`existing-${accountKey}`}>
      {count > 0 ? t('existing', { n: count.toLocaleString('en-US') }) : t('noData')}
    </Typography.Text>
  );
}

/** The three demo accounts as cards: who they are, where they work, and what is already loaded. */
export function AccountChoice({
  value,
  onChange,
  refresh,
  disabled,
}: {
  value: DemoAccountKey;
  onChange: (k: DemoAccountKey) => void;
  refresh: number;
  disabled: boolean;
}) {
  const { label } = useMessages();
  return (
    <Radio.Group value={value} onChange={(e) => onChange(e.target.value as DemoAccountKey)} disabled={disabled} style={{ width: '100%' }}>
      <Flex gap={12} wrap>
        {DEMO_ACCOUNT_KEYS.map((key) => {
          const a = demoAccount(key);
          return (
            <Card
              key={key}
              size="small"
              hoverable={!disabled}
              onClick={() => !disabled && onChange(key)}
              style={{ flex: '1 1 200px', borderColor: value === key ? '#b71c1c' : undefined }}
              data-testid={`account-${key}`}
            >
              <Radio value={key}>
                <Typography.Text strong>{a.name}</Typography.Text>
                <Typography.Text type="secondary"> · {a.username}</Typography.Text>
              </Radio>
              <Flex vertical style={{ marginTop: 6, paddingInlineStart: 24 }} gap={2}>
                <Typography.Text>{label(STAFF_ROLE.labels[a.role])}</Typography.Text>
                <Typography.Text type="secondary">{stationPathName(a.stationCode)}</Typography.Text>
                <ExistingData accountKey={key} refresh={refresh} />
              </Flex>
            </Card>
          );
        })}
      </Flex>
    </Radio.Group>
  );
}
