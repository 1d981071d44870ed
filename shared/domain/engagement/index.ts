export * from './schema';
export * from './dates';
export * from './criterion-scope';
export * from './scope';
export * from './report-settings';
