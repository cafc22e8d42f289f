import { Card, Checkbox, Col, Form, Input, Radio, Row } from 'antd';
import { useLocale, useStrings } from '../../app/i18n';
import { GENDER } from '../../../shared/domain/enums';
import { DateInput } from '../../ui';
import { enumOptions } from '../common/enumOptions';
import { recipientStrings } from './strings';

/** Name, ID number, and the birth date and gender read from it. */
export function IdentitySection() {
  const t = useStrings(recipientStrings);
  const locale = useLocale();
  return (
    <Card title={t('sectionIdentity')} size="small">
      <Row gutter={16}>
        <Col xs={24} md={6}>
          <Form.Item name="name" label={t('name')} required>
            <Input autoFocus maxLength={40} data-testid="recipient-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="idNumber" label={t('idNumber')} required extra={t('idNumberHint')}>
            <Input maxLength={18} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="recipient-idNumber" />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name="gender" label={t('gender')} required>
            <Radio.Group optionType="button" options={enumOptions(GENDER, locale)} data-testid="recipient-gender" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="birthDate" label={t('birthDate')} required>
            <DateInput data-testid="recipient-birthDate" />
          </Form.Item>
          <Form.Item name="lunarBirthday" valuePropName="checked" style={{ marginTop: -16 }}>
            <Checkbox data-testid="recipient-lunarBirthday">{t('lunarBirthday')}</Checkbox>
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
