import type { Params } from '../../shared/i18n/messages.ts';
import { isUiKey, type Translate } from '../i18n/ui.ts';

/** A shared/seal error code in the volunteer's words, with the code kept for the team lead. */
export function sealProblemText(t: Translate, code: string, params: Params): string {
  const key = `seal_${code}`;
  return isUiKey(key) ? t(key, params) : code;
}
