/**
 * Installs an in-memory IndexedDB (fake-indexeddb) as the global `indexedDB`, for cli/demo.ts.
 *
 * A module of its own, imported first by demo.ts: the bundler emits a module's dependencies before the
 * module's own code, so the install must sit in a dependency that comes before the database layer's (Dexie
 * looks for `indexedDB` when it loads).
 */
import 'fake-indexeddb/auto';
