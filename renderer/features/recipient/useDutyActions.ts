import { App } from 'antd';
import { useRepoContext } from '../../app/DbProvider';
import { useMessages } from '../../app/i18n';
import type { Duty } from '../../../shared/domain/schemas';
import { deactivateDutyPlan } from './dutyActions';

/** Deactivates a plan: no new occurrences, pending ones cancelled by the repository. */
export function useDeactivateDuty(): (duty: Duty) => Promise<void> {
  const repo = useRepoContext();
  const { error } = useMessages();
  const { message } = App.useApp();
  return async (duty) => {
    const result = await deactivateDutyPlan(repo, duty.id);
    if (!result.ok) void message.error(error(result.error.code));
  };
}
