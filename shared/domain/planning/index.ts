export * from './fields';
export * from './controls';
export * from './complementary';
export * from './requests';
export * from './description';
