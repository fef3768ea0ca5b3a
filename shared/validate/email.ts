import * as v from 'valibot';
import { issue, type Issue } from './issue.ts';

// The same rule ResidentSchema applies, so a value that passes here passes there.
const EmailSchema = v.pipe(v.string(), v.email());

export function checkEmail(raw: string, field = 'email'): { issues: Issue[]; value?: string } {
  const value = raw.trim();
  return v.is(EmailSchema, value) ? { issues: [], value } : { issues: [issue(field, 'EMAIL_FORMAT')] };
}
