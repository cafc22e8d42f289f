import { useMessages, useStrings } from '../../app/i18n';
import { defineStrings } from '../../app/i18n';

/**
 * Codes only the feature screens produce (a form check before any repository call); every
 * other code goes to the shared messages.
 */
const featureErrorStrings = defineStrings(
  {
    request_referral_required: '请选择上报的单位',
    gender_required: '请选择性别',
  },
  {
    request_referral_required: 'Choose where to refer it',
    gender_required: 'Choose the gender',
  },
);

type FeatureErrorCode = keyof typeof featureErrorStrings.zh;

/** `(code) => sentence` in the current language, for any repository or validation code. */
export function useErrorText(): (code: string) => string {
  const { error } = useMessages();
  const t = useStrings(featureErrorStrings);
  return (code) => (code in featureErrorStrings.zh ? t(code as FeatureErrorCode) : error(code));
}
