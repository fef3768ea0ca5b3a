import { en } from './en.ts';
import { fill, type Params } from './messages.ts';
import { vi } from './vi.ts';

export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];
/** Codes of the domain's messages: validation issues, protocol and sync codes, sealed files. */
export type MessageCode = keyof typeof vi;
export type Catalogs = Readonly<Record<Lang, Readonly<Record<string, string>>>>;

export interface Translator {
  /** The message for a stable code in the user's language; unknown codes fall back to the code. */
  t(lang: Lang, code: string, params?: Params): string;
  has(code: string): boolean;
}

/**
 * The domain's catalogs live here; each face adds its own (the CLI's in cli/i18n), so the PWA
 * ships only the messages a volunteer can see.
 */
export function createTranslator(catalogs: Catalogs): Translator {
  return {
    t(lang, code, params) {
      const template = Object.hasOwn(catalogs.vi, code) ? catalogs[lang][code] : undefined;
      if (template === undefined) return params ? `${code} ${JSON.stringify(params)}` : code;
      return fill(template, params);
    },
    has: (code) => Object.hasOwn(catalogs.vi, code),
  };
}

export const domainCatalogs: Catalogs = { vi, en };
const domain = createTranslator(domainCatalogs);

export function isMessageCode(code: string): code is MessageCode {
  return domain.has(code);
}

export function t(lang: Lang, code: string, params?: Params): string {
  return domain.t(lang, code, params);
}

export function parseLang(value: string | undefined): Lang | undefined {
  if (!value) return undefined;
  const lower = value.toLowerCase();
  if (lower.startsWith('vi')) return 'vi';
  if (lower.startsWith('en')) return 'en';
  return undefined;
}

export { fill, type Params };
