import type { EForm, FormField } from '../catalog/eforms/form-field.ts';
import { checkCccd, normaliseCccd } from './cccd.ts';
import { parseDate, shown } from './dates.ts';
import { checkEmail } from './email.ts';
import { issue, type Issue } from './issue.ts';
import { checkFullName, normaliseName } from './names.ts';
import { normalisePhone } from './phone.ts';

export type FormValue = string | number;

export interface FormCheck {
  readonly issues: readonly Issue[];
  /** The values normalised (dates ISO, phones 0-form, numbers as numbers); present when no issues. */
  readonly values?: Readonly<Record<string, FormValue>>;
}

type FieldResult = { issues: Issue[]; value?: FormValue };
const ok = (value: FormValue): FieldResult => ({ issues: [], value });
const bad = (field: string, code: Issue['code'], params?: Record<string, string | number>): FieldResult => ({
  issues: [issue(field, code, params)],
});

function checkField(field: FormField, raw: string | number, today: string | undefined, values: Readonly<Record<string, unknown>>): FieldResult {
  const key = field.key;
  if (field.type === 'number') {
    const n = typeof raw === 'number' ? raw : raw.trim() === '' ? Number.NaN : Number(raw.trim().replace(',', '.'));
    const inRange = Number.isFinite(n) && n >= field.min && n <= field.max && (!field.integer || Number.isInteger(n));
    return inRange ? ok(n) : bad(key, 'FORM_NUMBER', { min: field.min, max: field.max });
  }
  if (typeof raw !== 'string') return bad(key, 'FORM_TYPE');
  switch (field.type) {
    case 'text':
    case 'textarea': {
      const text = field.type === 'text' ? normaliseName(raw) : raw.normalize('NFC').trim();
      if (text.length > field.maxLength) return bad(key, 'FORM_TOO_LONG', { max: field.maxLength });
      const nameIssues = field.personName ? checkFullName(text, key) : [];
      return nameIssues.length > 0 ? { issues: nameIssues } : ok(text);
    }
    case 'date': {
      const date = parseDate(raw);
      if (date === undefined) return bad(key, 'DATE_FORMAT', { value: shown(raw) });
      if (field.notFuture && today !== undefined && date > today) return bad(key, 'DATE_FUTURE', { value: date, today });
      return ok(date);
    }
    case 'select':
      return field.options.some((o) => o.value === raw.trim())
        ? ok(raw.trim())
        : bad(key, 'FORM_OPTION', { value: shown(raw) });
    case 'cccd': {
      // The same rules as the member form's: digit 4 against the person's sex and century.
      const born = field.bornOn === undefined ? undefined : values[field.bornOn];
      const dateOfBirth = typeof born === 'string' ? parseDate(born) : undefined;
      const context = { ...(field.sex === undefined ? {} : { sex: field.sex }), ...(dateOfBirth === undefined ? {} : { dateOfBirth }) };
      const issues = checkCccd(raw, context, key);
      return issues.length > 0 ? { issues } : ok(normaliseCccd(raw));
    }
    case 'phone': {
      const phone = normalisePhone(raw);
      return phone === undefined ? bad(key, 'PHONE_FORMAT') : ok(phone);
    }
    case 'email': {
      const email = checkEmail(raw, key);
      return email.value === undefined ? { issues: email.issues } : ok(email.value);
    }
  }
}

/**
 * Checks a dossier's e-form values against its procedure's form (shared/catalog). `today`
 * (ISO, Asia/Ho_Chi_Minh) enables the no-future-date rule of date fields.
 */
export function validateFormValues(
  procedure: { readonly form: EForm },
  values: Readonly<Record<string, unknown>>,
  options: { readonly today?: string } = {},
): FormCheck {
  const issues: Issue[] = [];
  const out: Record<string, FormValue> = {};
  const known = new Set(procedure.form.map((f) => f.key));
  for (const key of Object.keys(values)) {
    if (!known.has(key)) issues.push(issue(key, 'FORM_UNKNOWN_FIELD'));
  }
  for (const field of procedure.form) {
    const raw = values[field.key];
    if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
      if (field.required) issues.push(issue(field.key, 'FORM_REQUIRED'));
      continue;
    }
    if (typeof raw !== 'string' && typeof raw !== 'number') {
      issues.push(issue(field.key, 'FORM_TYPE'));
      continue;
    }
    const result = checkField(field, raw, options.today, values);
    issues.push(...result.issues);
    if (result.value !== undefined) out[field.key] = result.value;
  }
  return issues.length > 0 ? { issues } : { issues, values: out };
}
