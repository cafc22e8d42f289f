import { Alert, App, Button, Card, Checkbox, Flex, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { toShanghaiIso } from '../../../shared/calendar/shanghai';
import { REQUEST_SOURCE, REQUEST_TOPIC, URGENCY, type Urgency } from '../../../shared/domain/enums';
import { DUE_DAYS, requestDueDate } from '../../../shared/requests/deadlines';
import { useDbSession, useRepoContext } from '../../app/DbProvider';
import { useLocale, useStrings } from '../../app/i18n';
import { navigate } from '../../app/router';
import { createRequest } from '../../db/requestRepository';
import { HeroBadge, PageHeader } from '../../ui';
import { RecipientPicker } from '../common/RecipientPicker';
import { enumOptions } from '../common/enumOptions';
import { useErrorText } from '../common/featureErrors';
import { applyFieldErrors, toFormErrors } from '../common/fieldErrors';
import { useRecipient } from '../common/liveReads';
import { useFormShortcuts } from '../common/useFormShortcuts';
import { intakeStrings } from './intakeStrings';

interface IntakeValues {
  source: 'hotline' | 'walk_in';
  callerName: string;
  callerPhone: string;
  topic: string | undefined;
  urgency: Urgency;
  description: string;
}

/** The date a request opened now would be due by, for the form's hint. */
function dueHint(urgency: Urgency): string {
  return requestDueDate({ openedAt: toShanghaiIso(new Date()), urgency });
}

/**
 * `#/requests/new`: 帮扶热线 and walk-ins (issue 16). A request that does not start with a
 * visit: who called, about whom (searched, or not identified yet), topic, urgency (which sets
 * the due date: shared/requests/deadlines.ts) and what they need. Ctrl+S saves, Esc leaves.
 */
export function NewRequestPage({ recipientId: initialRecipient }: { recipientId?: string }) {
  const t = useStrings(intakeStrings);
  const locale = useLocale();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const { user } = useDbSession();
  const repo = useRepoContext();
  const [form] = Form.useForm<IntakeValues>();
  const [recipientId, setRecipientId] = useState<string | null>(initialRecipient ?? null);
  const [unidentified, setUnidentified] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const recipient = useRecipient(recipientId);
  const urgency = (Form.useWatch('urgency', form) as Urgency | undefined) ?? 'normal';
  const back = () => navigate(initialRecipient ? `/recipients/${initialRecipient}` : '/requests');

  async function save(): Promise<void> {
    if (saving) return;
    if (!unidentified && !recipient) return setProblem(t('recipientRequired'));
    const v = form.getFieldsValue(true) as IntakeValues;
    setSaving(true);
    const result = await createRequest(repo, {
      id: repo.newId(),
      recipientId: unidentified ? null : recipient!.id,
      stationCode: unidentified ? user.stationCode : recipient!.stationCode,
      visitId: null,
      source: v.source,
      topic: v.topic as never,
      description: v.description ?? '',
      urgency: v.urgency,
      assigneeId: user.id,
      status: 'open',
      resolution: '',
      referredTo: null,
      openedAt: toShanghaiIso(new Date()),
      closedAt: null,
      callerName: v.callerName ?? '',
      callerPhone: v.callerPhone ?? '',
      callback: null,
    });
    setSaving(false);
    if (!result.ok) {
      if (result.error.code === 'validation_failed') {
        const fields = toFormErrors(result.error.issues, errorText);
        applyFieldErrors(form, fields);
        void message.error(errorText('validation_failed'));
        return;
      }
      void message.error(errorText(result.error.code));
      return;
    }
    void message.success(t('saved', { date: requestDueDate(result.value) }));
    back();
  }

  useFormShortcuts(() => void save(), back);

  return (
    <div data-testid="new-request-page">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Card>
        <Form<IntakeValues>
          form={form}
          layout="vertical"
          initialValues={{ source: 'hotline', urgency: 'normal', callerName: '', callerPhone: '', description: '' }}
          onValuesChange={(changed) =>
            applyFieldErrors(
              form,
              Object.keys(changed).map((k) => ({ name: [k], errors: [] })),
            )
          }
          onFinish={() => void save()}
          style={{ maxWidth: 720 }}
        >
          <Form.Item label={t('source')} name="source">
            <Radio.Group optionType="button" options={enumOptions(REQUEST_SOURCE, locale, ['hotline', 'walk_in'])} />
          </Form.Item>
          <Flex gap={16} wrap>
            <Form.Item label={t('callerName')} name="callerName" style={{ flex: 1, minWidth: 220 }}>
              <Input placeholder={t('callerNamePlaceholder')} maxLength={40} autoFocus data-testid="request-caller-name" />
            </Form.Item>
            <Form.Item label={t('callerPhone')} name="callerPhone" style={{ flex: 1, minWidth: 220 }}>
              <Input maxLength={20} inputMode="tel" data-testid="request-caller-phone" />
            </Form.Item>
          </Flex>
          <Form.Item label={t('recipient')} required>
            <Flex vertical gap={8}>
              {recipient && !unidentified ? (
                <Space data-testid="request-recipient">
                  <HeroBadge categories={recipient.categories} />
                  <Typography.Text strong>{recipient.name}</Typography.Text>
                  <Button size="small" type="link" onClick={() => setRecipientId(null)}>
                    {t('change')}
                  </Button>
                </Space>
              ) : (
                !unidentified && (
                  <RecipientPicker
                    placeholder={t('pick')}
                    onPick={(id) => {
                      setRecipientId(id);
                      setProblem(null);
                    }}
                    testId="request-recipient-picker"
                  />
                )
              )}
              <Checkbox
                checked={unidentified}
                onChange={(e) => {
                  setUnidentified(e.target.checked);
                  setProblem(null);
                }}
                data-testid="request-unidentified"
              >
                {t('unidentified')}
              </Checkbox>
              {unidentified && <Typography.Text type="secondary">{t('unidentifiedHint')}</Typography.Text>}
            </Flex>
          </Form.Item>
          <Flex gap={16} wrap>
            <Form.Item label={t('topic')} name="topic" required style={{ flex: 1, minWidth: 220 }}>
              <Select options={enumOptions(REQUEST_TOPIC, locale)} data-testid="request-topic" />
            </Form.Item>
            <Form.Item
              label={t('urgency')}
              name="urgency"
              style={{ flex: 2, minWidth: 320 }}
              extra={<span data-testid="request-due">{t('due', { date: dueHint(urgency), days: DUE_DAYS[urgency] })}</span>}
            >
              <Radio.Group optionType="button" options={enumOptions(URGENCY, locale)} />
            </Form.Item>
          </Flex>
          <Form.Item label={t('description')} name="description" required>
            <Input.TextArea rows={4} maxLength={2000} placeholder={t('descriptionPlaceholder')} data-testid="request-description" />
          </Form.Item>
          {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="request-problem" />}
          <Space>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="request-save">
              {t('save')}
            </Button>
            <Button onClick={back}>{t('cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </div>
  );
}
