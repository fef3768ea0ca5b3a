import { retryDelay } from './backoff.ts';
import type { RunContext } from './run-context.ts';
import { ABORTED, type RunStop } from './run-stop.ts';
import type { PermanentFailure, TransientFailure, TransportResult } from './transport.ts';

export type CallOutcome<T> =
  | { readonly kind: 'ok'; readonly value: T; readonly serverDate?: number; readonly sentAt: number; readonly receivedAt: number }
  | { readonly kind: 'permanent'; readonly failure: PermanentFailure }
  | { readonly kind: 'stop'; readonly stop: RunStop };

/**
 * Runs one request until it gets an answer the caller can act on. Transient failures are retried
 * with the same arguments (so a batch keeps its Idempotency-Key and body) after a jittered,
 * growing wait that is never shorter than the server's Retry-After; `afterTransient` runs (and
 * is durable) before each wait. Auth failures, too many tries, a too-long Retry-After and an
 * abort end the run. Never throws for the transport's sake: a transport that throws counts as a
 * transient failure.
 */
export async function callWithRetry<T>(
  ctx: RunContext,
  call: (signal: AbortSignal | undefined) => Promise<TransportResult<T>>,
  afterTransient?: () => Promise<void>,
): Promise<CallOutcome<T>> {
  for (let attempt = 1; ; attempt += 1) {
    await waitOutHold(ctx);
    await ctx.writesSettled();
    if (isAborted(ctx)) return { kind: 'stop', stop: ABORTED };
    const sentAt = ctx.clock();
    let result: TransportResult<T>;
    try {
      result = await call(ctx.signal);
    } catch {
      result = { kind: 'transient', cause: 'TRANSPORT_ERROR' };
    }
    // An answer that arrived is used even if the caller stopped meanwhile: its receipts are real.
    if (result.kind === 'ok') {
      const ok = { kind: 'ok' as const, value: result.value, sentAt, receivedAt: ctx.clock() };
      return result.serverDate === undefined ? ok : { ...ok, serverDate: result.serverDate };
    }
    if (isAborted(ctx)) return { kind: 'stop', stop: ABORTED };
    if (result.kind === 'auth') {
      const code = result.status === 403 ? 'FORBIDDEN' : 'UNAUTHORIZED';
      return { kind: 'stop', stop: { status: 'auth-required', problem: { code, status: result.status } } };
    }
    if (result.kind === 'permanent') return { kind: 'permanent', failure: result };

    if (afterTransient) await afterTransient();
    const giveUp = giveUpOn(result, attempt, ctx);
    if (giveUp) return { kind: 'stop', stop: giveUp };
    const delayMs = retryDelay(attempt, ctx.random, result.retryAfterMs, ctx.backoff);
    // The server asked the whole device to wait, not only this request: hold the other chunks too.
    if (result.retryAfterMs !== undefined) ctx.tally.holdUntilMs = Math.max(ctx.tally.holdUntilMs, ctx.clock() + delayMs);
    const waiting = { kind: 'waiting', attempt, delayMs, cause: result.cause } as const;
    ctx.emit(result.status === undefined ? waiting : { ...waiting, status: result.status });
    try {
      await ctx.sleep(delayMs, ctx.signal);
    } catch {
      // A sleep cut short by the abort signal; the loop head sees the abort.
    }
  }
}

/** Sleeps out a Retry-After that another chunk of this run received. */
async function waitOutHold(ctx: RunContext): Promise<void> {
  const waitMs = ctx.tally.holdUntilMs - ctx.clock();
  if (waitMs <= 0 || isAborted(ctx)) return;
  try {
    await ctx.sleep(waitMs, ctx.signal);
  } catch {
    // Cut short by the abort signal; the caller sees the abort.
  }
}

function isAborted(ctx: RunContext): boolean {
  return ctx.signal?.aborted === true;
}

function giveUpOn(failure: TransientFailure, attempt: number, ctx: RunContext): RunStop | undefined {
  const status = failure.status === undefined ? 'offline' : 'server-unavailable';
  const problem = failure.status === undefined ? { code: failure.cause } : { code: failure.cause, status: failure.status };
  if (failure.retryAfterMs !== undefined && failure.retryAfterMs > ctx.maxRetryAfterMs) {
    return { status: 'server-unavailable', problem, retryAfterMs: failure.retryAfterMs };
  }
  if (attempt >= ctx.maxAttempts) {
    return failure.retryAfterMs === undefined ? { status, problem } : { status, problem, retryAfterMs: failure.retryAfterMs };
  }
  return undefined;
}
