import type { FormField } from '../../shared/catalog/eforms/form-field.ts';
import type { Lang } from '../../shared/i18n/translator.ts';
import { parseDate } from '../../shared/validate/dates.ts';
import { formatDate } from '../i18n/format.ts';

/** An e-form answer as the resident reads it back: an option's label, a date as dd/mm/yyyy. */
export function formValueText(field: FormField, raw: string | undefined, lang: Lang): string {
  if (raw === undefined || raw === '') return '';
  if (field.type === 'select') return field.options.find((option) => option.value === raw)?.label[lang] ?? raw;
  if (field.type === 'date') {
    const iso = parseDate(raw);
    return iso === undefined ? raw : formatDate(iso);
  }
  return raw;
}
