// The Today screen; its public entry (the bench measures its reads too).
export { TodayPage } from './TodayPage';
export { loadTodayData, loadTodayDetails } from '../../db/queries/today';
