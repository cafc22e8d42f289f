import { Alert, Typography } from 'antd';
import { useMessages, useStrings } from '../app/i18n';
import { uiStrings } from './strings';

/**
 * A translated validation message. `code` is a validator or zod error code
 * (`id_number_checksum`, `phone_format`, …); several `codes` become one alert listing each.
 */
export function FormError({ code, codes }: { code?: string | null; codes?: readonly string[] }) {
  const { error } = useMessages();
  const t = useStrings(uiStrings);
  const list = [...new Set([...(code ? [code] : []), ...(codes ?? [])])];
  if (list.length === 0) return null;
  if (list.length === 1 && !codes) {
    return (
      <Typography.Text type="danger" role="alert" data-testid="form-error">
        {error(list[0]!)}
      </Typography.Text>
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="form-error"
      title={t('formErrorTitle')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {list.map((c) => (
            <li key={c}>{error(c)}</li>
          ))}
        </ul>
      }
    />
  );
}
