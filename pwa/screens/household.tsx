import { href } from '../router/router.ts';
import { useSession } from '../session/session.ts';
import { useLive } from '../session/use-live.ts';
import { DraftList } from '../components/draft-list.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { useT } from '../i18n/ui.ts';
import { addressLine } from '../records/address-line.ts';
import { isRecordOf } from '../records/envelope.ts';
import type { StoredRecord } from '../store/types.ts';
import type { RecordOf } from '../../shared/domain/records.ts';

/** One household: its address, its members, and what is under way for each of them. */
export function HouseholdScreen({ id }: { readonly id: string }) {
  const t = useT();
  const { queries } = useSession();
  const data = useLive(async () => {
    const household = await queries.record(id);
    const related = await queries.householdRecords(id);
    const drafts = (await queries.drafts()).filter((d) => d.householdId === id);
    return { household, related, drafts };
  }, [queries, id]);
  if (!data) return <p class="loading">{t('loading')}</p>;
  const { household, related, drafts } = data;
  if (household?.envelope.type !== 'household') return <p class="empty">{t('householdMissing')}</p>;
  const payload = household.envelope.payload;
  const members = related.flatMap((r) => (isRecordOf(r.envelope, 'resident') ? [{ stored: r, resident: r.envelope }] : []));
  const workFor = (residentId: string) =>
    related.filter(
      (r) =>
        (r.envelope.type === 'eid' && r.envelope.payload.residentId === residentId) ||
        (r.envelope.type === 'dossier' && r.envelope.payload.applicantResidentId === residentId),
    );

  return (
    <section aria-labelledby="household-title">
      <h1 id="household-title">{payload.headName}</h1>
      <p>{addressLine(payload.address)}</p>
      <p>
        <StatusBadge status={household.status} />
      </p>
      <div class="actions">
        <a class="button" href={href({ name: 'edit', id })}>
          {t('edit')}
        </a>
        <a class="button button-primary" href={href({ name: 'resident-new', householdId: id })}>
          {t('addMember')}
        </a>
      </div>
      <DraftList drafts={drafts} />
      <h2>{t('membersTitle')}</h2>
      {members.length === 0 && <p class="empty">{t('membersEmpty')}</p>}
      <ul class="cards">
        {members.map(({ stored, resident }) => (
          <li key={stored.id}>
            <Member record={stored} resident={resident} work={workFor(stored.id)} />
          </li>
        ))}
      </ul>
    </section>
  );
}

interface MemberProps {
  readonly record: StoredRecord;
  readonly resident: RecordOf<'resident'>;
  readonly work: readonly StoredRecord[];
}

function Member({ record, resident, work }: MemberProps) {
  const t = useT();
  return (
    <div class="card" data-testid="member">
      <a class="card-title" href={href({ name: 'record', id: record.id })}>
        {resident.payload.fullName}
      </a>
      <span class="card-sub">{resident.payload.relationship ? t(`rel_${resident.payload.relationship}`) : ''}</span>
      <StatusBadge status={record.status} />
      {work.length > 0 && (
        <ul class="work">
          {work.map((w) => (
            <li key={w.id}>
              <a href={href({ name: 'record', id: w.id })}>
                {t(`type_${w.type}`)}
                {w.envelope.type === 'dossier' ? ` ${w.envelope.payload.procedureCode}` : ''}
              </a>{' '}
              <StatusBadge status={w.status} />
              {w.serverRef && <code class="ref">{w.serverRef}</code>}
            </li>
          ))}
        </ul>
      )}
      <div class="actions">
        <a class="button" href={href({ name: 'eid-new', residentId: record.id })}>
          {t('startEid')}
        </a>
        <a class="button" href={href({ name: 'dossier-new', residentId: record.id })}>
          {t('startDossier')}
        </a>
      </div>
    </div>
  );
}
