import { Typography } from 'antd';
import { useStrings } from '../../app/i18n';
import { placeholderStrings } from '../placeholderStrings';

export interface LogVisitPageProps {
  recipientId?: string;
  occurrenceId?: string;
}

export function LogVisitPage({ recipientId }: LogVisitPageProps) {
  const t = useStrings(placeholderStrings);
  return <Typography.Paragraph data-testid="placeholder" data-arg={recipientId ?? ''}>{t('loading')}</Typography.Paragraph>;
}
