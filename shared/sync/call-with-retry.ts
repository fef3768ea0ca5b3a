import { retryDelay } from './backoff.ts';
import type { RunContext } from './run-context.ts';
import { ABORTED, type RunStop } from './run-stop.ts';
import { transientFailure } from './errors.ts';
import type { PermanentFailure, TransientFailure, TransportResult } from './transport.ts';

/** An answer with when it was asked and came (clock skew), a refusal to act on, or the run's end. */
export type CallOutcome<T> = CallAnswer<T> | { readonly ok: false; readonly refused: PermanentFailure } | { readonly ok: false; readonly stop: RunStop };

export interface CallAnswer<T> {
  readonly ok: true;
  readonly value: T;
  readonly serverDate?: number;
  readonly sentAt: number;
  readonly receivedAt: number;
}

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
    if (isAborted(ctx)) return { ok: false, stop: ABORTED };
    const sentAt = ctx.clock();
    let result: TransportResult<T>;
    try {
      result = await call(ctx.signal);
    } catch {
      result = transientFailure('TRANSPORT_ERROR');
    }
    // An answer that arrived is used even if the caller stopped meanwhile: its receipts are real.
    if (result.ok) {
      const answer: CallAnswer<T> = { ok: true, value: result.value, sentAt, receivedAt: ctx.clock() };
      return result.serverDate === undefined ? answer : { ...answer, serverDate: result.serverDate };
    }
    if (isAborted(ctx)) return { ok: false, stop: ABORTED };
    if (result.class === 'auth') return { ok: false, stop: { status: 'auth-required', problem: { code: result.code, status: result.status } } };
    if (result.class === 'permanent') return { ok: false, refused: result };

    if (afterTransient) await afterTransient();
    const giveUp = giveUpOn(result, attempt, ctx);
    if (giveUp) return { ok: false, stop: giveUp };
    const delayMs = retryDelay(attempt, ctx.random, result.retryAfterMs, ctx.backoff);
    // The server asked the whole device to wait, not only this request: hold the other chunks too.
    if (result.retryAfterMs !== undefined) ctx.tally.holdUntilMs = Math.max(ctx.tally.holdUntilMs, ctx.clock() + delayMs);
    const waiting = { kind: 'waiting', attempt, delayMs, cause: result.code } as const;
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
  const problem = failure.status === undefined ? { code: failure.code } : { code: failure.code, status: failure.status };
  if (failure.retryAfterMs !== undefined && failure.retryAfterMs > ctx.maxRetryAfterMs) {
    return { status: 'server-unavailable', problem, retryAfterMs: failure.retryAfterMs };
  }
  if (attempt >= ctx.maxAttempts) {
    return failure.retryAfterMs === undefined ? { status, problem } : { status, problem, retryAfterMs: failure.retryAfterMs };
  }
  return undefined;
}
