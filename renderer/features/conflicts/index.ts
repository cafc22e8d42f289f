export { ConflictsPanel, type ConflictsPanelProps } from './ConflictsPanel';
export { conflictActions, formatConflictValue, formatFieldValue, recordHref } from './conflictView';
export { restoreLoserValue, type RestoreOutcome } from './restoreLoser';
export { conflictsStrings, labelKey } from './strings';
