export * from './fields';
export * from './controls';
export * from './complementary';
export * from './requests';
export * from './description';
export * from './coverage';
export * from './assertion';
export * from './generated-sections';
