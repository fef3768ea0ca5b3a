import type { Params } from '../i18n/messages.ts';

/**
 * The one shape of an outcome that can fail, in shared/ and at both edges: a value, or a stable
 * code (a message in i18n, translated where it is shown) with the message's placeholders.
 * Failures that carry more facts (an HTTP status, a retry hint) keep them beside `code`.
 * Validators are the exception by design: they report every problem they find, each an
 * `Issue` (`{field, code, params}`), rather than stopping at the first.
 */
export type Result<T, F extends Failure = Failure> = Ok<T> | F;

export interface Ok<T> {
  readonly ok: true;
  readonly value: T;
}

export interface Failure<C extends string = string> {
  readonly ok: false;
  readonly code: C;
  readonly params: Params;
}

export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

export function failure<C extends string>(code: C, params: Params = {}): Failure<C> {
  return { ok: false, code, params };
}
