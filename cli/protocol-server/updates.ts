import type { Update, UpdatesResponse } from '../../shared/sync/protocol.ts';
import type { DeviceAuth } from './auth.ts';
import { HttpError } from './http-error.ts';
import type { Journal, JournalEvent } from './journal.ts';
import { json } from './reply.ts';
import type { Handler, RequestContext } from './route-context.ts';

export const DEFAULT_UPDATES_LIMIT = 500;
export const MAX_UPDATES_LIMIT = 1_000;

function integerParam(url: URL, name: string, fallback: number, min: number, max: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return fallback;
  const value = /^\d{1,15}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new HttpError(400, 'BAD_REQUEST', { field: name, reason: `an integer from ${min} to ${max}` });
  }
  return value;
}

function toUpdate(event: JournalEvent): Update {
  return {
    id: event.recordId,
    type: event.type,
    status: event.status,
    ...(event.serverRef === null ? {} : { serverRef: event.serverRef }),
    ...(event.code === null ? {} : { code: event.code }),
    ...(event.message === null ? {} : { message: event.message }),
    ...(event.appointmentAt === null ? {} : { appointmentAt: event.appointmentAt }),
    at: event.at,
  };
}

/**
 * `GET /v1/updates?since=<cursor>&limit=N`: this team's status changes after the cursor, oldest
 * first. The cursor is opaque to clients (the event number here); `more` says to ask again.
 * The province decides whatever is due first, so tests need no timers.
 */
export function createUpdatesHandler(
  journal: Journal,
  decideDue: () => void,
  authenticate: (req: RequestContext['req']) => DeviceAuth,
): Handler {
  return async ({ req, url }) => {
    const auth = authenticate(req);
    const since = integerParam(url, 'since', 0, 0, Number.MAX_SAFE_INTEGER);
    const limit = integerParam(url, 'limit', DEFAULT_UPDATES_LIMIT, 1, MAX_UPDATES_LIMIT);
    decideDue();
    const rows = journal.eventsAfter(auth.teamId, since, limit + 1);
    const more = rows.length > limit;
    const shown = more ? rows.slice(0, limit) : rows;
    const last = shown.at(-1);
    const body: UpdatesResponse = {
      updates: shown.map(toUpdate),
      cursor: String(last ? last.cursor : since),
      more,
    };
    return json(200, body);
  };
}
