import { createHttpTransport } from '../../shared/sync/http-transport.ts';
import type { EnrolRequest, EnrolResponse } from '../../shared/sync/protocol.ts';
import type { TransportFailure, TransportResult } from '../../shared/sync/transport.ts';
import { isCliMessageCode, t, type Lang } from '../i18n/index.ts';
import { EXIT } from '../program/exit-codes.ts';
import { UserError } from '../program/user-error.ts';
import { kyFetch } from './ky-fetch.ts';

const ENROL_TIMEOUT_MS = 15_000;

/** `langso enrol`: the laptop joins the province as a device, through the shared transport. */
export function enrolLaptop(server: URL, request: EnrolRequest): Promise<TransportResult<EnrolResponse>> {
  return createHttpTransport({ baseUrl: server.href, fetch: kyFetch, timeoutMs: ENROL_TIMEOUT_MS }).enrol(request);
}

/** A failed enrolment as one line in the lead's language (exit 3: the network or the server). */
export function enrolError(lang: Lang, server: string, failure: TransportFailure): UserError {
  if (failure.class === 'transient' && failure.status === undefined) {
    if (failure.code === 'TIMEOUT') return new UserError('LEAD_TIMEOUT', { server }, EXIT.network);
    return new UserError('LEAD_NETWORK', { server, reason: failure.params['reason'] ?? failure.code }, EXIT.network);
  }
  const said = failure.class === 'permanent' ? failure.message : undefined;
  if (failure.code === 'BAD_RESPONSE') return new UserError('LEAD_SERVER_BAD_ANSWER', { server, reason: said ?? failure.code }, EXIT.network);
  const reason = isCliMessageCode(failure.code) ? t(lang, failure.code) : (said ?? failure.code);
  return new UserError('LEAD_SERVER_REFUSED', { server, status: failure.status ?? '', reason }, EXIT.network);
}
