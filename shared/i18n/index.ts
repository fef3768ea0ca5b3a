import { en } from './en.ts';
import { fill, type Params } from './messages.ts';
import { vi } from './vi.ts';

export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export type MessageCode = keyof typeof vi;

const catalogs: Record<Lang, Record<MessageCode, string>> = { vi, en };

export function isMessageCode(code: string): code is MessageCode {
  return Object.hasOwn(vi, code);
}

/** The message for a stable code in the user's language; unknown codes fall back to the code. */
export function t(lang: Lang, code: string, params?: Params): string {
  if (!isMessageCode(code)) return params ? `${code} ${JSON.stringify(params)}` : code;
  return fill(catalogs[lang][code], params);
}

export function parseLang(value: string | undefined): Lang | undefined {
  if (!value) return undefined;
  const lower = value.toLowerCase();
  if (lower.startsWith('vi')) return 'vi';
  if (lower.startsWith('en')) return 'en';
  return undefined;
}

export { fill, type Params };
