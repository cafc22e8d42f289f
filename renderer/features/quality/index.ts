// The data quality screen; its public entry.
export { QualityPage } from './QualityPage';
