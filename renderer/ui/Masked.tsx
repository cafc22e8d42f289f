import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useState } from 'react';
import { useStrings } from '../app/i18n';
import { maskIdNumber } from '../../shared/validation/idNumber';
import { maskPhone } from '../../shared/validation/phone';
import { uiStrings } from './strings';

const MONO = { fontVariantNumeric: 'tabular-nums', fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' } as const;

interface MaskedProps {
  value: string;
  /** Shows an eye button that reveals the full value on demand (profiles, never lists). */
  revealable?: boolean;
}

function MaskedValue({ value, masked, revealable, testId }: { value: string; masked: string; revealable: boolean; testId: string }) {
  const t = useStrings(uiStrings);
  const [shown, setShown] = useState(false);
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <span style={MONO} data-testid={testId}>
        {shown ? value : masked}
      </span>
      {revealable && (
        <Tooltip title={shown ? t('hide') : t('reveal')}>
          <Button
            type="text"
            size="small"
            aria-label={shown ? t('hide') : t('reveal')}
            icon={shown ? <EyeInvisibleOutlined /> : <EyeOutlined />}
            onClick={() => setShown((s) => !s)}
          />
        </Tooltip>
      )}
    </span>
  );
}

/** ID number as `440304********123X`. */
export function MaskedId({ value, revealable = false }: MaskedProps) {
  return <MaskedValue value={value} masked={maskIdNumber(value)} revealable={revealable} testId="masked-id" />;
}

/** Phone as `138****5678` or `0755-****1234`. */
export function MaskedPhone({ value, revealable = false }: MaskedProps) {
  return <MaskedValue value={value} masked={maskPhone(value)} revealable={revealable} testId="masked-phone" />;
}
