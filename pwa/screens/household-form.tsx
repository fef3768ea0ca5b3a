import { useState } from 'preact/hooks';
import * as v from 'valibot';
import type { Consent } from '../../shared/domain/consent.ts';
import type { Household, RecordOf } from '../../shared/domain/records.ts';
import { checkCommune } from '../../shared/validate/commune.ts';
import type { Issue } from '../../shared/validate/issue.ts';
import { checkFullName, normaliseName } from '../../shared/validate/names.ts';
import { useSession } from '../session/session.ts';
import { CommunePicker } from '../components/commune-picker.tsx';
import { ConsentStep } from '../components/consent-step.tsx';
import { FormFooter } from '../components/form-footer.tsx';
import { HamletField } from '../components/hamlet-field.tsx';
import { TextField } from '../components/text-field.tsx';
import { useIssues } from '../components/use-issues.ts';
import { useT } from '../i18n/ui.ts';
import { newRecord, revisedRecord } from '../records/envelope.ts';
import { saveFromScreen } from '../records/save.ts';
import { DraftNotice } from '../components/draft-notice.tsx';
import { DRAFT_KEYS } from '../store/drafts.ts';
import { useDraftOnOpen, type OpenedDraft } from './use-draft-on-open.ts';
import { useFormSave } from './use-form-save.ts';

/** The form's values as typed: what its draft keeps. */
const ValuesSchema = v.object({
  headName: v.string(),
  communeCode: v.string(),
  hamlet: v.string(),
  house: v.string(),
  note: v.string(),
});
type Values = v.InferOutput<typeof ValuesSchema>;

export function validateHousehold(values: Values): { issues: Issue[]; value?: Household } {
  const headName = normaliseName(values.headName);
  const issues = checkFullName(headName, 'headName');
  const commune = checkCommune(values.communeCode);
  issues.push(...commune.issues);
  const hamlet = normaliseName(values.hamlet);
  if (hamlet === '') issues.push({ field: 'hamlet', code: 'HAMLET_REQUIRED' });
  if (issues.length > 0 || commune.value === undefined) return { issues };
  const house = normaliseName(values.house);
  const note = values.note.trim();
  return {
    issues,
    value: {
      headName,
      address: { provinceCode: '96', communeCode: commune.value, hamlet, ...(house === '' ? {} : { house }) },
      ...(note === '' ? {} : { note }),
    },
  };
}

function valuesOf(existing: RecordOf<'household'> | undefined): Values {
  const p = existing?.payload;
  return {
    headName: p?.headName ?? '',
    communeCode: p?.address.communeCode ?? '',
    hamlet: p?.address.hamlet ?? '',
    house: p?.address.house ?? '',
    note: p?.note ?? '',
  };
}

/** A new household (consent first) or an edit of one, reopened on its draft when there is one. */
export function HouseholdFormScreen({ existing }: { readonly existing?: RecordOf<'household'> }) {
  const t = useT();
  const draftKey = existing ? DRAFT_KEYS.edit(existing.id) : DRAFT_KEYS.newHousehold();
  const opened = useDraftOnOpen(draftKey, ValuesSchema);
  if (opened.loading) return <p class="loading">{t('loading')}</p>;
  return <HouseholdForm key={opened.round} draftKey={draftKey} draft={opened.draft} onRestart={opened.restart} {...(existing ? { existing } : {})} />;
}

interface HouseholdFormProps {
  readonly existing?: RecordOf<'household'>;
  readonly draftKey: string;
  readonly draft: OpenedDraft<Values> | undefined;
  readonly onRestart: () => void;
}

function HouseholdForm({ existing, draftKey, draft, onRestart }: HouseholdFormProps) {
  const t = useT();
  const session = useSession();
  const [consent, setConsent] = useState<Consent | null>(draft?.consent ?? existing?.consent ?? null);
  const [values, setValues] = useState<Values>(() => draft?.values ?? valuesOf(existing));
  const form = useFormSave('household-form', {
    place: { key: draftKey, kind: 'household', title: values.headName, ...(existing ? { householdId: existing.id } : {}) },
    content: { values, consent },
    restored: draft !== undefined,
  });
  const notice = draft && (
    <DraftNotice
      savedAt={draft.updatedAt}
      onDiscard={() => {
        void form.discardDraft().then(onRestart);
      }}
    />
  );

  const check = validateHousehold(values);
  const view = useIssues(check.issues, { headName: t('headName') });
  const set = (key: keyof Values) => (value: string) => {
    setValues({ ...values, [key]: value });
    form.markChanged();
  };

  if (!consent) {
    return (
      <ConsentStep
        need={['household_register']}
        categories={['identity', 'contact', 'address', 'household']}
        onGiven={(given) => {
          setConsent(given);
          form.markChanged();
        }}
      />
    );
  }

  const save = async (event: Event) => {
    event.preventDefault();
    const value = check.value;
    if (!view.submit() || !value) return;
    await form.run(async () => {
      const author = session.author();
      const record = existing ? revisedRecord(existing, value, author) : newRecord('household', value, consent, author);
      await saveFromScreen(session, record, record.id, form.draftKey);
      // A new household goes straight on to its first member: usually the head.
      return existing ? { name: 'household', id: record.id } : { name: 'resident-new', householdId: record.id };
    });
  };

  return (
    <form onSubmit={(e) => void save(e)} noValidate aria-labelledby="household-form-title">
      <h1 id="household-form-title">{existing ? t('householdTitle') : t('householdNew')}</h1>
      {notice}
      <TextField
        id="headName"
        label={t('headName')}
        value={values.headName}
        onInput={set('headName')}
        onBlur={() => view.touch('headName')}
        error={view.errorFor('headName')}
        required
        autoComplete="name"
      />
      <CommunePicker
        value={values.communeCode}
        onChange={(code) => {
          set('communeCode')(code);
          view.touch('communeCode');
        }}
        error={view.errorFor('communeCode')}
      />
      <HamletField
        communeCode={values.communeCode}
        value={values.hamlet}
        onInput={set('hamlet')}
        onBlur={() => view.touch('hamlet')}
        error={view.errorFor('hamlet')}
      />
      <TextField id="house" label={`${t('house')} (${t('optional')})`} value={values.house} onInput={set('house')} />
      <TextField id="note" label={`${t('note')} (${t('optional')})`} value={values.note} onInput={set('note')} multiline />
      <FormFooter busy={form.busy} problemCount={view.count} showProblems={view.submitted} failure={form.failure} />
    </form>
  );
}
