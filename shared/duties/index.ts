export type { CalendarDate } from '../calendar/shanghai';
export {
  addDays,
  addMonths,
  clampedDate,
  compareDates,
  daysBetween,
  daysInMonth,
  formatDate,
  isCalendarDate,
  isLeapYear,
  isoWeekday,
  laterDate,
  parseDate,
  todayInShanghai,
} from '../calendar/shanghai';
export type { LunarDate } from './lunarDate';
export { fromLunar, lunarLabel, lunarMonthLength, toLunar } from './lunarDate';
export { festivalDate } from './festivals';
export { birthdayOnOrAfter, lunarBirthdayInLunarYear, solarBirthdayInYear } from './birthdays';
export type { ScheduledDuty, ScheduledRecipient } from './dueDates';
export { firstDueDate, firstScheduledOnOrAfter, nextDueAfterCompletion, nextDueDate } from './dueDates';
export type { OccurrenceState, UrgencyItem } from './occurrenceStatus';
export { DUE_SOON_DAYS, classifyOccurrence, compareUrgency, daysOverdue } from './occurrenceStatus';
export type { DefaultDutyOptions, OccurrenceRecipient } from './dutyPlans';
export { defaultDutiesFor, firstOccurrence, occurrenceAfterCompletion } from './dutyPlans';
export type { CategoryDutyChanges } from './categoryChange';
export { dutyChangesForCategories } from './categoryChange';
export type { DutyStatusChanges } from './statusChange';
export { dutyChangesForStatus } from './statusChange';
export type { OpenOccurrence } from './contactRules';
export {
  contactCompletesDuties,
  contactFulfils,
  isRemoteMode,
  modeForDutyKind,
  modeFulfils,
  mostOverdueOccurrence,
  othersAssigned,
} from './contactRules';
