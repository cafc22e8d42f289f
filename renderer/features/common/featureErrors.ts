import { useMessages, useStrings } from '../../app/i18n';
import { defineStrings } from '../../app/i18n';

/**
 * Error codes the repositories return that shared/i18n has no sentence for (yet); everything
 * else goes to the shared messages. Kept here so a caseworker never sees "unknown error" for
 * a refusal we can explain.
 */
const featureErrorStrings = defineStrings(
  {
    request_resolution_required: '请填写处理结果',
    request_transition_invalid: '该诉求已办结，不能再变更状态',
    request_referral_required: '请选择上报的单位',
    occurrence_not_pending: '该任务已完成或已取消，请重新选择',
    aid_already_voided: '该帮扶记录已作废',
    aid_delete_refused: '帮扶记录不能删除，只能作废',
  },
  {
    request_resolution_required: 'Describe how it was resolved',
    request_transition_invalid: 'This request is closed; its status cannot change',
    request_referral_required: 'Choose where to refer it',
    occurrence_not_pending: 'That duty is already done or cancelled; choose again',
    aid_already_voided: 'This aid entry is already voided',
    aid_delete_refused: 'Aid is never deleted, only voided',
  },
);

type FeatureErrorCode = keyof typeof featureErrorStrings.zh;

/** `(code) => sentence` in the current language, for any repository or validation code. */
export function useErrorText(): (code: string) => string {
  const { error } = useMessages();
  const t = useStrings(featureErrorStrings);
  return (code) => (code in featureErrorStrings.zh ? t(code as FeatureErrorCode) : error(code));
}
