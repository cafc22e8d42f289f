import { Typography } from 'antd';
import { useStrings } from '../../app/i18n';
import { placeholderStrings } from '../placeholderStrings';

export function RequestsPage() {
  const t = useStrings(placeholderStrings);
  return <Typography.Paragraph data-testid="placeholder">{t('loading')}</Typography.Paragraph>;
}
