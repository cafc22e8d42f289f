import { Card, Col, Form, Input, Radio, Row } from 'antd';
import { useLocale, useStrings } from '../../app/i18n';
import { CONDITION_LEVEL } from '../../../shared/domain/enums';
import { enumOptions } from '../common/enumOptions';
import { visitStrings } from './strings';

const FIELDS = ['health', 'living', 'mood'] as const;

/** The recipient's condition as seen on the visit, and free notes. */
export function ConditionSection() {
  const t = useStrings(visitStrings);
  const locale = useLocale();
  const options = enumOptions(CONDITION_LEVEL, locale);
  return (
    <Card title={t('sectionCondition')} size="small">
      <Row gutter={16}>
        {FIELDS.map((f) => (
          <Col xs={24} md={8} key={f}>
            <Form.Item name={f} label={t(f)}>
              <Radio.Group optionType="button" options={options} data-testid={`visit-${f}`} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Form.Item name="notes" label={t('notes')} style={{ marginBottom: 0 }}>
        <Input.TextArea rows={3} placeholder={t('notesPlaceholder')} data-testid="visit-notes" />
      </Form.Item>
    </Card>
  );
}
