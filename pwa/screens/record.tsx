import type { RecordEnvelope } from '../../shared/domain/records.ts';
import { formatPhone } from '../../shared/validate/phone.ts';
import { href, navigate } from '../router/router.ts';
import { useSession } from '../session/session.ts';
import { useLive } from '../session/use-live.ts';
import { AttachmentImage } from '../components/attachment-image.tsx';
import { ServerRef } from '../components/server-ref.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { formatDate, formatDateTime } from '../i18n/format.ts';
import { useLang, type Translate } from '../i18n/ui.ts';
import { reasonText } from '../records/reason-text.ts';
import { useDomainWords } from '../i18n/domain-words.ts';
import { useCatalog, type Catalog } from '../records/use-catalog.ts';
import type { Lang } from '../../shared/i18n/index.ts';
import type { FormField } from '../../shared/catalog/eforms/form-field.ts';
import type { StoredRecord } from '../store/types.ts';

/** One record as the province sees it: its status, its code, what was decided, what to fix. */
export function RecordScreen({ id }: { readonly id: string }) {
  const { t, lang } = useLang();
  const words = useDomainWords();
  const session = useSession();
  const found = useLive(async () => {
    const stored = await session.queries.record(id);
    const e = stored?.envelope;
    const personId = e?.type === 'eid' ? e.payload.residentId : e?.type === 'dossier' ? e.payload.applicantResidentId : undefined;
    const person = personId === undefined ? undefined : (await session.queries.record(personId))?.envelope;
    return { record: stored, person: person?.type === 'resident' ? person.payload.fullName : undefined };
  }, [session.queries, id]);
  const record = found?.record;
  // The catalog names a dossier's procedure and fields; it loads only for dossiers.
  const loaded = useCatalog(record?.type === 'dossier');
  const catalog = loaded.status === 'ready' ? loaded.catalog : undefined;
  if (record === undefined) return <p class="empty">{t('recordMissing')}</p>;
  const decision = record.decision;
  const requeue = async () => {
    await session.outbox.requeue(id);
  };
  return (
    <section aria-labelledby="record-title" data-testid="record">
      <p class="muted">{t(`type_${record.type}`)}</p>
      <h1 id="record-title">{title(record.envelope, catalog, t)}</h1>
      {found?.person && <p class="muted">{found.person}</p>}
      <p>
        <StatusBadge status={record.status} />
      </p>
      {record.serverRef && <ServerRef value={record.serverRef} />}
      {decision && (
        <div class="notice" data-testid="decision">
          <p>{t('recordDecision', { status: t(`status_${decision.status}`) })}</p>
          {decision.message && <p>{decision.message}</p>}
          {decision.appointmentAt && <p>{t('recordAppointment', { at: formatDateTime(lang, decision.appointmentAt) })}</p>}
        </div>
      )}
      {record.status === 'quarantined' && record.reason && (
        <div class="notice notice-error" role="alert">
          <p>{t('quarantineReason', { reason: reasonText(words, record.reason) })}</p>
          <div class="actions">
            <button type="button" class="button button-primary" onClick={() => navigate({ name: 'edit', id })}>
              {t('fixAndResend')}
            </button>
            <button type="button" class="button" onClick={() => void requeue()}>
              {t('requeue')}
            </button>
          </div>
        </div>
      )}
      <Details record={record} catalog={catalog} t={t} lang={lang} />
      <div class="actions">
        {record.householdId && (
          <a class="button" href={href({ name: 'household', id: record.householdId })}>
            {t('householdTitle')}
          </a>
        )}
        <a class="button" href={href({ name: 'edit', id })}>
          {t('edit')}
        </a>
      </div>
    </section>
  );
}

function title(record: RecordEnvelope, catalog: Catalog | undefined, t: Translate): string {
  switch (record.type) {
    case 'household':
      return record.payload.headName;
    case 'resident':
      return record.payload.fullName;
    case 'eid':
      return t('eidLevelShort', { level: record.payload.level });
    case 'dossier': {
      const name = catalog?.findProcedure(record.payload.procedureCode)?.shortName;
      return name ? `${name} (${record.payload.procedureCode})` : record.payload.procedureCode;
    }
  }
}

interface DetailsProps {
  readonly record: StoredRecord;
  readonly catalog: Catalog | undefined;
  readonly t: Translate;
  readonly lang: Lang;
}

function Details({ record, catalog, t, lang }: DetailsProps) {
  const e = record.envelope;
  const rows: [string, string][] = [];
  if (e.type === 'resident') {
    const p = e.payload;
    rows.push([t('dateOfBirth'), formatDate(p.dateOfBirth)], [t('sex'), t(p.sex)]);
    if (p.cccd) rows.push([t('cccd'), p.cccd]);
    if (p.phone) rows.push([t('phone'), formatPhone(p.phone)]);
    if (p.email) rows.push([t('email'), p.email]);
  }
  if (e.type === 'eid') {
    const p = e.payload;
    rows.push([t('eidLevel'), p.level === 1 ? t('eidLevel1') : t('eidLevel2')], [t('eidOwnPhone'), formatPhone(p.ownPhone)]);
    if (p.email) rows.push([t('eidEmail'), p.email]);
    rows.push([t('eidChip'), p.chipCardInHand ? t('yes') : t('no')]);
  }
  if (e.type === 'dossier') {
    const p = e.payload;
    const procedure = catalog?.findProcedure(p.procedureCode);
    rows.push([t('dossierStepAuth'), t(`auth_${p.authMethod}`)]);
    const fields = new Map((procedure?.form ?? []).map((f) => [f.key, f]));
    for (const [key, value] of Object.entries(p.formValues)) {
      const field = fields.get(key);
      rows.push([field?.label[lang] ?? key, field ? shownValue(field, value, lang) : String(value)]);
    }
  }
  const photos =
    e.type === 'dossier' ? e.payload.documents.map((d) => d.sha256) : e.type === 'eid' && e.payload.portraitSha256 ? [e.payload.portraitSha256] : [];
  return (
    <>
      {rows.length > 0 && (
        <dl class="details">
          {rows.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      )}
      {photos.map((sha) => (
        <AttachmentImage key={sha} sha256={sha} alt={t('documentTaken', { size: '' })} />
      ))}
    </>
  );
}

/** A form value as the volunteer entered it: the option's words, a date as dd/mm/yyyy. */
function shownValue(field: FormField, value: string | number | boolean, lang: Lang): string {
  if (field.type === 'select') return field.options.find((o) => o.value === value)?.label[lang] ?? String(value);
  if (field.type === 'date' && typeof value === 'string') return formatDate(value);
  return String(value);
}
