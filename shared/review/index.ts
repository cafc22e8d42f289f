export * from './api';
export * from './compute';
export * from './definitions';
export * from './rollup';
export * from './week';
export * from './drill';
export * from './quality';
