export * from './catalog';
export type { CriterionRow } from './types';
