import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Row, Space } from 'antd';
import { useStrings } from '../../app/i18n';
import { recipientStrings } from './strings';

/** Phones, address and emergency contacts. */
export function ContactSection() {
  const t = useStrings(recipientStrings);
  return (
    <Card title={t('sectionContact')} size="small">
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Form.List name="phones">
            {(fields, { add, remove }) => (
              <Form.Item label={t('phones')} style={{ marginBottom: 0 }}>
                {fields.map(({ key, name }) => (
                  <Space.Compact key={key} style={{ width: '100%', marginBottom: 8 }}>
                    <Form.Item name={name} noStyle={false} style={{ flex: 1, marginBottom: 0 }}>
                      <Input placeholder="13812345678 / 0755-83201234" data-testid={`recipient-phone-${name}`} />
                    </Form.Item>
                    {fields.length > 1 && <Button icon={<DeleteOutlined />} aria-label={t('remove')} onClick={() => remove(name)} />}
                  </Space.Compact>
                ))}
                {fields.length < 5 && (
                  <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add('')}>
                    {t('addPhone')}
                  </Button>
                )}
              </Form.Item>
            )}
          </Form.List>
        </Col>
        <Col xs={24} md={14}>
          <Form.Item name="address" label={t('address')}>
            <Input maxLength={200} data-testid="recipient-address" />
          </Form.Item>
        </Col>
      </Row>
      <Form.List name="emergencyContacts">
        {(fields, { add, remove }) => (
          <Form.Item label={t('emergencyContacts')} style={{ marginBottom: 0 }}>
            {fields.map(({ key, name }) => (
              <Row gutter={8} key={key}>
                <Col span={7}>
                  <Form.Item name={[name, 'name']}>
                    <Input placeholder={t('contactName')} />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item name={[name, 'relation']}>
                    <Input placeholder={t('contactRelation')} />
                  </Form.Item>
                </Col>
                <Col span={9}>
                  <Form.Item name={[name, 'phone']}>
                    <Input placeholder={t('contactPhone')} />
                  </Form.Item>
                </Col>
                <Col span={2}>
                  <Button icon={<DeleteOutlined />} aria-label={t('remove')} onClick={() => remove(name)} />
                </Col>
              </Row>
            ))}
            {fields.length < 5 && (
              <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ name: '', relation: '', phone: '' })}>
                {t('addEmergency')}
              </Button>
            )}
          </Form.Item>
        )}
      </Form.List>
    </Card>
  );
}
