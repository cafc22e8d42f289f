import { SaveOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Space, Typography } from 'antd';
import { useState } from 'react';
import { useStrings } from '../../app/i18n';
import { parseIdNumber } from '../../../shared/validation/idNumber';
import { useErrorText } from '../common/featureErrors';
import { type FieldIssue, applyFieldErrors, clearTouchedErrors, toFormErrors } from '../common/fieldErrors';
import { useFormShortcuts } from '../common/useFormShortcuts';
import { CareSection } from './CareSection';
import { CategoriesSection } from './CategoriesSection';
import { ContactSection } from './ContactSection';
import { IdentitySection } from './IdentitySection';
import type { RecipientFormValues } from './recipientFormValues';
import { recipientStrings } from './strings';

export interface RecipientFormProps {
  initialValues: RecipientFormValues;
  submitLabel: string;
  /** Resolves to the issues to show beside their fields, or null when saved. */
  onSubmit: (values: RecipientFormValues) => Promise<readonly FieldIssue[] | null>;
  onCancel: () => void;
}

/** The recipient form used to create and to edit; errors appear beside each field in the current language. */
export function RecipientForm({ initialValues, submitLabel, onSubmit, onCancel }: RecipientFormProps) {
  const t = useStrings(recipientStrings);
  const error = useErrorText();
  const [form] = Form.useForm<RecipientFormValues>();
  const [saving, setSaving] = useState(false);

  async function submit() {
    if (saving) return;
    setSaving(true);
    const issues = await onSubmit(form.getFieldsValue(true) as RecipientFormValues);
    setSaving(false);
    if (!issues || issues.length === 0) return;
    const fields = toFormErrors(issues, error);
    applyFieldErrors(form, fields);
    const first = fields[0];
    if (first) form.scrollToField(first.name, { block: 'center', focus: true });
  }

  useFormShortcuts(() => void submit(), onCancel);

  function onValuesChange(changed: Partial<RecipientFormValues>) {
    // The ID number carries the birth date and gender: fill them in as soon as it is valid.
    if (typeof changed.idNumber === 'string') {
      const parsed = parseIdNumber(changed.idNumber);
      if (parsed.ok) form.setFieldsValue({ birthDate: parsed.value.birthDate, gender: parsed.value.gender });
    }
    clearTouchedErrors(form, changed);
  }

  return (
    <Form<RecipientFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onValuesChange={onValuesChange}
      onFinish={() => void submit()}
    >
      <Flex vertical gap={12}>
        <IdentitySection />
        <CategoriesSection />
        <ContactSection />
        <CareSection />
        <Flex justify="space-between" align="center">
          <Typography.Text type="secondary">Ctrl+S · Esc</Typography.Text>
          <Space>
            <Button onClick={onCancel}>{t('cancel')}</Button>
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving} data-testid="recipient-save">
              {submitLabel}
            </Button>
          </Space>
        </Flex>
      </Flex>
    </Form>
  );
}
