import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useLocale, useStrings } from '../../app/i18n';
import { CATEGORY, type CategoryCode, DISABILITY_CAUSE, FAMILY_RELATION } from '../../../shared/domain/enums';
import { DateInput } from '../../ui';
import { enumOptions } from '../common/enumOptions';
import { FAMILY_CATEGORIES, emptyCategory } from './recipientFormValues';
import { recipientStrings } from './strings';

/** One row per category; a disabled veteran's grade and cause, a family's relation and the fallen serviceman. */
function CategoryRow({ name, onRemove, removable }: { name: number; onRemove: () => void; removable: boolean }) {
  const t = useStrings(recipientStrings);
  const locale = useLocale();
  const code = Form.useWatch<CategoryCode | undefined>(['categories', name, 'code']);
  return (
    <Row gutter={12} align="top" data-testid={`category-row-${name}`}>
      <Col xs={24} md={6}>
        <Form.Item name={[name, 'code']} label={t('category')}>
          <Select options={enumOptions(CATEGORY, locale)} popupMatchSelectWidth={false} data-testid={`recipient-category-${name}`} />
        </Form.Item>
      </Col>
      {code === 'disabled_veteran' && (
        <>
          <Col xs={12} md={4}>
            <Form.Item name={[name, 'disabilityGrade']} label={t('disabilityGrade')} required>
              <InputNumber
                min={1}
                max={10}
                precision={0}
                suffix={locale === 'zh' ? '级' : undefined}
                style={{ width: '100%' }}
                data-testid={`recipient-grade-${name}`}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name={[name, 'disabilityCause']} label={t('disabilityCause')}>
              <Select allowClear options={enumOptions(DISABILITY_CAUSE, locale)} />
            </Form.Item>
          </Col>
        </>
      )}
      {code !== undefined && FAMILY_CATEGORIES.includes(code) && (
        <>
          <Col xs={12} md={4}>
            <Form.Item name={[name, 'relation']} label={t('relation')}>
              <Select allowClear options={enumOptions(FAMILY_RELATION, locale)} />
            </Form.Item>
          </Col>
          <Col xs={12} md={5}>
            <Form.Item name={[name, 'fallenName']} label={t('fallenName')}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name={[name, 'fallenDate']} label={t('fallenDate')}>
              <DateInput />
            </Form.Item>
          </Col>
        </>
      )}
      {removable && (
        <Col xs={4} md={1}>
          <Form.Item label=" ">
            <Button icon={<DeleteOutlined />} aria-label={t('remove')} onClick={onRemove} />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}

export function CategoriesSection() {
  const t = useStrings(recipientStrings);
  return (
    <Card title={t('sectionCategories')} size="small">
      <Form.List name="categories">
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map(({ key, name }) => (
              <CategoryRow key={key} name={name} removable={fields.length > 1} onRemove={() => remove(name)} />
            ))}
            <Form.ErrorList errors={errors} />
            <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add(emptyCategory())}>
              {t('addCategory')}
            </Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}
