import { domainTranslator, type Lang } from '../i18n/index.ts';
import type { Issue } from './issue.ts';
import { fieldLabelIn, issueText, type FormatIssueOptions } from './issue-text.ts';

export type { FormatIssueOptions } from './issue-text.ts';

/** The localised field name: the catalog's `field.X`, else the label given, else the key. */
export function fieldLabel(lang: Lang, field: string, fallback?: string): string {
  return fieldLabelIn(domainTranslator, lang, field, fallback);
}

/**
 * One issue as a sentence in the user's language, naming the field (and, for CCCD, the digit):
 * "Số định danh cá nhân: chữ số thứ 4 là 3 (nữ, sinh 2000–2099) nhưng năm sinh là 1999; …".
 */
export function formatIssue(lang: Lang, issue: Issue, options: FormatIssueOptions = {}): string {
  return issueText(domainTranslator, lang, issue, options);
}
