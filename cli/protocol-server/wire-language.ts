import type { IncomingMessage } from 'node:http';
import { parseLang, t, type Lang, type Params } from '../i18n/index.ts';
import type { ProtocolErrorCode } from '../../shared/sync/protocol.ts';

/** The language of the words in error bodies and receipts: Accept-Language, else Vietnamese. */
export function requestLang(req: IncomingMessage): Lang {
  const header = req.headers['accept-language'];
  if (!header) return 'vi';
  for (const part of header.split(',')) {
    const lang = parseLang(part.split(';')[0]?.trim());
    if (lang) return lang;
  }
  return 'vi';
}

/** Words for a protocol code (the code itself is what clients act on). */
export function wireMessage(lang: Lang, code: ProtocolErrorCode, params: Params = {}): string {
  return t(lang, `SERVER_${code}`, params);
}

/** The `{code, message}` body every 4xx/5xx carries. */
export function errorBody(lang: Lang, code: ProtocolErrorCode, params: Params = {}): string {
  return JSON.stringify({ code, message: wireMessage(lang, code, params) });
}
