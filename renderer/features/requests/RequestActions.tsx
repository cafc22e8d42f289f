import { App, Button, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useDbSession, useRepoContext } from '../../app/DbProvider';
import { useStrings } from '../../app/i18n';
import type { Request } from '../../../shared/domain/schemas';
import { ancestorsOf } from '../../../shared/stations/tree';
import { REQUEST_TRANSITIONS, type RequestTransition, linkRequestRecipient, transitionRequest } from '../../db/requestRepository';
import { DateInput } from '../../ui';
import { RecipientPicker } from '../common/RecipientPicker';
import { useErrorText } from '../common/featureErrors';
import { requestStrings } from './strings';

type Dialog = 'resolve' | 'refer' | 'link' | null;

/** The workflow buttons of one request: start (assigns it to me), resolve with a resolution, refer up a tier. */
export function RequestActions({ request }: { request: Request }) {
  const t = useStrings(requestStrings);
  const errorText = useErrorText();
  const { message } = App.useApp();
  const { user } = useDbSession();
  const repo = useRepoContext();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [text, setText] = useState('');
  const [referTo, setReferTo] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // 回访 (issue 16): resolving records the call back to whoever raised it, unless one is on record.
  const [callbackAt, setCallbackAt] = useState<string | null>(null);
  const [callbackResult, setCallbackResult] = useState('');
  const [satisfied, setSatisfied] = useState<boolean | null>(null);
  const allowed = REQUEST_TRANSITIONS[request.status];
  // Up a tier: the street, the district or the city above the recipient's station.
  const tiers = ancestorsOf(request.stationCode).reverse();

  async function run(transition: RequestTransition): Promise<boolean> {
    setBusy(true);
    const result = await transitionRequest(repo, request.id, transition);
    setBusy(false);
    if (!result.ok) {
      const code = result.error.code === 'validation_failed' ? (result.error.issues[0]?.code ?? 'validation_failed') : result.error.code;
      setProblem(code);
      if (dialog === null) void message.error(errorText(code));
      return false;
    }
    void message.success(t('done'));
    return true;
  }

  function close() {
    setDialog(null);
    setText('');
    setReferTo(null);
    setProblem(null);
    setCallbackAt(null);
    setCallbackResult('');
    setSatisfied(null);
  }

  async function link(recipientId: string): Promise<void> {
    setBusy(true);
    const result = await linkRequestRecipient(repo, request.id, recipientId);
    setBusy(false);
    if (!result.ok) {
      const code = result.error.code === 'validation_failed' ? (result.error.issues[0]?.code ?? 'validation_failed') : result.error.code;
      return setProblem(code);
    }
    void message.success(t('linked'));
    close();
  }

  async function confirm() {
    if (dialog === 'resolve') {
      if (text.trim() === '') return setProblem('request_resolution_required');
      const onRecord = request.callback ?? null;
      if (onRecord === null) {
        if (callbackAt === null) return setProblem('request_callback_required');
        if (callbackResult.trim() === '') return setProblem('request_callback_result_required');
        if (satisfied === null) return setProblem('request_callback_satisfied_required');
      }
      const callback = onRecord === null ? { at: callbackAt!, result: callbackResult.trim(), satisfied: satisfied! } : undefined;
      if (await run({ to: 'resolved', resolution: text.trim(), ...(callback ? { callback } : {}) })) close();
    } else if (dialog === 'refer') {
      if (!referTo) return setProblem('request_referral_required');
      if (await run({ to: 'referred', referredTo: referTo, resolution: text.trim() || undefined })) close();
    }
  }

  if (allowed.length === 0) return null;
  const callbackProblem =
    problem === 'request_callback_required' ||
    problem === 'request_callback_result_required' ||
    problem === 'request_callback_satisfied_required' ||
    problem === 'request_callback_before_opened';
  return (
    <>
      <Space size={0} wrap>
        {request.recipientId === null && (
          <Button size="small" type="link" onClick={() => setDialog('link')} data-testid="request-link">
            {t('link')}
          </Button>
        )}
        {allowed.includes('in_progress') && (
          <Button
            size="small"
            type="link"
            loading={busy}
            onClick={() => void run({ to: 'in_progress', assigneeId: request.assigneeId ?? user.id })}
            data-testid="request-start"
          >
            {t('start')}
          </Button>
        )}
        <Button size="small" type="link" onClick={() => setDialog('resolve')} data-testid="request-resolve">
          {t('resolve')}
        </Button>
        <Button size="small" type="link" onClick={() => setDialog('refer')} data-testid="request-refer">
          {t('refer')}
        </Button>
      </Space>
      <Modal open={dialog === 'link'} title={t('link')} footer={null} onCancel={close} destroyOnHidden>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('linkHint')}</Typography.Text>
          <RecipientPicker placeholder={t('linkPick')} onPick={(id) => void link(id)} testId="request-link-picker" />
          {problem && <Typography.Text type="danger">{errorText(problem)}</Typography.Text>}
        </Space>
      </Modal>
      <Modal
        open={dialog === 'resolve' || dialog === 'refer'}
        title={dialog === 'refer' ? t('refer') : t('resolve')}
        okText={t('confirm')}
        cancelText={t('cancel')}
        confirmLoading={busy}
        onOk={() => void confirm()}
        onCancel={close}
        destroyOnHidden
      >
        <Form layout="vertical">
          {dialog === 'refer' && (
            <Form.Item
              label={t('referTo')}
              required
              validateStatus={problem === 'request_referral_required' ? 'error' : undefined}
              help={problem === 'request_referral_required' ? errorText(problem) : undefined}
            >
              <Select
                value={referTo}
                onChange={(v: string) => {
                  setReferTo(v);
                  setProblem(null);
                }}
                options={tiers.map((s) => ({ value: s.code, label: `${s.name}（${s.code}）` }))}
                data-testid="refer-to"
              />
            </Form.Item>
          )}
          <Form.Item
            label={dialog === 'refer' ? t('referNote') : t('resolution')}
            required={dialog === 'resolve'}
            validateStatus={problem && problem !== 'request_referral_required' && !callbackProblem ? 'error' : undefined}
            help={problem && problem !== 'request_referral_required' && !callbackProblem ? errorText(problem) : undefined}
          >
            <Input.TextArea
              autoFocus
              rows={3}
              value={text}
              placeholder={dialog === 'resolve' ? t('resolutionPlaceholder') : undefined}
              onChange={(e) => {
                setText(e.target.value);
                setProblem(null);
              }}
              data-testid="request-resolution"
            />
          </Form.Item>
          {dialog === 'resolve' &&
            (request.callback ? (
              <Typography.Paragraph type="secondary" data-testid="request-callback-on-record">
                {t('callbackOnRecord', { date: request.callback.at, result: request.callback.result })}
              </Typography.Paragraph>
            ) : (
              <Form.Item
                label={t('callback')}
                required
                validateStatus={callbackProblem ? 'error' : undefined}
                help={callbackProblem ? errorText(problem) : t('callbackHint')}
              >
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <DateInput
                    value={callbackAt}
                    onChange={(v) => {
                      setCallbackAt(v === '' ? null : v);
                      setProblem(null);
                    }}
                    data-testid="request-callback-at"
                  />
                  <Input
                    value={callbackResult}
                    placeholder={t('callbackResult')}
                    onChange={(e) => {
                      setCallbackResult(e.target.value);
                      setProblem(null);
                    }}
                    maxLength={500}
                    data-testid="request-callback-result"
                  />
                  <Radio.Group
                    value={satisfied}
                    onChange={(e) => {
                      setSatisfied(e.target.value as boolean);
                      setProblem(null);
                    }}
                    options={[
                      { value: true, label: t('satisfied') },
                      { value: false, label: t('notSatisfied') },
                    ]}
                    data-testid="request-callback-satisfied"
                  />
                </Space>
              </Form.Item>
            ))}
        </Form>
      </Modal>
    </>
  );
}
