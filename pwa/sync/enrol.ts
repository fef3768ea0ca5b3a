import * as v from 'valibot';
import { EnrolResponseSchema, ErrorBodySchema, type EnrolResponse } from '../../shared/sync/protocol.ts';

export type EnrolResult =
  | { readonly kind: 'ok'; readonly value: EnrolResponse }
  /** The server refused the code (wrong, used, expired). */
  | { readonly kind: 'refused'; readonly code: string; readonly message: string }
  | { readonly kind: 'offline' }
  | { readonly kind: 'bad-server'; readonly detail: string };

/** `POST /v1/devices` with the one-time team code (DESIGN §3). Never throws. */
export async function enrolDevice(
  fetchFn: typeof fetch,
  serverUrl: string,
  request: { readonly code: string; readonly deviceName: string },
): Promise<EnrolResult> {
  let response: Response;
  try {
    response = await fetchFn(`${serverUrl}/v1/devices`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ code: request.code.trim(), deviceName: request.deviceName }),
    });
  } catch {
    return { kind: 'offline' };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { kind: 'bad-server', detail: `HTTP ${response.status}` };
  }
  if (!response.ok) {
    const error = v.safeParse(ErrorBodySchema, body);
    return error.success
      ? { kind: 'refused', code: error.output.code, message: error.output.message }
      : { kind: 'bad-server', detail: `HTTP ${response.status}` };
  }
  const parsed = v.safeParse(EnrolResponseSchema, body);
  return parsed.success ? { kind: 'ok', value: parsed.output } : { kind: 'bad-server', detail: 'BAD_RESPONSE' };
}
