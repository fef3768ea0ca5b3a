import { en } from './en.ts';
import { fill, type Params } from './messages.ts';
import { createTranslator, type Catalogs, type Lang } from './translator.ts';
import { vi } from './vi.ts';

/** Codes of the domain's messages: validation issues, protocol and sync codes, sealed files. */
export type MessageCode = keyof typeof vi;

/** The domain's messages in both languages, for the CLI and the server (the PWA loads English apart). */
export const domainCatalogs: Catalogs = { vi, en };
/** The domain's messages as one translator. */
export const domainTranslator = createTranslator(domainCatalogs);

export function isMessageCode(code: string): code is MessageCode {
  return domainTranslator.has(code);
}

export function t(lang: Lang, code: string, params?: Params): string {
  return domainTranslator.t(lang, code, params);
}

export function parseLang(value: string | undefined): Lang | undefined {
  if (!value) return undefined;
  const lower = value.toLowerCase();
  if (lower.startsWith('vi')) return 'vi';
  if (lower.startsWith('en')) return 'en';
  return undefined;
}

export { fill, type Params };
export { createTranslator, LANGS, type Catalogs, type Lang, type Translator } from './translator.ts';
