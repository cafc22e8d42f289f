import { PhoneOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useStrings } from '../../app/i18n';
import { navigate } from '../../app/router';
import { intakeStrings } from './intakeStrings';

/** 新建诉求 (a help-line call, a walk-in), from Today, the caseload, a profile and the requests page; Ctrl+Shift+H anywhere. */
export function NewRequestButton({ recipientId, primary = false }: { recipientId?: string; primary?: boolean }) {
  const t = useStrings(intakeStrings);
  return (
    <Tooltip title="Ctrl+Shift+H">
      <Button
        type={primary ? 'primary' : 'default'}
        icon={<PhoneOutlined />}
        onClick={() => navigate('/requests/new', recipientId ? { recipient: recipientId } : undefined)}
        data-testid="new-request"
      >
        {t('newRequest')}
      </Button>
    </Tooltip>
  );
}
