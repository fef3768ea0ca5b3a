import * as v from 'valibot';
import type { EcPublicJwk } from '../../shared/sync/public-keys.ts';
import { EnrolResponseSchema, ErrorBodySchema, type EnrolRequest, type EnrolResponse } from '../../shared/sync/protocol.ts';

export type EnrolResult =
  | { readonly kind: 'ok'; readonly value: EnrolResponse }
  /** The server refused the code (wrong, used, expired). */
  | { readonly kind: 'refused'; readonly code: string; readonly message: string }
  | { readonly kind: 'offline' }
  | { readonly kind: 'bad-server'; readonly detail: string };

/**
 * `POST /v1/devices` with the one-time team code (DESIGN §3) and, when the phone could make one,
 * the public half of its signing key (issue #6), which the lead's import checks batch files
 * against. Never throws.
 */
export async function enrolDevice(
  fetchFn: typeof fetch,
  serverUrl: string,
  request: { readonly code: string; readonly deviceName: string; readonly publicKey?: EcPublicJwk },
): Promise<EnrolResult> {
  const body: EnrolRequest = {
    code: request.code.trim(),
    deviceName: request.deviceName,
    ...(request.publicKey === undefined ? {} : { publicKey: { ...request.publicKey } }),
  };
  let response: Response;
  try {
    response = await fetchFn(`${serverUrl}/v1/devices`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return { kind: 'offline' };
  }
  let answer: unknown;
  try {
    answer = await response.json();
  } catch {
    return { kind: 'bad-server', detail: `HTTP ${response.status}` };
  }
  if (!response.ok) {
    const error = v.safeParse(ErrorBodySchema, answer);
    return error.success
      ? { kind: 'refused', code: error.output.code, message: error.output.message }
      : { kind: 'bad-server', detail: `HTTP ${response.status}` };
  }
  const parsed = v.safeParse(EnrolResponseSchema, answer);
  return parsed.success ? { kind: 'ok', value: parsed.output } : { kind: 'bad-server', detail: 'BAD_RESPONSE' };
}
