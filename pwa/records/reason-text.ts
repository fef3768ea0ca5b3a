import type { DomainWords } from '../i18n/domain-words.ts';

/**
 * A rejection or quarantine reason in plain words: the domain's sentence for its code (the one
 * the team lead reads for it too), the server's message (the province's words) after it, and
 * the code for the team lead.
 */
export function reasonText(words: DomainWords, reason: { readonly code: string; readonly message?: string | undefined }): string {
  const { code, message } = reason;
  // A few sentences take the detail as their {reason} (a storage error's cause).
  const plain = words(code, message === undefined ? {} : { reason: message });
  const known = plain === code ? undefined : plain;
  const detail = message !== undefined && message !== '' && !known?.includes(message) ? message : undefined;
  const parts = [known, detail].filter((part): part is string => part !== undefined);
  return `${parts.join(' — ') || code} (${code})`;
}
