export { ReminderRuntime, sessionNotifier } from './ReminderRuntime';
export { reminderStrings } from './strings';
export type { NotifyPermission } from './notifier';
