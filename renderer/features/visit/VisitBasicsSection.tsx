import { Card, Col, Form, Radio, Row, Select } from 'antd';
import { useLocale, useStrings } from '../../app/i18n';
import { FESTIVAL, VISIT_MODE, VISIT_PURPOSE } from '../../../shared/domain/enums';
import { DateTimeInput } from '../../ui';
import { enumOptions } from '../common/enumOptions';
import { visitStrings } from './strings';

export interface StaffOption {
  value: string;
  label: string;
}

/** When, how, why and who went. The festival is asked only for a festival greeting. */
export function VisitBasicsSection({ staffOptions, showFestival }: { staffOptions: readonly StaffOption[]; showFestival: boolean }) {
  const t = useStrings(visitStrings);
  const locale = useLocale();
  return (
    <Card title={t('sectionVisit')} size="small">
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="visitedAt" label={t('visitedAt')} rules={[{ required: true, message: t('visitedAt') }]}>
            <DateTimeInput data-testid="visit-visitedAt" />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="mode" label={t('mode')}>
            <Radio.Group optionType="button" options={enumOptions(VISIT_MODE, locale)} data-testid="visit-mode" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="purpose" label={t('purpose')}>
            <Select options={enumOptions(VISIT_PURPOSE, locale)} data-testid="visit-purpose" />
          </Form.Item>
        </Col>
        {showFestival && (
          <Col xs={24} md={8}>
            <Form.Item name="festival" label={t('festival')}>
              <Select options={enumOptions(FESTIVAL, locale)} data-testid="visit-festival" />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={showFestival ? 8 : 16}>
          <Form.Item name="staffIds" label={t('staff')}>
            <Select mode="multiple" options={[...staffOptions]} optionFilterProp="label" data-testid="visit-staff" />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
