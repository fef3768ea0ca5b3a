import { isCliMessageCode, t, type Lang } from '../i18n/index.ts';

/**
 * Words for a stable code from the engine or the server (`CONSENT_MISSING`, `SYNC_NETWORK`…) in
 * the lead's language; the server's own message when the code is one we have no words for.
 */
export function reasonText(lang: Lang, code: string, message?: string): string {
  if (isCliMessageCode(code)) return t(lang, code, { reason: message ?? code, minutes: '?' });
  return message ?? code;
}

/** A run-level problem: its words, and the HTTP status when there was one. */
export function problemText(lang: Lang, problem: { readonly code: string; readonly message?: string; readonly status?: number } | undefined): string {
  if (problem === undefined) return '';
  const words = reasonText(lang, problem.code, problem.message);
  return problem.status === undefined ? words : `HTTP ${problem.status}: ${words}`;
}
