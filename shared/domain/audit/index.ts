export * from './chain';
export * from './diff';
export * from './describe';
export * from './trail';
