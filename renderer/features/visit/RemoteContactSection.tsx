import { Card, Col, Form, Radio, Row, Space, Typography } from 'antd';
import { useLocale, useStrings } from '../../app/i18n';
import { MaskedPhone } from '../../ui';
import { CONTACT_OUTCOME } from '../../../shared/domain/enums';
import { enumOptions } from '../common/enumOptions';
import { visitStrings } from './strings';

/**
 * For a phone or video contact: the numbers to call (masked, one click reveals each) and whether
 * the call got through. A call that did not (未接通) is recorded and keeps every duty open.
 */
export function RemoteContactSection({ phones }: { phones: readonly string[] }) {
  const t = useStrings(visitStrings);
  const locale = useLocale();
  return (
    <Card size="small" data-testid="visit-remote-contact">
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label={t('phones')} style={{ marginBottom: 0 }}>
            {phones.length === 0 ? (
              <Typography.Text type="secondary">{t('noPhone')}</Typography.Text>
            ) : (
              <Space wrap data-testid="visit-phones">
                {phones.map((p) => (
                  <MaskedPhone key={p} value={p} revealable />
                ))}
              </Space>
            )}
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="outcome" label={t('outcome')} style={{ marginBottom: 0 }}>
            <Radio.Group optionType="button" options={enumOptions(CONTACT_OUTCOME, locale)} data-testid="visit-outcome" />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
