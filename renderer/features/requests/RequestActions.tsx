import { App, Button, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useDbSession, useRepoContext } from '../../app/DbProvider';
import { useStrings } from '../../app/i18n';
import type { Request } from '../../../shared/domain/schemas';
import { ancestorsOf } from '../../../shared/stations/tree';
import { REQUEST_TRANSITIONS, type RequestTransition, transitionRequest } from '../../db/requestRepository';
import { useErrorText } from '../common/featureErrors';
import { requestStrings } from './strings';

type Dialog = 'resolve' | 'refer' | null;

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
  }

  async function confirm() {
    if (dialog === 'resolve') {
      if (text.trim() === '') return setProblem('request_resolution_required');
      if (await run({ to: 'resolved', resolution: text.trim() })) close();
    } else if (dialog === 'refer') {
      if (!referTo) return setProblem('request_referral_required');
      if (await run({ to: 'referred', referredTo: referTo, resolution: text.trim() || undefined })) close();
    }
  }

  if (allowed.length === 0) return null;
  return (
    <>
      <Space size={0} wrap>
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
      <Modal
        open={dialog !== null}
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
            validateStatus={problem && problem !== 'request_referral_required' ? 'error' : undefined}
            help={problem && problem !== 'request_referral_required' ? errorText(problem) : undefined}
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
        </Form>
      </Modal>
    </>
  );
}
