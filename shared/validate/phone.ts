import { issue, type Issue } from './issue.ts';

const SEPARATORS = /[\s.\-()]/g;
const MOBILE = /^0[35789]\d{8}$/;

/**
 * A Vietnamese mobile number in its stored 0-form (`0912345678`), or undefined when it is not
 * one. Spaces, dots, dashes and brackets are dropped; +84, 0084 and 84 become 0 (docs/DOMAIN.md).
 */
export function normalisePhone(s: string): string | undefined {
  let digits = s.replace(SEPARATORS, '');
  if (digits.startsWith('+84')) digits = digits.slice(3);
  else if (digits.startsWith('0084')) digits = digits.slice(4);
  else if (digits.length === 11 && digits.startsWith('84')) digits = digits.slice(2);
  else if (!digits.startsWith('0')) return undefined;
  // "+84 (0) 912…" keeps its 0; "+84 912…" gets one.
  const zeroForm = digits.startsWith('0') ? digits : `0${digits}`;
  return MOBILE.test(zeroForm) ? zeroForm : undefined;
}

export function checkPhone(s: string, field = 'phone'): { issues: Issue[]; value?: string } {
  const value = normalisePhone(s);
  return value === undefined ? { issues: [issue(field, 'PHONE_FORMAT')] } : { issues: [], value };
}

/** For display: `0912 345 678`. Anything that is not a stored mobile number is shown as it is. */
export function formatPhone(phone: string): string {
  if (!MOBILE.test(phone)) return phone;
  return `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`;
}
