import { isCliMessageCode, t, type Lang } from '../i18n/index.ts';
import { formatIssue } from '../../shared/validate/format-issue.ts';
import { ISSUE_CODES, type IssueCode } from '../../shared/validate/issue.ts';
import type { StoredIssue } from '../workspace/record-row.ts';

const KNOWN: ReadonlySet<string> = new Set(ISSUE_CODES);
const isIssueCode = (code: string): code is IssueCode => KNOWN.has(code);

/** A stored issue as one sentence in the user's language, naming the field. */
export function describeIssue(lang: Lang, stored: StoredIssue): string {
  const { code } = stored;
  if (isIssueCode(code)) {
    return formatIssue(lang, stored.params === undefined ? { field: stored.field, code } : { field: stored.field, code, params: stored.params });
  }
  // A code this version has no words for (a newer workspace's): shown as it is, not lost.
  return isCliMessageCode(code) ? t(lang, code, stored.params) : code;
}
