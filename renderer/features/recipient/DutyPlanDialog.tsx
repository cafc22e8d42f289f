import { App, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useState } from 'react';
import { useDbSession, useRepoContext } from '../../app/DbProvider';
import { useLocale, useStrings } from '../../app/i18n';
import { DUTY_KIND, FESTIVAL, RECURRENCE_TYPE } from '../../../shared/domain/enums';
import type { Duty, Recipient, Staff } from '../../../shared/domain/schemas';
import { toShanghaiIso, todayInShanghai } from '../../../shared/calendar/shanghai';
import { DateInput } from '../../ui';
import { enumOptions } from '../common/enumOptions';
import { useErrorText } from '../common/featureErrors';
import { applyFieldErrors, toFormErrors } from '../common/fieldErrors';
import { saveDutyPlan } from './dutyActions';
import { type DutyPlanValues, dutyToValues, valuesToDutyInput } from './dutyPlanValues';
import { recipientStrings } from './strings';

/** Adds a plan or changes one: kind, recurrence (incl. yearly date, festival, birthday), first date, assignee. */
export function DutyPlanDialog({
  recipient,
  duty,
  staff,
  onClose,
}: {
  recipient: Recipient;
  duty: Duty | null;
  staff: readonly Staff[];
  onClose: () => void;
}) {
  const t = useStrings(recipientStrings);
  const locale = useLocale();
  const error = useErrorText();
  const { message } = App.useApp();
  const { user } = useDbSession();
  const repo = useRepoContext();
  const [form] = Form.useForm<DutyPlanValues>();
  const [saving, setSaving] = useState(false);
  const type = Form.useWatch('recurrenceType', form);
  const [initial] = useState(() => dutyToValues(duty, todayInShanghai(new Date()), recipient.dedicatedStaffId ?? user.id));

  async function save() {
    const values = form.getFieldsValue(true) as DutyPlanValues;
    const built = valuesToDutyInput(values, { id: duty?.id ?? repo.newId(), recipient, existing: duty }, toShanghaiIso(new Date()));
    if (!built.ok) {
      applyFieldErrors(form, toFormErrors(built.issues, error));
      return;
    }
    setSaving(true);
    const result = await saveDutyPlan(repo, built.value, duty);
    setSaving(false);
    if (!result.ok) {
      if (result.error.code === 'validation_failed') applyFieldErrors(form, toFormErrors(result.error.issues, error));
      else void message.error(error(result.error.code));
      return;
    }
    void message.success(t('dutySaved'));
    onClose();
  }

  return (
    <Modal
      open
      title={duty ? t('editDuty') : t('addDuty')}
      okText={t('confirm')}
      cancelText={t('cancel')}
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      width={640}
    >
      <Form<DutyPlanValues> form={form} layout="vertical" initialValues={initial}>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="kind" label={t('dutyKind')}>
              <Select options={enumOptions(DUTY_KIND, locale)} data-testid="duty-kind" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="recurrenceType" label={t('recurrence')}>
              <Select options={enumOptions(RECURRENCE_TYPE, locale)} data-testid="duty-recurrence" />
            </Form.Item>
          </Col>
          {type === 'yearly' && (
            <>
              <Col span={6}>
                <Form.Item name="month" label={t('month')}>
                  <InputNumber min={1} max={12} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item name="day" label={t('day')}>
                  <InputNumber min={1} max={31} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </>
          )}
          {type === 'festival' && (
            <Col span={12}>
              <Form.Item name="festival" label={t('festival')}>
                <Select options={enumOptions(FESTIVAL, locale)} data-testid="duty-festival" />
              </Form.Item>
            </Col>
          )}
          {type === 'once' && (
            <Col span={12}>
              <Form.Item name="onceDate" label={t('onceDate')}>
                <DateInput />
              </Form.Item>
            </Col>
          )}
          <Col span={12}>
            <Form.Item name="anchorDate" label={t('anchorDate')}>
              <DateInput />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="assigneeId" label={t('assignee')}>
              <Select allowClear options={staff.map((s) => ({ value: s.id, label: s.name }))} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="note" label={t('note')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
