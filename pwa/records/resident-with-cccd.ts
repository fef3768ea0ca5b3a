import type { RecordOf } from '../../shared/domain/records.ts';
import type { SearchIndex } from '../search/search-index.ts';
import type { Queries } from '../store/queries.ts';

/** What the look-up needs of the running app (the session gives it). */
export interface CccdLookup {
  searchIndex(): Promise<SearchIndex>;
  readonly queries: Pick<Queries, 'residentsOf'>;
}

/**
 * Another resident on this phone with the same personal ID number (DUPLICATE_CCCD): found
 * through the search index, then confirmed on the stored records.
 */
export async function residentWithCccd(lookup: CccdLookup, cccd: string, exceptId: string | undefined): Promise<RecordOf<'resident'> | undefined> {
  const households = (await lookup.searchIndex()).search(cccd, 20);
  if (households.length === 0) return undefined;
  const residents = await lookup.queries.residentsOf(households);
  return residents.find((e) => e.id !== exceptId && e.payload.cccd === cccd);
}
