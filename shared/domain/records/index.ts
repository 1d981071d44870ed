export * from './base';
export * from './field-paths';
