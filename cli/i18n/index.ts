import { createTranslator, domainCatalogs, type Lang, type Params } from '../../shared/i18n/index.ts';
import { cliEn } from './en.ts';
import { cliVi } from './vi.ts';

export type CliMessageCode = keyof typeof cliVi;
export { LANGS, parseLang, fill, type Lang, type Params } from '../../shared/i18n/index.ts';

const translator = createTranslator({
  vi: { ...domainCatalogs.vi, ...cliVi },
  en: { ...domainCatalogs.en, ...cliEn },
});

/** The CLI's messages and the domain's, in the user's language. */
export function t(lang: Lang, code: string, params?: Params): string {
  return translator.t(lang, code, params);
}

export function isCliMessageCode(code: string): boolean {
  return translator.has(code);
}
