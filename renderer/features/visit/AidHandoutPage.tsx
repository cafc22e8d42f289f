import { Alert, App, Button, Card, Form, Skeleton, Space } from 'antd';
import { useMemo, useState } from 'react';
import { toShanghaiIso, todayInShanghai } from '../../../shared/calendar/shanghai';
import type { PreparedAttachment } from '../../../shared/attachments/prepared';
import { useRepoContext } from '../../app/DbProvider';
import { useStrings } from '../../app/i18n';
import { navigate } from '../../app/router';
import { handOutAid } from '../../db/aidRepository';
import { DateInput, HeroBadge, PageHeader } from '../../ui';
import { useErrorText } from '../common/featureErrors';
import { applyFieldErrors, clearTouchedErrors, toFormErrors, type FieldIssue } from '../common/fieldErrors';
import { useRecipient } from '../common/liveReads';
import { useFormShortcuts } from '../common/useFormShortcuts';
import { AidEvidenceContext, aidAttachments } from './aidEvidence';
import { AidSection } from './AidSection';
import { handoutStrings } from './handoutStrings';
import { type AidFormValues, emptyAid } from './visitFormValues';
import { buildAidRows, visitIssueToField } from './visitSubmission';

interface HandoutValues {
  date: string;
  aid: AidFormValues[];
}

/**
 * `#/aid/new?recipient=…` (issue 16): aid handed out at the station, not on a visit — one or
 * more lines, each with its signature or receipt photo, saved in one write (handOutAid).
 */
export function AidHandoutPage({ recipientId }: { recipientId: string }) {
  const t = useStrings(handoutStrings);
  const errorText = useErrorText();
  const { message } = App.useApp();
  const repo = useRepoContext();
  const recipient = useRecipient(recipientId);
  const [form] = Form.useForm<HandoutValues>();
  const [saving, setSaving] = useState(false);
  const [aidFiles, setAidFiles] = useState<Record<string, PreparedAttachment[]>>({});
  const evidence = useMemo(
    () => ({
      of: (uid: string) => aidFiles[uid] ?? [],
      set: (uid: string, files: PreparedAttachment[]) => setAidFiles((m) => ({ ...m, [uid]: files })),
    }),
    [aidFiles],
  );
  const [initial] = useState<HandoutValues>(() => ({ date: todayInShanghai(new Date()), aid: [emptyAid()] }));
  const back = () => navigate(`/recipients/${recipientId}`);

  function showIssues(issues: readonly FieldIssue[]): void {
    applyFieldErrors(
      form,
      toFormErrors(issues, errorText, (p) => (p[0] === 'aid' && p[2] === 'date' ? ['date'] : visitIssueToField(p))),
    );
    void message.error(errorText('validation_failed'));
  }

  async function save(): Promise<void> {
    if (saving || !recipient) return;
    const values = form.getFieldsValue(true) as HandoutValues;
    const built = buildAidRows(values.aid, {
      recipientId,
      stationCode: recipient.stationCode,
      newId: repo.newId,
      date: values.date,
      visitId: null,
      meta: { rev: 0, updatedAt: toShanghaiIso(new Date()) },
    });
    if (built.issues.length > 0) return showIssues(built.issues);
    setSaving(true);
    const result = await handOutAid(repo, { aid: built.aid, attachments: aidAttachments(values.aid, aidFiles) });
    setSaving(false);
    if (!result.ok) {
      if (result.error.code === 'validation_failed') return showIssues(result.error.issues);
      void message.error(errorText(result.error.code));
      return;
    }
    void message.success(t('saved', { n: result.value.length }));
    back();
  }

  useFormShortcuts(() => void save(), back);

  if (recipient === undefined) return <Skeleton active />;
  if (recipient === null) return <Alert type="error" showIcon title={errorText('not_found')} />;
  return (
    <div data-testid="aid-handout-page">
      <PageHeader
        title={t('title')}
        subtitle={
          <Space size={4}>
            <HeroBadge categories={recipient.categories} />
            {t('subtitle', { name: recipient.name })}
          </Space>
        }
      />
      <AidEvidenceContext.Provider value={evidence}>
        <Form<HandoutValues>
          form={form}
          layout="vertical"
          initialValues={initial}
          onValuesChange={(changed) => clearTouchedErrors(form, changed)}
          onFinish={() => void save()}
        >
          <Card size="small" style={{ marginBottom: 12 }}>
            <Form.Item label={t('date')} name="date" required style={{ maxWidth: 240, marginBottom: 0 }}>
              <DateInput data-testid="handout-date" />
            </Form.Item>
          </Card>
          <AidSection />
          <Space style={{ marginTop: 12 }}>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="handout-save">
              {t('save')}
            </Button>
            <Button onClick={back}>{t('cancel')}</Button>
          </Space>
        </Form>
      </AidEvidenceContext.Provider>
    </div>
  );
}
