import type { Params } from '../../shared/i18n/messages.ts';
import { domainMessages } from './domain-messages.ts';
import type { Lang } from '../../shared/i18n/translator.ts';
import { useLang, type DomainCatalog } from './ui.ts';

/**
 * The domain's words for a stable code — a server's refusal, a sync problem, a sealed-file or a
 * storage failure — in the volunteer's language: the same sentence the team lead's CLI prints for
 * that code. A code this version has no words for shows as the code itself.
 */
export type DomainWords = (code: string, params?: Params) => string;

export function useDomainWords(): DomainWords {
  const { lang, domainEn } = useLang();
  return domainWordsIn(lang, domainEn);
}

export function domainWordsIn(lang: Lang, domainEn: DomainCatalog | undefined): DomainWords {
  const messages = domainMessages(domainEn);
  return (code, params) => (messages.has(code) ? messages.t(lang, code, params) : code);
}
