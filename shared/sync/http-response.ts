import * as v from 'valibot';
import { badResponse, classifyHttpFailure, networkFailure, type HttpFailureDetails } from './errors.ts';
import { ErrorBodySchema } from './protocol.ts';
import { parseHttpDate, parseRetryAfter } from './retry-after.ts';
import type { TransportFailure, TransportResult } from './transport.ts';

/** The part of a fetch `Response` the transport reads; ky's and Node's responses both fit. */
export interface ResponseLike {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** The server's clock from its `Date` header, if it sent a valid one. */
export function serverDateOf(response: ResponseLike): number | undefined {
  const header = response.headers.get('date');
  return header === null ? undefined : parseHttpDate(header.trim());
}

/**
 * Reads a success body as JSON and checks it against the protocol schema. A body that is not
 * JSON or not the promised shape is a permanent `BAD_RESPONSE`, never a crash. A body cut off
 * mid-way (the read throws) is transient: the link, not the server, failed.
 */
export async function readJson<S extends v.GenericSchema>(
  response: ResponseLike,
  schema: S,
  signal: AbortSignal | undefined,
): Promise<TransportResult<v.InferOutput<S>>> {
  const text = await readText(response, signal);
  if (typeof text !== 'string') return text;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return badResponse(response.status, 'response body is not JSON');
  }
  const parsed = v.safeParse(schema, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const where = issue ? `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}` : 'unknown';
    return badResponse(response.status, `response does not match protocol v1 (${where})`);
  }
  return withServerDate({ ok: true, value: parsed.output }, response);
}

/** Classifies a non-success answer, reading its `{code, message}` body when it has one. */
export async function failureOf(response: ResponseLike, now: () => number, signal: AbortSignal | undefined): Promise<TransportFailure> {
  const details = await failureDetails(response, now, signal);
  return 'ok' in details ? details : classifyHttpFailure(response.status, details);
}

/**
 * The `{code, message}` body and Retry-After of a non-success answer; a body cut off mid-way is
 * the link's failure, returned as it is.
 */
export async function failureDetails(
  response: ResponseLike,
  now: () => number,
  signal: AbortSignal | undefined,
): Promise<HttpFailureDetails | TransportFailure> {
  const text = await readText(response, signal);
  if (typeof text !== 'string') return text;
  let code: string | undefined;
  let message: string | undefined;
  if (text.length > 0) {
    const parsed = v.safeParse(ErrorBodySchema, safeJson(text));
    if (parsed.success) ({ code, message } = parsed.output);
  }
  const serverDate = serverDateOf(response);
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), serverDate ?? now());
  return { retryAfterMs, code, message };
}

export function withServerDate<T>(ok: { readonly ok: true; readonly value: T }, response: ResponseLike): TransportResult<T> {
  const serverDate = serverDateOf(response);
  return serverDate === undefined ? ok : { ...ok, serverDate };
}

async function readText(response: ResponseLike, signal: AbortSignal | undefined): Promise<string | TransportFailure> {
  try {
    return await response.text();
  } catch {
    return networkFailure(signal?.aborted === true);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
