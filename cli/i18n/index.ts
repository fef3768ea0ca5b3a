import { createTranslator, domainCatalogs, type Lang, type MessageCode, type Params } from '../../shared/i18n/index.ts';
import { cliEn } from './en.ts';
import { cliVi } from './vi.ts';

/** The CLI's own codes (cli/i18n/vi.ts); cli/i18n/en.ts must have each. */
export type CliOwnCode = keyof typeof cliVi;
/** Every code the CLI can say: its own and the domain's. */
export type CliMessageCode = CliOwnCode | MessageCode;
export { LANGS, parseLang, fill, type Lang, type Params } from '../../shared/i18n/index.ts';

const translator = createTranslator({
  vi: { ...domainCatalogs.vi, ...cliVi },
  en: { ...domainCatalogs.en, ...cliEn },
});

/** The CLI's messages and the domain's, in the user's language. */
export function t(lang: Lang, code: CliMessageCode, params?: Params): string {
  return translator.t(lang, code, params);
}

export function isCliMessageCode(code: string): code is CliMessageCode {
  return translator.has(code);
}

/**
 * The word for one value of a stored enumeration (`LEAD_STATUS.approved`, `sex.female`): the
 * catalog's when it has one, else the value itself, so an unknown value read from a database or
 * a server still shows as what it is.
 */
export function wordFor(lang: Lang, family: string, value: string): string {
  const code = `${family}.${value}`;
  return isCliMessageCode(code) ? t(lang, code) : value;
}
