/** The app's database and repository singletons (tests build their own on fake-indexeddb). */
import { FieldworkDatabase } from './database';
import { Repository } from './repository';

export const db = new FieldworkDatabase();
export const repository = new Repository(db);

export { FieldworkDatabase } from './database';
export { Repository, type Actor, type Mutation } from './repository';
export { LOCAL_CHAIN } from './entities';
