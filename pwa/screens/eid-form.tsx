import { useState } from 'preact/hooks';
import * as v from 'valibot';
import type { Consent } from '../../shared/domain/consent.ts';
import type { EidApplication, RecordOf } from '../../shared/domain/records.ts';
import { todayInHoChiMinh } from '../../shared/validate/dates.ts';
import { checkEmail } from '../../shared/validate/email.ts';
import type { Issue } from '../../shared/validate/issue.ts';
import { checkPhone, formatPhone } from '../../shared/validate/phone.ts';
import { href } from '../router/router.ts';
import { useSession } from '../session/session.ts';
import { useLive } from '../session/use-live.ts';
import { CheckField } from '../components/check-field.tsx';
import { ChoiceField } from '../components/choice-field.tsx';
import { ConsentStep } from '../components/consent-step.tsx';
import { FormFooter } from '../components/form-footer.tsx';
import { PhotoCapture } from '../components/photo-capture.tsx';
import { TextField } from '../components/text-field.tsx';
import { useIssues } from '../components/use-issues.ts';
import { useT } from '../i18n/ui.ts';
import { ageOn } from '../records/age.ts';
import { isRecordOf, newRecord, revisedRecord } from '../records/envelope.ts';
import { saveFromScreen } from '../records/save.ts';
import { DraftNotice } from '../components/draft-notice.tsx';
import { DRAFT_KEYS } from '../store/drafts.ts';
import { useDraftOnOpen, type OpenedDraft } from './use-draft-on-open.ts';
import { useFormSave } from './use-form-save.ts';

interface People {
  readonly resident: RecordOf<'resident'> | undefined;
  /** This person's other e-ID applications on the phone: a second one is said, not refused. */
  readonly earlier: readonly RecordOf<'eid'>[];
  readonly adults: readonly RecordOf<'resident'>[];
}

/** Loads the resident and the adults of the household (possible guardians), then the form. */
export function EidFormScreen({ residentId, existing }: { readonly residentId: string; readonly existing?: RecordOf<'eid'> }) {
  const t = useT();
  const session = useSession();
  const today = todayInHoChiMinh(session.clock());
  const people = useLive(async (): Promise<People> => {
    const stored = (await session.queries.record(residentId))?.envelope;
    const resident = isRecordOf(stored, 'resident') ? stored : undefined;
    const householdId = resident?.payload.householdId;
    const members = householdId ? await session.queries.residentsOf([householdId]) : [];
    const adults = members.filter((e) => e.id !== residentId && ageOn(e.payload.dateOfBirth, today) >= 18);
    const related = householdId ? await session.queries.householdRecords(householdId) : [];
    const earlier = related
      .map((row) => row.envelope)
      .filter((e): e is RecordOf<'eid'> => isRecordOf(e, 'eid') && e.payload.residentId === residentId && e.id !== existing?.id);
    return { resident, adults, earlier };
  }, [session.queries, residentId, today, existing?.id]);
  const draftKey = existing ? DRAFT_KEYS.edit(existing.id) : DRAFT_KEYS.newEid(residentId);
  const opened = useDraftOnOpen(draftKey, ValuesSchema);
  if (!people || opened.loading) return <p class="loading">{t('loading')}</p>;
  if (!people.resident) return <p class="empty">{t('recordMissing')}</p>;
  return (
    <EidForm
      key={opened.round}
      resident={people.resident}
      adults={people.adults}
      earlier={people.earlier}
      today={today}
      draftKey={draftKey}
      draft={opened.draft}
      onRestart={opened.restart}
      {...(existing ? { existing } : {})}
    />
  );
}

/** The form's values as typed: what its draft keeps. */
const ValuesSchema = v.object({
  level: v.exactOptional(v.picklist(['1', '2'])),
  ownPhone: v.string(),
  email: v.string(),
  chipCardInHand: v.boolean(),
  guardianResidentId: v.string(),
  portrait: v.exactOptional(v.object({ sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)) })),
});
type Values = v.InferOutput<typeof ValuesSchema>;

function check(values: Values, under14: boolean): { issues: Issue[]; value?: Omit<EidApplication, 'residentId' | 'status'> } {
  const issues: Issue[] = [];
  const phone = checkPhone(values.ownPhone, 'ownPhone');
  issues.push(...phone.issues);
  const email = values.email.trim() === '' ? undefined : checkEmail(values.email, 'email');
  if (email) issues.push(...email.issues);
  const level = under14 ? 2 : values.level === '1' ? 1 : values.level === '2' ? 2 : undefined;
  if (level === undefined) issues.push({ field: 'level', code: 'FORM_REQUIRED' });
  if (issues.length > 0 || level === undefined || phone.value === undefined) return { issues };
  return {
    issues,
    value: {
      level,
      ownPhone: phone.value,
      ...(email?.value === undefined ? {} : { email: email.value }),
      chipCardInHand: values.chipCardInHand,
      ...(values.portrait ? { portraitSha256: values.portrait.sha256 } : {}),
      ...(under14 && values.guardianResidentId !== '' ? { guardianResidentId: values.guardianResidentId } : {}),
    },
  };
}

interface EidFormProps {
  readonly resident: RecordOf<'resident'>;
  readonly adults: readonly RecordOf<'resident'>[];
  readonly earlier: readonly RecordOf<'eid'>[];
  readonly today: string;
  readonly existing?: RecordOf<'eid'>;
  readonly draftKey: string;
  readonly draft: OpenedDraft<Values> | undefined;
  readonly onRestart: () => void;
}

function valuesOf(existing: RecordOf<'eid'> | undefined, resident: RecordOf<'resident'>): Values {
  const p = existing?.payload;
  return {
    ...(p ? { level: p.level === 1 ? '1' : '2' } : {}),
    ownPhone: p?.ownPhone ?? '',
    email: p?.email ?? resident.payload.email ?? '',
    chipCardInHand: p?.chipCardInHand ?? false,
    guardianResidentId: p?.guardianResidentId ?? '',
    ...(p?.portraitSha256 === undefined ? {} : { portrait: { sha256: p.portraitSha256 } }),
  };
}

function EidForm({ resident, adults, earlier, today, existing, draftKey, draft, onRestart }: EidFormProps) {
  const t = useT();
  const session = useSession();
  const under14 = ageOn(resident.payload.dateOfBirth, today) < 14;
  const [consent, setConsent] = useState<Consent | null>(draft?.consent ?? existing?.consent ?? null);
  const [values, setValues] = useState<Values>(() => draft?.values ?? valuesOf(existing, resident));
  const form = useFormSave('eid-form', {
    place: { key: draftKey, kind: 'eid', title: resident.payload.fullName, ...(resident.payload.householdId ? { householdId: resident.payload.householdId } : {}) },
    content: { values, consent },
    restored: draft !== undefined,
  });

  const result = check(values, under14);
  const view = useIssues(result.issues, { ownPhone: t('eidOwnPhone'), level: t('eidLevel') });
  const needGuardian = under14 && values.guardianResidentId === '';
  const needChip = !under14 && values.level === '2' && !values.chipCardInHand;
  const needCccd = !under14 && resident.payload.cccd === undefined;
  const update = (patch: Partial<Values>) => {
    setValues({ ...values, ...patch });
    form.markChanged();
  };

  if (!consent) {
    return (
      <ConsentStep
        need={['eid_registration']}
        categories={['identity', 'contact', 'portrait_photo']}
        subjectName={resident.payload.fullName}
        onGiven={(given) => {
          setConsent(given);
          form.markChanged();
        }}
      />
    );
  }

  const save = async (event: Event) => {
    event.preventDefault();
    const ok = view.submit();
    const value = result.value;
    if (!ok || !value || needGuardian || needChip || needCccd) return;
    await form.run(async () => {
      const payload: EidApplication = { ...value, residentId: resident.id, status: 'queued' };
      const author = session.author();
      const record = existing ? revisedRecord(existing, payload, author) : newRecord('eid', payload, consent, author);
      await saveFromScreen(session, record, resident.payload.householdId, form.draftKey);
      return { name: 'record', id: record.id };
    });
  };

  const problems = view.count + (view.submitted ? Number(needGuardian) + Number(needChip) + Number(needCccd) : 0);
  return (
    <form onSubmit={(e) => void save(e)} noValidate aria-labelledby="eid-title">
      <h1 id="eid-title">{t('eidTitle')}</h1>
      <p class="muted">{resident.payload.fullName}</p>
      {draft && (
        <DraftNotice
          savedAt={draft.updatedAt}
          onDiscard={() => {
            void form.discardDraft().then(onRestart);
          }}
        />
      )}
      {needCccd && <p class="notice notice-error">{t('eidNeedResidentCccd')}</p>}
      {earlier.map((other) => (
        <p key={other.id} class="notice notice-warn" data-testid="eid-earlier">
          {t('eidEarlier', { level: other.payload.level, status: t(`status_${other.payload.status}`) })}{' '}
          <a href={href({ name: 'record', id: other.id })}>{t('eidEarlierOpen')}</a>
        </p>
      ))}
      {under14 ? (
        <div class="field">
          <p class="notice">{t('eidUnder14')}</p>
          {adults.length === 0 ? (
            <p class="error">{t('eidGuardianNone')}</p>
          ) : (
            <ChoiceField
              id="guardian"
              legend={t('eidGuardian')}
              options={adults.map((a) => ({ value: a.id, label: a.payload.fullName }))}
              value={values.guardianResidentId === '' ? undefined : values.guardianResidentId}
              onChange={(guardianResidentId) => update({ guardianResidentId })}
              error={view.submitted && needGuardian ? t('eidNeedGuardian') : undefined}
            />
          )}
        </div>
      ) : (
        <ChoiceField
          id="level"
          legend={t('eidLevel')}
          options={[
            { value: '1', label: t('eidLevel1') },
            { value: '2', label: t('eidLevel2') },
          ]}
          value={values.level}
          onChange={(level) => {
            update({ level });
            view.touch('level');
          }}
          error={view.errorFor('level')}
        />
      )}
      <h2>{t('eidChecklist')}</h2>
      <CheckField
        id="chipCardInHand"
        label={t('eidChip')}
        checked={values.chipCardInHand}
        onChange={(chipCardInHand) => update({ chipCardInHand })}
        error={view.submitted && needChip ? t('eidNeedChip') : undefined}
      />
      <TextField
        id="ownPhone"
        type="tel"
        label={t('eidOwnPhone')}
        value={values.ownPhone}
        onInput={(ownPhone) => update({ ownPhone })}
        onBlur={() => view.touch('ownPhone')}
        error={view.errorFor('ownPhone')}
        inputMode="tel"
        required
      />
      {resident.payload.phone && values.ownPhone === '' && (
        <button type="button" class="button" onClick={() => update({ ownPhone: resident.payload.phone ?? '' })}>
          {t('eidUseContactPhone', { phone: formatPhone(resident.payload.phone) })}
        </button>
      )}
      <TextField
        id="email"
        type="email"
        label={`${t('eidEmail')} (${t('optional')})`}
        value={values.email}
        onInput={(email) => update({ email })}
        onBlur={() => view.touch('email')}
        error={view.errorFor('email')}
        inputMode="email"
      />
      <PhotoCapture id="portrait" label={t('eidPortrait')} value={values.portrait} onPhoto={(portrait) => update({ portrait })} />
      <FormFooter busy={form.busy} problemCount={problems} showProblems={view.submitted} failure={form.failure} />
    </form>
  );
}
