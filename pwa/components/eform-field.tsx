import type { FormField } from '../../shared/catalog/eforms/form-field.ts';
import { useLang } from '../i18n/ui.ts';
import { ChoiceField } from './choice-field.tsx';
import { TextField } from './text-field.tsx';

export interface EFormFieldProps {
  readonly field: FormField;
  readonly value: string;
  readonly onInput: (value: string) => void;
  readonly onBlur: () => void;
  readonly error: string | undefined;
}

/** One field of a procedure's e-form (shared/catalog), labelled in the volunteer's language. */
export function EFormField({ field, value, onInput, onBlur, error }: EFormFieldProps) {
  const { t, lang } = useLang();
  const label = field.required ? field.label[lang] : `${field.label[lang]} (${t('optional')})`;
  const id = `f-${field.key}`;
  switch (field.type) {
    case 'select':
      return (
        <ChoiceField
          id={id}
          legend={label}
          options={field.options.map((o) => ({ value: o.value, label: o.label[lang] }))}
          value={value === '' ? undefined : value}
          onChange={(next) => {
            onInput(next);
            onBlur();
          }}
          error={error}
        />
      );
    case 'textarea':
      return <TextField id={id} label={label} value={value} onInput={onInput} onBlur={onBlur} error={error} multiline required={field.required} />;
    case 'date':
      return (
        <TextField id={id} label={label} hint={t('dateOfBirthHint')} placeholder="dd/mm/yyyy" inputMode="numeric" value={value} onInput={onInput} onBlur={onBlur} error={error} required={field.required} />
      );
    case 'cccd':
    case 'number':
      return <TextField id={id} label={label} inputMode="numeric" value={value} onInput={onInput} onBlur={onBlur} error={error} required={field.required} />;
    case 'phone':
      return <TextField id={id} type="tel" inputMode="tel" label={label} value={value} onInput={onInput} onBlur={onBlur} error={error} required={field.required} />;
    case 'email':
      return <TextField id={id} type="email" inputMode="email" label={label} value={value} onInput={onInput} onBlur={onBlur} error={error} required={field.required} />;
    case 'text':
      return <TextField id={id} label={label} value={value} onInput={onInput} onBlur={onBlur} error={error} required={field.required} />;
  }
}
