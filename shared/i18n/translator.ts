import { fill, type Params } from './messages.ts';

export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export type Catalogs = Readonly<Record<Lang, Readonly<Record<string, string>>>>;

export interface Translator {
  /** The message for a stable code in the user's language; unknown codes fall back to the code. */
  t(lang: Lang, code: string, params?: Params): string;
  has(code: string): boolean;
}

/**
 * A translator over catalogs given by the caller: the CLI joins the domain's with its own; the
 * PWA loads the domain's English only when a volunteer chooses English. No catalog is imported
 * here, so a bundle that uses this module carries only the catalogs it passes in.
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
