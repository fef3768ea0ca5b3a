import { searchKey } from '../../shared/validate/search-key.ts';
import type { RecordEnvelope } from '../../shared/domain/records.ts';
import type { StoredRecord } from '../store/types.ts';

/** One searchable row: a household or a resident, and the household it leads to. */
export interface IndexEntry {
  readonly id: string;
  readonly householdId: string;
  readonly key: string;
}

/**
 * Search over every household and resident on the phone, in memory: three parallel arrays of
 * strings, scanned with `includes` — for 50,000 residents that is a few milliseconds, with no
 * wait on IndexedDB per keystroke. Kept current by `upsert` after each save.
 */
export class SearchIndex {
  private readonly ids: string[] = [];
  private readonly households: string[] = [];
  private readonly keys: string[] = [];
  private readonly positions = new Map<string, number>();

  get size(): number {
    return this.ids.length;
  }

  upsert(entry: IndexEntry): void {
    const at = this.positions.get(entry.id);
    if (at === undefined) {
      this.positions.set(entry.id, this.ids.length);
      this.ids.push(entry.id);
      this.households.push(entry.householdId);
      this.keys.push(entry.key);
    } else {
      this.households[at] = entry.householdId;
      this.keys[at] = entry.key;
    }
  }

  /**
   * Households with a member or a household field matching every word of the query (folded like
   * the keys), most recently added first, at most `limit`.
   */
  search(query: string, limit: number): string[] {
    const words = searchKey(query).split(' ').filter((w) => w !== '');
    if (words.length === 0) return [];
    // The digits of a phone or ID typed with spaces still match: "0961 234" → also "0961234".
    const joined = words.length > 1 && words.every((w) => /^\d+$/.test(w)) ? words.join('') : undefined;
    const found = new Set<string>();
    for (let i = this.keys.length - 1; i >= 0 && found.size < limit; i -= 1) {
      const key = this.keys[i] ?? '';
      if (words.every((w) => key.includes(w)) || (joined !== undefined && key.includes(joined))) {
        found.add(this.households[i] ?? '');
      }
    }
    return [...found];
  }
}

/** What a record is found by: names, ID numbers, phones, hamlet, house (not its whole payload). */
export function recordSearchKey(envelope: RecordEnvelope): string {
  if (envelope.type === 'household') {
    const { headName, address } = envelope.payload;
    return searchKey([headName, address.hamlet, address.house ?? ''].join(' '));
  }
  if (envelope.type === 'resident') {
    const p = envelope.payload;
    return searchKey([p.fullName, p.cccd ?? '', p.legacyCmnd ?? '', p.phone ?? '', p.address.hamlet].join(' '));
  }
  return '';
}

export function indexEntryOf(record: StoredRecord): IndexEntry | undefined {
  if (record.type !== 'household' && record.type !== 'resident') return undefined;
  return { id: record.id, householdId: record.householdId ?? record.id, key: record.searchKey };
}

/** Builds the index from the search-key rows, oldest first (ids are time-ordered UUIDv7s). */
export async function loadSearchIndex(rows: { toArray(): Promise<IndexEntry[]> }): Promise<SearchIndex> {
  const index = new SearchIndex();
  for (const entry of await rows.toArray()) index.upsert(entry);
  return index;
}
