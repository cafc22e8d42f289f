import { Alert, App, Button, Card, Empty, Flex, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import type { PreparedAttachment } from '../../../shared/attachments/prepared';
import { ATTACHMENT_KIND, type AttachmentKind } from '../../../shared/domain/enums';
import type { Attachment } from '../../../shared/domain/schemas';
import { useDb, useRepoContext } from '../../app/DbProvider';
import { useLocale, useMessages, useStrings } from '../../app/i18n';
import { addRecipientAttachments, withdrawAttachment } from '../../db/attachmentRepository';
import { useLiveQuery } from '../../db/live';
import { attachmentsOfRecipient } from '../../db/queries/attachments';
import { AttachmentPicker } from './AttachmentPicker';
import { AttachmentTile } from './AttachmentGallery';
import { documentsStrings } from './documentsStrings';

/** What a person's file is given directly (a visit's photos and a receipt come with their records). */
const PROFILE_KINDS: readonly AttachmentKind[] = ['certificate', 'id_card', 'story', 'document'];
/** The order of the groups on the tab. */
const KIND_ORDER: readonly AttachmentKind[] = ['visit_photo', 'signature', 'receipt', 'id_card', 'certificate', 'story', 'document'];

function WithdrawDialog({ attachment, onClose }: { attachment: Attachment; onClose: () => void }) {
  const t = useStrings(documentsStrings);
  const { error } = useMessages();
  const { message } = App.useApp();
  const repo = useRepoContext();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <Modal
      open
      title={t('withdrawTitle', { name: attachment.fileName })}
      okText={t('withdraw')}
      okButtonProps={{ danger: true, 'data-testid': 'attachment-withdraw-confirm' }}
      cancelText={t('cancel')}
      onCancel={onClose}
      onOk={() =>
        void withdrawAttachment(repo, attachment.id, reason).then((r) => {
          if (!r.ok) {
            setProblem(r.error.code === 'validation_failed' ? error(r.error.issues[0]?.code ?? 'validation_failed') : error(r.error.code));
            return;
          }
          void message.success(t('withdrawn'));
          onClose();
        })
      }
    >
      <Typography.Paragraph type="secondary">{t('withdrawHint')}</Typography.Paragraph>
      <Input.TextArea
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        maxLength={200}
        rows={2}
        aria-label={t('reason')}
        data-testid="attachment-withdraw-reason"
      />
      {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 8 }} />}
    </Modal>
  );
}

/**
 * The profile's 资料: every attachment of the person, newest first, by kind (visit photos,
 * signatures, receipts, ID card copies, certificates, stories), and documents added here.
 * A wrong one is withdrawn with a reason and stays, greyed.
 */
export function RecipientDocumentsCard({ recipient }: { recipient: { id: string; stationCode: string } }) {
  const t = useStrings(documentsStrings);
  const { error } = useMessages();
  const locale = useLocale();
  const { message } = App.useApp();
  const db = useDb();
  const repo = useRepoContext();
  const all = useLiveQuery(() => attachmentsOfRecipient(db, recipient.id), [db, recipient.id]);
  const [kind, setKind] = useState<AttachmentKind>('certificate');
  const [picked, setPicked] = useState<PreparedAttachment[]>([]);
  const [saving, setSaving] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Attachment | null>(null);

  async function save(): Promise<void> {
    setSaving(true);
    const r = await addRecipientAttachments(
      repo,
      recipient,
      picked.map((f) => ({ ...f, kind })),
    );
    setSaving(false);
    if (!r.ok) {
      void message.error(
        r.error.code === 'validation_failed' ? error(r.error.issues[0]?.code ?? 'validation_failed') : error(r.error.code),
      );
      return;
    }
    void message.success(t('saved', { n: r.value.length }));
    setPicked([]);
  }

  const groups = KIND_ORDER.map((k) => ({ kind: k, items: (all ?? []).filter((a) => a.kind === k) })).filter((g) => g.items.length > 0);
  return (
    <Card title={t('title', { n: all?.length ?? 0 })} size="small" data-testid="recipient-documents">
      <Flex vertical gap={12}>
        <Flex gap={8} align="start" wrap>
          <Select
            value={kind}
            onChange={setKind}
            options={PROFILE_KINDS.map((k) => ({ value: k, label: ATTACHMENT_KIND.label(k, locale) }))}
            style={{ width: 160 }}
            aria-label={t('kind')}
            data-testid="documents-kind"
          />
          <div style={{ flex: 1, minWidth: 280 }}>
            <AttachmentPicker value={picked} onChange={setPicked} kind={kind} disabled={saving} />
          </div>
          <Button type="primary" disabled={picked.length === 0} loading={saving} onClick={() => void save()} data-testid="documents-save">
            {t('save')}
          </Button>
        </Flex>
        {all === undefined ? null : groups.length === 0 ? (
          <Empty description={t('empty')} />
        ) : (
          groups.map((g) => (
            <div key={g.kind} data-testid="documents-group" data-kind={g.kind}>
              <Typography.Text strong>{ATTACHMENT_KIND.label(g.kind, locale)}</Typography.Text>
              <Flex gap={8} wrap style={{ marginTop: 6 }}>
                {g.items.map((a) => (
                  <Flex key={a.id} vertical gap={2} align="center">
                    <AttachmentTile a={a} />
                    {a.withdrawn ? (
                      <Typography.Text type="secondary" className="yf-attachment-caption">
                        {a.withdrawReason}
                      </Typography.Text>
                    ) : (
                      <Button size="small" type="link" danger onClick={() => setWithdrawing(a)} data-testid="attachment-withdraw">
                        {t('withdraw')}
                      </Button>
                    )}
                  </Flex>
                ))}
              </Flex>
            </div>
          ))
        )}
      </Flex>
      {withdrawing && <WithdrawDialog attachment={withdrawing} onClose={() => setWithdrawing(null)} />}
    </Card>
  );
}
