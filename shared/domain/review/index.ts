export * from './schema';
export * from './workpapers';
export * from './rules';
export * from './state';
export * from './lifecycle';
export * from './dashboard';
export * from './changes';
