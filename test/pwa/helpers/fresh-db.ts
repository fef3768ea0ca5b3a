import 'fake-indexeddb/auto';
import { LangsoDb } from '../../../pwa/store/db.ts';

let counter = 0;

/** A database of its own per test, over fake-indexeddb. */
export function freshDb(): LangsoDb {
  counter += 1;
  return new LangsoDb(`test-${process.pid}-${counter}-${Date.now()}`);
}
