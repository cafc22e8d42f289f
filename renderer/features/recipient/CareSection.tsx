import { Card, Checkbox, Col, Form, Input, Row, Select } from 'antd';
import { useLocale, useStrings } from '../../app/i18n';
import { LIVING_SITUATION, PENSION_KIND } from '../../../shared/domain/enums';
import { enumOptions } from '../common/enumOptions';
import { useStaffList } from '../common/liveReads';
import { recipientStrings } from './strings';

/** Living situation, health, pension kind, dedicated staff, medical card and tags. */
export function CareSection() {
  const t = useStrings(recipientStrings);
  const locale = useLocale();
  const staff = useStaffList() ?? [];
  return (
    <Card title={t('sectionCare')} size="small">
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Form.Item name="livingSituation" label={t('livingSituation')}>
            <Checkbox.Group options={enumOptions(LIVING_SITUATION, locale)} data-testid="recipient-living" />
          </Form.Item>
        </Col>
        <Col xs={12} md={7}>
          <Form.Item name="pensionKind" label={t('pensionKind')}>
            <Select allowClear placeholder={t('none')} options={enumOptions(PENSION_KIND, locale)} />
          </Form.Item>
        </Col>
        <Col xs={12} md={7}>
          <Form.Item name="dedicatedStaffId" label={t('dedicatedStaff')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('none')}
              options={staff.filter((s) => s.active).map((s) => ({ value: s.id, label: s.name }))}
              data-testid="recipient-dedicatedStaff"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="healthNotes" label={t('healthNotes')}>
            <Input.TextArea rows={2} maxLength={5000} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="tags" label={t('tags')}>
            <Select mode="tags" open={false} suffixIcon={null} />
          </Form.Item>
          <Form.Item name="medicalCard" valuePropName="checked" style={{ marginTop: -8 }}>
            <Checkbox>{t('medicalCard')}</Checkbox>
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
