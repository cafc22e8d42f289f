import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Row, Select, Typography } from 'antd';
import { useLocale, useStrings } from '../../app/i18n';
import { REQUEST_TOPIC, URGENCY } from '../../../shared/domain/enums';
import { enumOptions } from '../common/enumOptions';
import { visitStrings } from './strings';
import { emptyNeed } from './visitFormValues';

/** Needs raised on the visit; each one becomes an open request on save. */
export function NeedsSection() {
  const t = useStrings(visitStrings);
  const locale = useLocale();
  return (
    <Card title={t('sectionNeeds')} size="small">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('needHint')}
      </Typography.Paragraph>
      <Form.List name="needs">
        {(fields, { add, remove }) => (
          <>
            {fields.map(({ key, name }) => (
              <Row gutter={12} key={key} align="top" data-testid={`need-${name}`}>
                <Col xs={12} md={4}>
                  <Form.Item name={[name, 'topic']} label={t('needTopic')}>
                    <Select options={enumOptions(REQUEST_TOPIC, locale)} data-testid={`need-${name}-topic`} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item name={[name, 'urgency']} label={t('needUrgency')}>
                    <Select options={enumOptions(URGENCY, locale)} data-testid={`need-${name}-urgency`} />
                  </Form.Item>
                </Col>
                <Col xs={20} md={14}>
                  <Form.Item name={[name, 'description']} label={t('needDescription')}>
                    <Input data-testid={`need-${name}-description`} />
                  </Form.Item>
                </Col>
                <Col xs={4} md={2}>
                  <Form.Item label=" ">
                    <Button icon={<DeleteOutlined />} aria-label={t('remove')} onClick={() => remove(name)} />
                  </Form.Item>
                </Col>
              </Row>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(emptyNeed())} data-testid="add-need">
              {t('addNeed')}
            </Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}
