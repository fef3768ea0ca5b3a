import { useEffect, useState } from 'preact/hooks';
import { href } from '../router/router.ts';
import { useSession } from '../session/session.ts';
import { useLive } from '../session/use-live.ts';
import { UnfinishedHouseholds } from '../components/draft-list.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { useT } from '../i18n/ui.ts';

const PAGE = 30;

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
    () =>
      hits === undefined
        ? session.queries.newestHouseholds(limit)
        : session.queries.householdsByIds(hits).then((rows) => ({ rows, more: hits.length >= limit })),
    [session.queries, hits, limit],
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
      <UnfinishedHouseholds />
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
