import { useEffect, useState } from 'preact/hooks';
import * as v from 'valibot';
import type { Consent } from '../../shared/domain/consent.ts';
import { RELATIONSHIPS, type RecordOf, type Resident } from '../../shared/domain/records.ts';
import { todayInHoChiMinh } from '../../shared/validate/dates.ts';
import { validateResidentInput } from '../../shared/validate/resident.ts';
import { useSession } from '../session/session.ts';
import { useLive } from '../session/use-live.ts';
import { ChoiceField } from '../components/choice-field.tsx';
import { ConsentStep } from '../components/consent-step.tsx';
import { FormFooter } from '../components/form-footer.tsx';
import { TextField } from '../components/text-field.tsx';
import { useIssues } from '../components/use-issues.ts';
import { formatDate } from '../i18n/format.ts';
import { useT } from '../i18n/ui.ts';
import { isRecordOf, newRecord, revisedRecord } from '../records/envelope.ts';
import { saveFromScreen } from '../records/save.ts';
import { DraftNotice } from '../components/draft-notice.tsx';
import { DRAFT_KEYS } from '../store/drafts.ts';
import { useDraftOnOpen, type OpenedDraft } from './use-draft-on-open.ts';
import { useFormSave } from './use-form-save.ts';
import { residentWithCccd } from '../records/resident-with-cccd.ts';

/** The form's values as typed: what its draft keeps. */
const ValuesSchema = v.object({
  fullName: v.string(),
  dateOfBirth: v.string(),
  sex: v.string(),
  cccd: v.string(),
  phone: v.string(),
  email: v.string(),
  relationship: v.picklist(RELATIONSHIPS),
});
type Values = v.InferOutput<typeof ValuesSchema>;

function valuesOf(existing: RecordOf<'resident'> | undefined, isFirst: boolean): Values {
  const p = existing?.payload;
  return {
    fullName: p?.fullName ?? '',
    dateOfBirth: p ? formatDate(p.dateOfBirth) : '',
    sex: p?.sex ?? '',
    cccd: p?.cccd ?? '',
    phone: p?.phone ?? '',
    email: p?.email ?? '',
    relationship: p?.relationship ?? (isFirst ? 'head' : 'child'),
  };
}

export interface ResidentFormProps {
  readonly householdId?: string;
  readonly existing?: RecordOf<'resident'>;
}

/** Loads the household the member belongs to, then shows the form. */
export function ResidentFormScreen({ householdId, existing }: ResidentFormProps) {
  const t = useT();
  const { queries } = useSession();
  const homeId = existing?.payload.householdId ?? householdId ?? '';
  const home = useLive(async () => {
    const household = (await queries.record(homeId))?.envelope;
    const members = (await queries.residentsOf([homeId])).length;
    return { household: isRecordOf(household, 'household') ? household : undefined, members };
  }, [queries, homeId]);
  const draftKey = existing ? DRAFT_KEYS.edit(existing.id) : DRAFT_KEYS.newResident(homeId);
  const opened = useDraftOnOpen(draftKey, ValuesSchema);
  if (!home || opened.loading) return <p class="loading">{t('loading')}</p>;
  if (!home.household) return <p class="empty">{t('householdMissing')}</p>;
  return (
    <ResidentForm
      key={opened.round}
      household={home.household}
      isFirst={home.members === 0}
      draftKey={draftKey}
      draft={opened.draft}
      onRestart={opened.restart}
      {...(existing ? { existing } : {})}
    />
  );
}

interface ResidentFormInnerProps {
  readonly household: RecordOf<'household'>;
  readonly isFirst: boolean;
  readonly existing?: RecordOf<'resident'>;
  readonly draftKey: string;
  readonly draft: OpenedDraft<Values> | undefined;
  readonly onRestart: () => void;
}

export function ResidentForm({ household, isFirst, existing, draftKey, draft, onRestart }: ResidentFormInnerProps) {
  const t = useT();
  const session = useSession();
  const [consent, setConsent] = useState<Consent | null>(draft?.consent ?? existing?.consent ?? null);
  const [values, setValues] = useState<Values>(() => draft?.values ?? valuesOf(existing, isFirst));
  const form = useFormSave('resident-form', {
    place: { key: draftKey, kind: 'resident', title: values.fullName, householdId: household.id },
    content: { values, consent },
    restored: draft !== undefined,
  });

  const address = household.payload.address;
  const check = validateResidentInput(
    { ...values, communeCode: address.communeCode, hamlet: address.hamlet, house: address.house },
    { today: todayInHoChiMinh(session.clock()) },
  );
  const view = useIssues(check.issues);
  // The same ID number on another resident of this phone: said under the field, and no save.
  const cccd = check.issues.some((i) => i.field === 'cccd') ? undefined : check.value?.cccd ?? validCccd(values.cccd);
  const [twin, setTwin] = useState<RecordOf<'resident'> | undefined>(undefined);
  useEffect(() => {
    let live = true;
    if (cccd === undefined) setTwin(undefined);
    else void residentWithCccd(session, cccd, existing?.id).then((found) => live && setTwin(found));
    return () => {
      live = false;
    };
  }, [cccd, session, existing?.id]);
  const twinError = twin ? t('cccdDuplicate', { name: twin.payload.fullName, hamlet: twin.payload.address.hamlet }) : undefined;
  const set = (key: keyof Values) => (value: string) => {
    setValues({ ...values, [key]: value });
    form.markChanged();
  };

  if (!consent) {
    return (
      <ConsentStep
        need={['household_register']}
        categories={['identity', 'contact', 'address', 'household']}
        {...(isFirst ? { subjectName: household.payload.headName } : {})}
        onGiven={(given) => {
          setConsent(given);
          // The person who consented is usually the person being recorded.
          if (values.fullName === '') setValues({ ...values, fullName: given.subjectName });
          form.markChanged();
        }}
      />
    );
  }

  const save = async (event: Event) => {
    event.preventDefault();
    const value = check.value;
    if (!view.submit() || !value || twin) return;
    await form.run(async () => {
      const payload: Resident = { ...value, householdId: household.id, relationship: values.relationship };
      const author = session.author();
      const record = existing ? revisedRecord(existing, payload, author) : newRecord('resident', payload, consent, author);
      await saveFromScreen(session, record, household.id, form.draftKey);
      return { name: 'household', id: household.id };
    });
  };

  return (
    <form onSubmit={(e) => void save(e)} noValidate aria-labelledby="resident-form-title">
      <h1 id="resident-form-title">{existing ? t('residentTitle') : t('residentNew')}</h1>
      <p class="muted">{household.payload.headName}</p>
      {draft && (
        <DraftNotice
          savedAt={draft.updatedAt}
          onDiscard={() => {
            void form.discardDraft().then(onRestart);
          }}
        />
      )}
      <TextField
        id="fullName"
        label={t('fullName')}
        value={values.fullName}
        onInput={set('fullName')}
        onBlur={() => view.touch('fullName')}
        error={view.errorFor('fullName')}
        required
      />
      <TextField
        id="dateOfBirth"
        label={t('dateOfBirth')}
        hint={t('dateOfBirthHint')}
        value={values.dateOfBirth}
        onInput={set('dateOfBirth')}
        onBlur={() => view.touch('dateOfBirth')}
        error={view.errorFor('dateOfBirth')}
        inputMode="numeric"
        placeholder="dd/mm/yyyy"
        required
      />
      <ChoiceField
        id="sex"
        legend={t('sex')}
        options={[
          { value: 'male', label: t('male') },
          { value: 'female', label: t('female') },
        ]}
        value={values.sex === 'male' || values.sex === 'female' ? values.sex : undefined}
        onChange={(sex) => {
          set('sex')(sex);
          view.touch('sex');
        }}
        error={view.errorFor('sex')}
      />
      <TextField
        id="cccd"
        label={`${t('cccd')} (${t('optional')})`}
        hint={t('cccdHint')}
        value={values.cccd}
        onInput={set('cccd')}
        onBlur={() => view.touch('cccd')}
        error={view.errorFor('cccd') ?? twinError}
        inputMode="numeric"
      />
      <TextField
        id="phone"
        type="tel"
        label={`${t('phone')} (${t('optional')})`}
        value={values.phone}
        onInput={set('phone')}
        onBlur={() => view.touch('phone')}
        error={view.errorFor('phone')}
        inputMode="tel"
      />
      <TextField
        id="email"
        type="email"
        label={`${t('email')} (${t('optional')})`}
        value={values.email}
        onInput={set('email')}
        onBlur={() => view.touch('email')}
        error={view.errorFor('email')}
        inputMode="email"
      />
      <div class="field">
        <label for="relationship">{t('relationship')}</label>
        <select id="relationship" value={values.relationship} onChange={(e) => set('relationship')(e.currentTarget.value)}>
          {RELATIONSHIPS.map((r) => (
            <option key={r} value={r}>
              {t(`rel_${r}`)}
            </option>
          ))}
        </select>
      </div>
      <FormFooter busy={form.busy} problemCount={view.count + (twin ? 1 : 0)} showProblems={view.submitted} failure={form.failure} />
    </form>
  );
}

/** The 12 digits of an ID typed with spaces, once it is complete; the full check is shared/'s. */
function validCccd(raw: string): string | undefined {
  const digits = raw.replace(/\s/g, '');
  return /^\d{12}$/.test(digits) ? digits : undefined;
}
