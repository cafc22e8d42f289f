export * from './cells';
export * from './layout';
export * from './tables';
export * from './plan';
export { buildLedger, parseLedger, readRawSheets, writeLedger } from './workbook';
