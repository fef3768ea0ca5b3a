import { useLang } from '../i18n/ui.ts';
import { formatDateTime } from '../i18n/format.ts';
import { href, type Route } from '../router/router.ts';
import { useSession } from '../session/session.ts';
import { useLive } from '../session/use-live.ts';
import { draftTarget } from '../store/drafts.ts';
import type { DraftRow } from '../store/types.ts';

/** Where a draft opens: its form, at the step it was left at. */
export function draftRoute(draft: DraftRow): Route | undefined {
  const target = draftTarget(draft.key);
  const step = draft.step === undefined ? {} : { step: draft.step };
  switch (target?.form) {
    case undefined:
      return undefined;
    case 'household-new':
      return { name: 'household-new' };
    case 'resident-new':
      return { name: 'resident-new', householdId: target.parentId };
    case 'eid-new':
      return { name: 'eid-new', residentId: target.parentId };
    case 'dossier-new':
      return { name: 'dossier-new', residentId: target.parentId, ...step };
    case 'edit':
      return { name: 'edit', id: target.recordId, ...step };
  }
}

/** The forms left unfinished, each one tap from where it was left. */
export function DraftList({ drafts }: { readonly drafts: readonly DraftRow[] }) {
  const { t, lang } = useLang();
  const shown = drafts.flatMap((draft) => {
    const route = draftRoute(draft);
    return route ? [{ draft, route, edit: route.name === 'edit' }] : [];
  });
  if (shown.length === 0) return null;
  return (
    <section class="drafts" aria-labelledby="drafts-title">
      <h2 id="drafts-title">{t('draftsTitle')}</h2>
      <ul class="cards">
        {shown.map(({ draft, route, edit }) => (
          <li key={draft.key} class="card" data-testid="draft">
            <a class="card-title" href={href(route)}>
              {edit ? `${t('draftKindEdit')}: ` : ''}
              {t(`draftKind_${draft.kind}`)} · {draft.title === '' ? t('draftUntitled') : draft.title}
            </a>
            <span class="card-sub">{t('draftSavedAt', { time: formatDateTime(lang, draft.updatedAt) })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Home: the new households left unfinished (the others are listed on their household's page). */
export function UnfinishedHouseholds() {
  const { queries } = useSession();
  const drafts = useLive(async () => (await queries.drafts()).filter((d) => d.householdId === undefined), [queries]);
  return drafts ? <DraftList drafts={drafts} /> : null;
}
