import ky, { isHTTPError, isTimeoutError } from 'ky';
import * as v from 'valibot';
import {
  EnrolResponseSchema,
  ErrorBodySchema,
  type EnrolRequest,
  type EnrolResponse,
} from '../../shared/sync/protocol.ts';

/** How an enrolment failed, as a value: the command turns it into a localised line and exit 3. */
export type EnrolFailure =
  | { readonly kind: 'network'; readonly reason: string }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'refused'; readonly status: number; readonly code: string; readonly message: string }
  | { readonly kind: 'bad_answer'; readonly reason: string };

export type EnrolResult = { readonly ok: true; readonly response: EnrolResponse } | { readonly ok: false; readonly failure: EnrolFailure };

const ENROL_TIMEOUT_MS = 15_000;

/** `POST /v1/devices` (DESIGN §3): a one-time team code in, a device id and bearer token out. */
export async function enrolDevice(server: URL, request: EnrolRequest): Promise<EnrolResult> {
  const url = new URL('v1/devices', server.href.endsWith('/') ? server : `${server.href}/`);
  let body: unknown;
  try {
    body = await ky.post(url, { json: request, timeout: ENROL_TIMEOUT_MS, retry: 0 }).json();
  } catch (error) {
    return { ok: false, failure: await failureOf(error) };
  }
  const parsed = v.safeParse(EnrolResponseSchema, body);
  if (!parsed.success) return { ok: false, failure: { kind: 'bad_answer', reason: parsed.issues[0].message } };
  return { ok: true, response: parsed.output };
}

async function failureOf(error: unknown): Promise<EnrolFailure> {
  if (isTimeoutError(error)) return { kind: 'timeout' };
  if (isHTTPError(error)) {
    const status = error.response.status;
    const answer = v.safeParse(ErrorBodySchema, await error.response.json().catch(() => undefined));
    return answer.success
      ? { kind: 'refused', status, code: answer.output.code, message: answer.output.message }
      : { kind: 'refused', status, code: `HTTP_${status}`, message: error.response.statusText };
  }
  if (error instanceof SyntaxError) return { kind: 'bad_answer', reason: error.message };
  // fetch's TypeError carries the socket's reason (ECONNREFUSED, ENOTFOUND…) in its cause.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  const code = cause && 'code' in cause && typeof cause.code === 'string' ? cause.code : undefined;
  return { kind: 'network', reason: code ?? (error instanceof Error ? error.message : String(error)) };
}
