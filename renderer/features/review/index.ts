// The supervisor's weekly review screens; their public entry.
export { ReviewPage } from './ReviewPage';
export { ReviewPrintPage } from './ReviewPrintPage';
export { StationDrillPage } from './StationDrillPage';
