import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Lang } from '../../shared/i18n/index.ts';
import { fill, type Params } from '../../shared/i18n/messages.ts';
import { en } from './en.ts';
import { vi, type UiKey } from './vi.ts';

const CATALOGS: Readonly<Record<Lang, Record<UiKey, string>>> = { vi, en };

export type Translate = (key: UiKey, params?: Params) => string;

export function translator(lang: Lang): Translate {
  return (key, params) => fill(CATALOGS[lang][key], params);
}

export function isUiKey(key: string): key is UiKey {
  return Object.hasOwn(vi, key);
}

export interface LangState {
  readonly lang: Lang;
  readonly t: Translate;
  setLang(lang: Lang): void;
}

export const LangContext = createContext<LangState>({ lang: 'vi', t: translator('vi'), setLang: () => undefined });

export function useLang(): LangState {
  return useContext(LangContext);
}

export function useT(): Translate {
  return useContext(LangContext).t;
}
