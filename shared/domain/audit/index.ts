export * from './chain';
export * from './diff';
