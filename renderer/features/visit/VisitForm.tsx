import { Alert, App, Button, Card, Flex, Form, Skeleton, Space, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useDbSession, useRepoContext } from '../../app/DbProvider';
import { useLocale, useStrings } from '../../app/i18n';
import { navigate, useRoute } from '../../app/router';
import { HeroBadge, PageHeader } from '../../ui';
import { toShanghaiIso, todayInShanghai } from '../../../shared/calendar/shanghai';
import { logVisit } from '../../db/visitRepository';
import { useErrorText } from '../common/featureErrors';
import { type FieldIssue, applyFieldErrors, clearTouchedErrors, toFormErrors } from '../common/fieldErrors';
import { useDuties, usePendingOccurrences, useRecipient, useStaffList } from '../common/liveReads';
import { useFormShortcuts } from '../common/useFormShortcuts';
import { AidSection } from './AidSection';
import { ConditionSection } from './ConditionSection';
import { NeedsSection } from './NeedsSection';
import { OccurrenceSection } from './OccurrenceSection';
import { visitStrings } from './strings';
import { VisitBasicsSection } from './VisitBasicsSection';
import { createVisitDraftWriter, loadVisitDraft } from './visitDraft';
import { type VisitEvidence, createEvidenceDraftWriter, loadVisitEvidence } from './evidenceDraft';
import { type VisitFormValues, fulfillableIds, initialVisitValues, preselectDuty, upgradeVisitDraft } from './visitFormValues';
import { buildVisitSubmission, visitIssueToField } from './visitSubmission';
import { RemoteContactSection } from './RemoteContactSection';
import { isRemoteMode, othersAssigned } from '../../../shared/duties/contactRules';
import { dutyLabel } from '../common/dutyLabel';
import { AttachmentPicker } from '../attachments';
import { AidEvidenceContext, aidAttachments } from './aidEvidence';
import type { PreparedAttachment } from '../../../shared/attachments/prepared';

export interface VisitFormProps {
  recipientId: string;
  occurrenceId?: string;
}

/** Where to go after saving or cancelling: `?back=today` or `?back=heroes`, else the recipient's profile. */
function backPath(back: string | null, recipientId: string): string {
  if (back === 'today') return '/today';
  if (back === 'heroes') return '/heroes';
  return `/recipients/${recipientId}`;
}

/**
 * Reads the recipient's draft from the account's database first: the form's initial values
 * are the draft's, so the form is built only once it is known whether there is one.
 */
export function VisitForm(props: VisitFormProps) {
  const { db } = useDbSession();
  const [draft, setDraft] = useState<{ values: VisitFormValues | null; evidence: VisitEvidence | null } | null>(null);
  useEffect(() => {
    let current = true;
    // A draft that cannot be read is no reason to keep the caseworker from logging the visit.
    const orNull = <T,>(p: Promise<T | null>) => p.catch(() => null);
    void Promise.all([orNull(loadVisitDraft(db, props.recipientId)), orNull(loadVisitEvidence(db, props.recipientId))]).then(
      ([values, evidence]) => {
        if (current) setDraft({ values, evidence });
      },
    );
    return () => {
      current = false;
    };
  }, [db, props.recipientId]);
  if (draft === null) return <Skeleton active />;
  return <VisitFormBody {...props} draft={draft.values} evidence={draft.evidence} />;
}

function VisitFormBody({
  recipientId,
  occurrenceId,
  draft,
  evidence,
}: VisitFormProps & { draft: VisitFormValues | null; evidence: VisitEvidence | null }) {
  const t = useStrings(visitStrings);
  const error = useErrorText();
  const { message, modal } = App.useApp();
  const locale = useLocale();
  const { user, db } = useDbSession();
  const repo = useRepoContext();
  const route = useRoute();
  const [form] = Form.useForm<VisitFormValues>();
  const recipient = useRecipient(recipientId);
  const staff = useStaffList();
  const duties = useDuties(recipientId);
  const pending = usePendingOccurrences(recipientId);
  const today = todayInShanghai(new Date());
  const [saving, setSaving] = useState(false);
  const savedRef = useRef(false);
  // Photos and documents: prepared (downscaled, hashed) as they are picked, saved with the visit.
  const [photos, setPhotos] = useState<PreparedAttachment[]>(evidence?.photos ?? []);
  // Each aid line's signature or receipt photo, by the line's uid.
  const [aidFiles, setAidFiles] = useState<Record<string, PreparedAttachment[]>>(evidence?.aid ?? {});
  const aidEvidence = useMemo(
    () => ({
      of: (uid: string) => aidFiles[uid] ?? [],
      set: (uid: string, files: PreparedAttachment[]) => setAidFiles((m) => ({ ...m, [uid]: files })),
    }),
    [aidFiles],
  );

  const [initial] = useState(() => {
    const base = draft ? upgradeVisitDraft(draft) : initialVisitValues({ recipientId, occurrenceId, staffId: user.id });
    return { values: occurrenceId ? { ...base, occurrenceIds: [occurrenceId] } : base, restored: draft !== null || evidence !== null };
  });
  const [drafts] = useState(() => createVisitDraftWriter(db, recipientId));
  const [evidenceDrafts] = useState(() => createEvidenceDraftWriter(db, recipientId));
  // Leaving the form or closing the window writes what the timer has not written yet.
  useEffect(() => {
    const flush = () => {
      void drafts.flush();
      void evidenceDrafts.flush();
    };
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [drafts, evidenceDrafts]);
  // The picked files are kept beside the draft as they change (not on the first render: that is
  // what was just read back).
  const evidenceSeen = useRef(false);
  useEffect(() => {
    if (!evidenceSeen.current) {
      evidenceSeen.current = true;
      return;
    }
    if (!savedRef.current) evidenceDrafts.update({ photos, aid: aidFiles });
  }, [photos, aidFiles, evidenceDrafts]);
  const [restored, setRestored] = useState(initial.restored);
  const purpose = Form.useWatch('purpose', form);
  const mode = Form.useWatch('mode', form) ?? initial.values.mode;
  const outcome = Form.useWatch('outcome', form) ?? initial.values.outcome;

  // Without a draft, once the duties are read: the linked or most overdue duty, on its mode.
  const preselected = useRef(draft !== null);
  useEffect(() => {
    if (preselected.current || pending === undefined || duties === undefined) return;
    preselected.current = true;
    if (form.isFieldsTouched(['mode', 'occurrenceIds'])) return;
    const pick = preselectDuty(pending, duties, todayInShanghai(new Date()), occurrenceId);
    if (pick) form.setFieldsValue(pick);
  }, [pending, duties, form, occurrenceId]);

  const staffOptions = useMemo(() => {
    const list = (staff ?? []).map((s) => ({ value: s.id, label: s.name }));
    if (!list.some((s) => s.value === user.id)) list.unshift({ value: user.id, label: user.name });
    return list;
  }, [staff, user.id, user.name]);

  const back = backPath(route.query.get('back'), recipientId);
  const staffName = (id: string): string => (id === user.id ? user.name : (staff?.find((s) => s.id === id)?.name ?? '—'));

  /** Closing a duty assigned to someone who was not on the contact is asked first. */
  async function confirmOthersDuties(values: VisitFormValues): Promise<boolean> {
    const chosen = values.occurrenceIds.flatMap((id) => {
      const o = pending?.find((p) => p.id === id);
      const duty = o && duties?.find((d) => d.id === o.dutyId);
      return duty ? [duty] : [];
    });
    const others = othersAssigned(chosen, values.staffIds);
    if (others.length === 0) return true;
    const theirs = chosen.filter((d) => d.assigneeId !== null && others.includes(d.assigneeId));
    return modal.confirm({
      title: t('confirmOthersTitle'),
      content: (
        <span data-testid="confirm-others">
          {t('confirmOthers', { duties: theirs.map((d) => dutyLabel(d, locale)).join('、'), names: others.map(staffName).join('、') })}
        </span>
      ),
      okText: t('confirmOthersOk'),
      cancelText: t('cancel'),
    });
  }

  function showIssues(issues: readonly FieldIssue[]) {
    const fields = toFormErrors(issues, error, visitIssueToField);
    applyFieldErrors(form, fields);
    void message.error(error('validation_failed'));
    const first = fields[0];
    if (first) form.scrollToField(first.name, { block: 'center', focus: true });
  }

  async function submit() {
    if (saving || !recipient) return;
    const values = { ...form.getFieldsValue(true), recipientId } as VisitFormValues;
    const built = buildVisitSubmission(values, {
      recipientId,
      stationCode: recipient.stationCode,
      newId: repo.newId,
      nowIso: toShanghaiIso(new Date()),
    });
    if (!built.ok) return showIssues(built.issues);
    if (!(await confirmOthersDuties({ ...values, occurrenceIds: built.value.occurrenceIds }))) return;
    setSaving(true);
    const result = await logVisit(repo, {
      ...built.value,
      attachments: [...photos.map((file) => ({ file })), ...aidAttachments(values.aid, aidFiles)],
    });
    setSaving(false);
    if (!result.ok) {
      if (result.error.code === 'validation_failed') return showIssues(result.error.issues);
      void message.error(error(result.error.code));
      return;
    }
    savedRef.current = true;
    void drafts.discard();
    void evidenceDrafts.discard();
    void message.success(t('savedWith', { aid: built.value.aid.length, needs: built.value.needs.length, photos: photos.length }));
    navigate(back);
  }

  function cancel() {
    navigate(back);
  }

  useFormShortcuts(() => void submit(), cancel);

  if (recipient === undefined) return <Skeleton active />;
  if (recipient === null) return <Alert type="error" showIcon title={error('not_found')} />;

  return (
    <div data-testid="log-visit-page">
      <PageHeader
        title={t('title')}
        subtitle={
          <Space size={4}>
            <HeroBadge categories={recipient.categories} />
            {t('subtitleFor', { name: recipient.name })}
          </Space>
        }
      />
      {recipient.status !== 'active' && <Alert type="warning" showIcon title={t('recipientInactive')} style={{ marginBottom: 12 }} />}
      {restored && (
        <Alert
          type="info"
          showIcon
          title={t('draftRestored')}
          style={{ marginBottom: 12 }}
          data-testid="draft-restored"
          action={
            <Button
              size="small"
              onClick={() => {
                void drafts.discard();
                void evidenceDrafts.discard();
                setPhotos([]);
                setAidFiles({});
                form.setFieldsValue(initialVisitValues({ recipientId, occurrenceId, staffId: user.id }));
                const pick = pending && duties ? preselectDuty(pending, duties, today, occurrenceId) : null;
                if (pick) form.setFieldsValue(pick);
                setRestored(false);
              }}
            >
              {t('discardDraft')}
            </Button>
          }
        />
      )}
      <Form<VisitFormValues>
        form={form}
        layout="vertical"
        initialValues={initial.values}
        onValuesChange={(changed, all) => {
          clearTouchedErrors(form, changed);
          if (('mode' in changed || 'outcome' in changed) && pending && duties) {
            // A call cannot keep a home visit ticked; a call not reached keeps every duty open.
            const kept = fulfillableIds(all, pending, duties);
            if (kept.length !== all.occurrenceIds.length) {
              form.setFieldValue('occurrenceIds', kept);
              all = { ...all, occurrenceIds: kept };
            }
          }
          if (!savedRef.current) drafts.update({ ...all, recipientId });
        }}
        onFinish={() => void submit()}
      >
        <Flex vertical gap={12}>
          <VisitBasicsSection staffOptions={staffOptions} showFestival={purpose === 'festival'} />
          {isRemoteMode(mode) && <RemoteContactSection phones={recipient.phones} />}
          <OccurrenceSection
            occurrences={pending ?? []}
            duties={duties ?? []}
            today={today}
            lunarBirthday={recipient.lunarBirthday}
            mode={mode}
            outcome={outcome}
            staffName={staffName}
          />
          <ConditionSection />
          <Card size="small" title={t('sectionPhotos')} data-testid="visit-photos">
            <AttachmentPicker value={photos} onChange={setPhotos} kind="visit_photo" disabled={saving} />
          </Card>
          <NeedsSection />
          <AidEvidenceContext.Provider value={aidEvidence}>
            <AidSection />
          </AidEvidenceContext.Provider>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Typography.Text type="secondary">
              {t('saveHint')} · {t('offline')}
            </Typography.Text>
            <Space>
              <Button onClick={cancel}>{t('cancel')}</Button>
              <Button
                type="primary"
                htmlType="submit"
                icon={<SaveOutlined />}
                loading={saving}
                disabled={recipient.status !== 'active'}
                data-testid="visit-save"
              >
                {t('save')}
              </Button>
            </Space>
          </Flex>
        </Flex>
      </Form>
    </div>
  );
}
