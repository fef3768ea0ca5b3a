import type { Translate } from '../i18n/ui.ts';
import { isUiKey } from '../i18n/ui.ts';

/**
 * A rejection or quarantine reason in plain words: our own wording for the codes we know, the
 * server's message (the province's words) after it, and the code for the team lead.
 */
export function reasonText(t: Translate, reason: { readonly code: string; readonly message?: string | undefined }): string {
  const key = `reason_${reason.code}`;
  const plain = isUiKey(key) ? t(key) : undefined;
  const parts = [plain, reason.message].filter((part): part is string => part !== undefined && part !== '');
  return `${parts.join(' — ') || reason.code} (${reason.code})`;
}
