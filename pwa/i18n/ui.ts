import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Lang } from '../../shared/i18n/index.ts';
import { fill, type Params } from '../../shared/i18n/messages.ts';
import { vi, type UiKey } from './vi.ts';

export type Catalog = Readonly<Record<UiKey, string>>;
export type Translate = (key: UiKey, params?: Params) => string;

export function translator(catalog: Catalog): Translate {
  return (key, params) => fill(catalog[key], params);
}

/** Vietnamese is in the entry script; English loads (from the precache) only when chosen. */
export async function loadCatalog(lang: Lang): Promise<Catalog> {
  return lang === 'vi' ? vi : (await import('./en.ts')).en;
}

export function isUiKey(key: string): key is UiKey {
  return Object.hasOwn(vi, key);
}

export interface LangState {
  readonly lang: Lang;
  readonly t: Translate;
  readonly setLang: (lang: Lang) => void;
}

export const LangContext = createContext<LangState>({ lang: 'vi', t: translator(vi), setLang: () => undefined });

export function useLang(): LangState {
  return useContext(LangContext);
}

export function useT(): Translate {
  return useContext(LangContext).t;
}
