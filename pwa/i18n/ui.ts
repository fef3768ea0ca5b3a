import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Lang } from '../../shared/i18n/translator.ts';
import { fill, type Params } from '../../shared/i18n/messages.ts';
import { vi, type UiKey } from './vi.ts';

export type Catalog = Readonly<Record<UiKey, string>>;
export type Translate = (key: UiKey, params?: Params) => string;

export function translator(catalog: Catalog): Translate {
  return (key, params) => fill(catalog[key], params);
}

/** The words of one language: the screens', and for English the domain's (issues under fields). */
export interface Words {
  readonly lang: Lang;
  readonly catalog: Catalog;
  /** The domain's English messages; Vietnamese ones load with the forms (domain-messages.ts). */
  readonly domainEn?: DomainCatalog;
}

export type DomainCatalog = Readonly<Record<string, string>>;

/** Vietnamese, in the entry script. */
export const VIETNAMESE: Words = { lang: 'vi', catalog: vi };

/**
 * Vietnamese is in the app. English — the screens' words and the domain's messages — is one
 * script apart, downloaded the first time a volunteer chooses it and kept by the service worker
 * from then on (it is not in the install: most phones never need it). Offline before that first
 * download, this rejects and the app stays in Vietnamese.
 */
export async function loadWords(lang: Lang): Promise<Words> {
  if (lang === 'vi') return VIETNAMESE;
  const english = await import('./en.ts');
  return { lang, catalog: english.en, domainEn: english.domainEn };
}

export interface LangState {
  readonly lang: Lang;
  readonly t: Translate;
  /** The domain's English messages, once English has loaded. */
  readonly domainEn?: DomainCatalog;
  readonly setLang: (lang: Lang) => void;
  /** A language that could not be loaded (English, offline before its first download). */
  readonly unavailable?: Lang;
}

export const LangContext = createContext<LangState>({ lang: 'vi', t: translator(vi), setLang: () => undefined });

export function useLang(): LangState {
  return useContext(LangContext);
}

export function useT(): Translate {
  return useContext(LangContext).t;
}
