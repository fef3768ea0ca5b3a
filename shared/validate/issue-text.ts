import type { Lang, Translator } from '../i18n/translator.ts';
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
export function fieldLabelIn(messages: Translator, lang: Lang, field: string, fallback?: string): string {
  const key = `field.${field}`;
  if (fallback !== undefined) return fallback;
  return messages.has(key) ? messages.t(lang, key) : field;
}

/**
 * One issue as a sentence in the user's language, naming the field (and, for CCCD, the digit),
 * from the messages given: format-issue.ts gives the domain's two catalogs, the PWA gives
 * Vietnamese and, once chosen, English.
 */
export function issueText(messages: Translator, lang: Lang, issue: Issue, options: FormatIssueOptions = {}): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(issue.params ?? {})) {
    const prefix = WORD_PARAMS[name];
    const wordKey = `${prefix}.${value}`;
    params[name] = prefix !== undefined && messages.has(wordKey) ? messages.t(lang, wordKey) : value;
  }
  params['field'] = fieldLabelIn(messages, lang, issue.field, options.fieldLabel);
  const variant = issue.params?.['variant'];
  const variantKey = `${issue.code}.${variant}`;
  return messages.t(lang, variant !== undefined && messages.has(variantKey) ? variantKey : issue.code, params);
}
