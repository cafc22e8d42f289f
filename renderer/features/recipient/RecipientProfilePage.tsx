import { Typography } from 'antd';
import { useStrings } from '../../app/i18n';
import { placeholderStrings } from '../placeholderStrings';

export interface RecipientProfilePageProps {
  /** 'new' shows the create form. */
  recipientId: string;
}

export function RecipientProfilePage({ recipientId }: RecipientProfilePageProps) {
  const t = useStrings(placeholderStrings);
  return <Typography.Paragraph data-testid="placeholder" data-arg={recipientId}>{t('loading')}</Typography.Paragraph>;
}
