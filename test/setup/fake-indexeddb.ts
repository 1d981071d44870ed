// Must load before Dexie (toolchain.md): gives Node an in-memory IndexedDB that also stores Blobs.
import 'fake-indexeddb/auto';
