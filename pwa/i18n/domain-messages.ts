import { createTranslator, type Translator } from '../../shared/i18n/translator.ts';
import { vi } from '../../shared/i18n/vi.ts';
import type { DomainCatalog } from './ui.ts';

let cached: { readonly en: DomainCatalog | undefined; readonly translator: Translator } | undefined;

/**
 * The domain's messages (validation issues) for the forms: Vietnamese, bundled with the forms
 * rather than the first page, and English once loaded (until then only 'vi' is ever asked).
 */
export function domainMessages(en: DomainCatalog | undefined): Translator {
  if (cached && cached.en === en) return cached.translator;
  const translator = createTranslator({ vi, en: en ?? vi });
  cached = { en, translator };
  return translator;
}
