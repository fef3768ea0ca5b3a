import type { IncomingMessage, ServerResponse } from 'node:http';
import { corsHeaders, preflightHeaders } from './cors.ts';
import type { ServerEvent } from './server-event.ts';
import type { Faults } from './faults.ts';
import { HttpError, isHttpError } from './http-error.ts';
import type { ServerPolicy } from './policy.ts';
import { empty, jsonText, sendReply, type Reply } from './reply.ts';
import type { Route } from './route-context.ts';
import { errorBody, requestLang } from './wire-language.ts';

export interface DispatchDeps {
  readonly routes: readonly Route[];
  readonly policy: ServerPolicy;
  readonly faults: Faults;
  /** Internal failures only, one line each; never a payload, a CCCD or a phone. */
  readonly log: (line: string) => void;
  readonly onEvent?: ((event: ServerEvent) => void) | undefined;
}

/**
 * The node:http entry: routes a request, turns every refusal into `{code, message}` with its
 * status, and never lets one bad request stop the server.
 */
export function createDispatcher(deps: DispatchDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void dispatch(deps, req, res);
  };
}

async function dispatch(deps: DispatchDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const lang = requestLang(req);
  const cors = corsHeaders(req, deps.policy.corsOrigins);
  let reply: Reply;
  try {
    reply = await route(deps, req, lang);
  } catch (error) {
    reply = errorReply(deps, req, error, lang);
  }
  if (reply.kind !== 'cut' && Object.keys(cors).length > 0) {
    reply = { ...reply, headers: { ...cors, ...reply.headers } };
  }
  try {
    if (!res.headersSent && !res.destroyed) sendReply(req, res, reply);
  } catch (error) {
    deps.log(`reply failed: ${error instanceof Error ? error.message : String(error)}`);
    req.socket.destroy();
  }
}

async function route(deps: DispatchDeps, req: IncomingMessage, lang: ReturnType<typeof requestLang>): Promise<Reply> {
  const preflight = preflightHeaders(req, deps.policy.corsOrigins);
  if (preflight) return empty(204, preflight);

  if (deps.faults.failNow()) {
    deps.onEvent?.({ kind: 'unavailable', method: req.method ?? 'GET', path: (req.url ?? '/').split('?', 1)[0] ?? '/' });
    const seconds = deps.policy.retryAfterSeconds;
    throw new HttpError(503, 'UNAVAILABLE', { seconds }, { 'retry-after': String(seconds) });
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  for (const candidate of deps.routes) {
    const match = candidate.pattern.exec(url.pathname);
    if (!match) continue;
    const handler = candidate.methods[req.method ?? 'GET'];
    if (!handler) {
      const allow = Object.keys(candidate.methods).join(', ');
      throw new HttpError(405, 'METHOD_NOT_ALLOWED', { method: req.method ?? '', path: url.pathname, allow }, { allow });
    }
    if (!candidate.ownLatency) await deps.faults.delay();
    return handler({ req, url, lang, params: { ...match.groups }, delay: () => deps.faults.delay() });
  }
  throw new HttpError(404, 'NOT_FOUND', { path: url.pathname });
}

function errorReply(deps: DispatchDeps, req: IncomingMessage, error: unknown, lang: ReturnType<typeof requestLang>): Reply {
  if (isHttpError(error)) {
    return jsonText(error.status, errorBody(lang, error.code, error.params), error.headers);
  }
  if (error instanceof Error && error.name === 'ClientGoneError') return { kind: 'cut' };
  const name = error instanceof Error ? error.name : typeof error;
  const message = error instanceof Error ? error.message : '';
  deps.log(`internal error on ${req.method ?? '?'} ${(req.url ?? '').split('?')[0] ?? ''}: ${name}: ${message}`);
  return jsonText(500, errorBody(lang, 'INTERNAL'));
}
