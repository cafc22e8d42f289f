import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useLocale, useStrings } from '../../app/i18n';
import { AID_KIND, FUND_SOURCE } from '../../../shared/domain/enums';
import { enumOptions } from '../common/enumOptions';
import { visitStrings } from './strings';
import { emptyAid } from './visitFormValues';
import { AidReceipt } from './AidReceipt';

/**
 * Aid handed out on the visit. The amount is typed in yuan as text (never a float input) and
 * parsed into integer fen on save; goods and services can give a quantity and an item instead.
 */
export function AidSection() {
  const t = useStrings(visitStrings);
  const locale = useLocale();
  return (
    <Card title={t('sectionAid')} size="small">
      <Form.List name="aid">
        {(fields, { add, remove }) => (
          <>
            {fields.map(({ key, name }) => (
              <Row
                gutter={12}
                key={key}
                align="top"
                data-testid={`aid-${name}`}
                style={{ borderBottom: '1px dashed #eee', marginBottom: 12 }}
              >
                <Col xs={12} md={4}>
                  <Form.Item name={[name, 'kind']} label={t('aidKind')}>
                    <Select options={enumOptions(AID_KIND, locale)} data-testid={`aid-${name}-kind`} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item name={[name, 'amountYuan']} label={t('aidAmount')}>
                    <Input
                      prefix="¥"
                      inputMode="decimal"
                      placeholder={t('aidAmountPlaceholder')}
                      style={{ textAlign: 'right' }}
                      data-testid={`aid-${name}-amount`}
                    />
                  </Form.Item>
                </Col>
                <Col xs={8} md={3}>
                  <Form.Item name={[name, 'quantity']} label={t('aidQuantity')}>
                    <InputNumber min={1} precision={0} style={{ width: '100%' }} data-testid={`aid-${name}-quantity`} />
                  </Form.Item>
                </Col>
                <Col xs={16} md={5}>
                  <Form.Item name={[name, 'item']} label={t('aidItem')}>
                    <Input data-testid={`aid-${name}-item`} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item name={[name, 'fundSource']} label={t('aidFund')}>
                    <Select options={enumOptions(FUND_SOURCE, locale)} popupMatchSelectWidth={false} data-testid={`aid-${name}-fund`} />
                  </Form.Item>
                </Col>
                <Col xs={10} md={3}>
                  <Form.Item name={[name, 'approvedBy']} label={t('aidApprover')}>
                    <Input data-testid={`aid-${name}-approver`} />
                  </Form.Item>
                </Col>
                <Col xs={2} md={1}>
                  <Form.Item label=" ">
                    <Button icon={<DeleteOutlined />} aria-label={t('remove')} onClick={() => remove(name)} />
                  </Form.Item>
                </Col>
                <Col span={24}>
                  <Form.Item name={[name, 'uid']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[name, 'acknowledged']} valuePropName="checked" style={{ marginTop: -12 }}>
                    <Checkbox>{t('aidAcknowledged')}</Checkbox>
                  </Form.Item>
                </Col>
                <Col span={24} style={{ marginBottom: 12 }}>
                  <AidReceipt name={name} />
                </Col>
              </Row>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(emptyAid())} data-testid="add-aid">
              {t('addAid')}
            </Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}
