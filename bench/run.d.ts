/**
 * `npm run bench`: performance figures for the data layer on a large generated data set, under Node with
 * fake-indexeddb (slower than a real browser's IndexedDB, so these are upper bounds). Prints figures;
 * asserts nothing: compare runs, not thresholds.
 */
import 'fake-indexeddb/auto';
