import { useState } from 'preact/hooks';
import type { Issue } from '../../shared/validate/issue.ts';
import { issueText } from '../../shared/validate/issue-text.ts';
import { domainMessages } from '../i18n/domain-messages.ts';
import { useLang } from '../i18n/ui.ts';

export interface IssueView {
  /** The message to show under a field: once it was left (blur) or a save was tried. */
  errorFor(field: string): string | undefined;
  touch(field: string): void;
  /** Marks every field as shown; returns true when there is nothing to fix. */
  submit(): boolean;
  readonly count: number;
  readonly submitted: boolean;
}

/**
 * Live validation for a form: the issues come from shared/ on every render (they are cheap), and
 * each field's first issue is shown under it in the volunteer's language.
 */
export function useIssues(issues: readonly Issue[], labels: Readonly<Record<string, string>> = {}): IssueView {
  const { lang, domainEn } = useLang();
  const messages = domainMessages(domainEn);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  return {
    errorFor(field) {
      if (!submitted && !touched.has(field)) return undefined;
      const found = issues.find((i) => i.field === field || i.field.startsWith(`${field}.`));
      if (!found) return undefined;
      const label = labels[field];
      return issueText(messages, lang, found, label === undefined ? {} : { fieldLabel: label });
    },
    touch(field) {
      if (!touched.has(field)) setTouched(new Set([...touched, field]));
    },
    submit() {
      setSubmitted(true);
      return issues.length === 0;
    },
    count: new Set(issues.map((i) => i.field)).size,
    submitted,
  };
}
