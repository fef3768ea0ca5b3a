import Dexie from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { href } from '../router/router.ts';
import { useSession } from '../session/session.ts';
import { useLive } from '../session/use-live.ts';
import { StatusBadge } from '../components/status-badge.tsx';
import { useT } from '../i18n/ui.ts';
import type { LangsoDb } from '../store/db.ts';
import type { StoredRecord } from '../store/types.ts';

const PAGE = 30;

interface HouseholdRow {
  readonly household: StoredRecord;
  readonly members: number;
}

async function withMembers(db: LangsoDb, households: readonly StoredRecord[]): Promise<HouseholdRow[]> {
  const ids = households.map((h) => h.id);
  const related = await db.records.where('householdId').anyOf(ids).toArray();
  const counts = new Map<string, number>();
  for (const record of related) {
    if (record.type === 'resident' && record.householdId) counts.set(record.householdId, (counts.get(record.householdId) ?? 0) + 1);
  }
  return households.map((household) => ({ household, members: counts.get(household.id) ?? 0 }));
}

async function newest(db: LangsoDb, limit: number): Promise<{ rows: HouseholdRow[]; more: boolean }> {
  const page = await db.records
    .where('[type+updatedAt]')
    .between(['household', Dexie.minKey], ['household', Dexie.maxKey])
    .reverse()
    .limit(limit + 1)
    .toArray();
  return { rows: await withMembers(db, page.slice(0, limit)), more: page.length > limit };
}

async function found(db: LangsoDb, ids: readonly string[]): Promise<HouseholdRow[]> {
  const households = (await db.records.bulkGet([...ids])).filter((r): r is StoredRecord => r?.type === 'household');
  return withMembers(db, households);
}

/** Home: every household on the phone, newest first, and a search that forgives accents. */
export function HouseholdsScreen() {
  const t = useT();
  const session = useSession();
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [hits, setHits] = useState<string[] | undefined>(undefined);
  const [indexReady, setIndexReady] = useState(false);

  // Built in the background while the list shows, so the first search does not wait for it.
  useEffect(() => {
    void session.searchIndex();
  }, [session]);

  useEffect(() => {
    let live = true;
    if (query.trim() === '') {
      setHits(undefined);
      return undefined;
    }
    void session.searchIndex().then((index) => {
      if (!live) return;
      setIndexReady(true);
      setHits(index.search(query, limit));
    });
    return () => {
      live = false;
    };
  }, [query, limit, session]);

  const list = useLive(
    () => (hits === undefined ? newest(session.db, limit) : found(session.db, hits).then((rows) => ({ rows, more: hits.length >= limit }))),
    [session.db, hits, limit],
  );

  const searching = query.trim() !== '';
  return (
    <section aria-labelledby="households-title">
      <div class="row-between">
        <h1 id="households-title">{t('householdsTitle')}</h1>
        <a class="button button-primary" href={href({ name: 'household-new' })}>
          {t('addHousehold')}
        </a>
      </div>
      <div class="field">
        <label for="search">{t('searchLabel')}</label>
        <input
          id="search"
          type="search"
          autocomplete="off"
          placeholder={t('searchPlaceholder')}
          value={query}
          onInput={(e) => {
            setQuery(e.currentTarget.value);
            setLimit(PAGE);
          }}
        />
      </div>
      {searching && !indexReady && <p class="muted">{t('indexLoading')}</p>}
      {list && list.rows.length === 0 && (
        <p class="empty">{searching ? t('searchEmpty', { query }) : t('householdsEmpty')}</p>
      )}
      {list && list.rows.length > 0 && (
        <ul class="cards" aria-live="polite">
          {list.rows.map(({ household, members }) => (
            <li key={household.id}>
              <a class="card" href={href({ name: 'household', id: household.id })}>
                <span class="card-title">{household.envelope.type === 'household' ? household.envelope.payload.headName : ''}</span>
                <span class="card-sub">
                  {household.envelope.type === 'household' ? household.envelope.payload.address.hamlet : ''} · {t('members', { count: members })}
                </span>
                <StatusBadge status={household.status} />
              </a>
            </li>
          ))}
        </ul>
      )}
      {list?.more && (
        <button type="button" class="button" onClick={() => setLimit(limit + PAGE)}>
          {t('showMore')}
        </button>
      )}
    </section>
  );
}
