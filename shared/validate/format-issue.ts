import { isMessageCode, t, type Lang } from '../i18n/index.ts';
import type { Issue } from './issue.ts';

/** Params whose values are words to translate, and the catalog prefix of those words. */
const WORD_PARAMS: Readonly<Record<string, string>> = {
  sex: 'sex',
  digitSex: 'sex',
  purpose: 'purpose',
  category: 'category',
};

export interface FormatIssueOptions {
  /** The field's label when the catalog has none (an e-form field labelled by its procedure). */
  readonly fieldLabel?: string;
}

/** The localised field name: the catalog's `field.X`, else the label given, else the key. */
export function fieldLabel(lang: Lang, field: string, fallback?: string): string {
  const key = `field.${field}`;
  if (fallback !== undefined) return fallback;
  return isMessageCode(key) ? t(lang, key) : field;
}

/**
 * One issue as a sentence in the user's language, naming the field (and, for CCCD, the digit):
 * "Số định danh cá nhân: chữ số thứ 4 là 3 (nữ, sinh 2000–2099) nhưng năm sinh là 1999; …".
 */
export function formatIssue(lang: Lang, issue: Issue, options: FormatIssueOptions = {}): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(issue.params ?? {})) {
    const prefix = WORD_PARAMS[name];
    const wordKey = `${prefix}.${value}`;
    params[name] = prefix !== undefined && isMessageCode(wordKey) ? t(lang, wordKey) : value;
  }
  params['field'] = fieldLabel(lang, issue.field, options.fieldLabel);
  const variant = issue.params?.['variant'];
  const variantKey = `${issue.code}.${variant}`;
  return t(lang, variant !== undefined && isMessageCode(variantKey) ? variantKey : issue.code, params);
}
