import { useState } from 'preact/hooks';
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
import { useFormSave } from './use-form-save.ts';

interface Values {
  readonly headName: string;
  readonly communeCode: string;
  readonly hamlet: string;
  readonly house: string;
  readonly note: string;
}

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

/** A new household (consent first) or an edit of one. */
export function HouseholdFormScreen({ existing }: { readonly existing?: RecordOf<'household'> }) {
  const t = useT();
  const session = useSession();
  const [consent, setConsent] = useState<Consent | null>(existing?.consent ?? null);
  const [values, setValues] = useState<Values>(() => valuesOf(existing));
  const form = useFormSave('household-form');

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
        onGiven={setConsent}
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
      await saveFromScreen(session, record, record.id);
      // A new household goes straight on to its first member: usually the head.
      return existing ? { name: 'household', id: record.id } : { name: 'resident-new', householdId: record.id };
    });
  };

  return (
    <form onSubmit={(e) => void save(e)} noValidate aria-labelledby="household-form-title">
      <h1 id="household-form-title">{existing ? t('householdTitle') : t('householdNew')}</h1>
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
