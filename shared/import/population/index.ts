/**
 * Population import: read the client's export of a population (all changes in the period, all leavers…)
 * from .xlsx or CSV, suggest its sheet, header, key and date columns, and build the list of items the
 * auditor samples from, with every doubtful row worded for the auditor. Pure functions over bytes and grids.
 */
export { buildPopulation, MAX_POPULATION_ITEMS } from './build';
export { suggestPopulationColumns } from './columns';
export { readDateCell, type DateReading } from './dates';
export { detectPopulationHeaderRow } from './header';
export { describePopulationSheet, POPULATION_LIMITS, readPopulation, suggestPopulationSheet } from './read';
export type {
  DayOrder,
  Population,
  PopulationColumn,
  PopulationColumnSuggestion,
  PopulationFile,
  PopulationInput,
  PopulationItem,
  PopulationPeriod,
  PopulationProblem,
  PopulationProblemKind,
  PopulationSheet,
  PopulationSummary,
} from './types';
export { buildChosenPopulation, type PopulationChoice as PopulationColumnsChoice } from './choice';
