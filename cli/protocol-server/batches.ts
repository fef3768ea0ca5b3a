import type Database from 'better-sqlite3';
import * as v from 'valibot';
import { BatchRequestSchema, PROTOCOL_VERSION, type BatchResponse } from '../../shared/sync/protocol.ts';
import type { DeviceAuth } from './auth.ts';
import type { ServerEvent } from './server-event.ts';
import type { Faults } from './faults.ts';
import { HttpError } from './http-error.ts';
import type { IdempotencyStore } from './idempotency.ts';
import { firstProblem } from './issues.ts';
import type { ServerPolicy } from './policy.ts';
import { canonicalSha256 } from '../hashing/sha256.ts';
import { parseJsonBody, readBody } from './read-body.ts';
import { receiveRecord, type ReceiveDeps } from './receive-record.ts';
import { jsonText, type Reply } from './reply.ts';
import type { Handler, RequestContext } from './route-context.ts';
import { isoAt, type Clock } from './runtime.ts';

export interface BatchDeps {
  readonly db: Database.Database;
  readonly clock: Clock;
  readonly policy: ServerPolicy;
  readonly faults: Faults;
  readonly idempotency: IdempotencyStore;
  readonly receive: Omit<ReceiveDeps, 'policy'>;
  readonly authenticate: (req: RequestContext['req']) => DeviceAuth;
  /** Told after a batch that accepted something has committed (the hub hands it to the lead). */
  readonly onAccepted?: (() => void) | undefined;
  readonly onEvent?: ((event: ServerEvent) => void) | undefined;
}

function declaredProtocol(body: unknown): unknown {
  return typeof body === 'object' && body !== null && 'protocol' in body ? body.protocol : PROTOCOL_VERSION;
}

/**
 * `POST /v1/batches`. Checks, in order: token (401), Idempotency-Key (400), body size and JSON
 * (413/400), protocol version (400), schema (400), key = batchId (400), batch device = token's
 * device (403), then the key's history (replay / 409 / 422). A new batch is decided record by
 * record and committed in one transaction together with the answer kept for replays.
 */
export function createBatchHandler(deps: BatchDeps): Handler {
  const { db, clock, policy, faults, idempotency } = deps;
  const receiveDeps: ReceiveDeps = { ...deps.receive, policy };

  return async (ctx): Promise<Reply> => {
    const auth = deps.authenticate(ctx.req);
    const key = ctx.req.headers['idempotency-key'];
    if (typeof key !== 'string' || key.trim() === '') throw new HttpError(400, 'IDEMPOTENCY_KEY_MISSING');

    const body = parseJsonBody(await readBody(ctx.req, policy.maxBodyBytes));
    const protocol = declaredProtocol(body);
    if (protocol !== PROTOCOL_VERSION) {
      throw new HttpError(400, 'PROTOCOL_VERSION', { version: String(protocol), supported: PROTOCOL_VERSION });
    }
    const parsed = v.safeParse(BatchRequestSchema, body);
    if (!parsed.success) throw new HttpError(400, 'BAD_REQUEST', firstProblem(parsed.issues));
    const batch = parsed.output;
    if (key.trim() !== batch.batchId) {
      throw new HttpError(400, 'BAD_REQUEST', { field: 'Idempotency-Key', reason: 'must equal batchId' });
    }
    if (batch.deviceId !== auth.deviceId) {
      throw new HttpError(403, 'FORBIDDEN', { reason: 'deviceId is not the device of this token' });
    }

    // The request is named by its canonical JSON, so key order or whitespace do not make a new body.
    const requestHash = canonicalSha256(body);
    const claim = idempotency.claim(auth.teamId, batch.batchId, requestHash);
    if (claim.kind === 'replay') {
      deps.onEvent?.({ kind: 'replayed', batchId: batch.batchId });
      return jsonText(claim.status, claim.body, { 'idempotent-replayed': 'true' });
    }
    if (claim.kind === 'reused') throw new HttpError(422, 'IDEMPOTENCY_KEY_REUSED', { key: batch.batchId });
    if (claim.kind === 'in_flight') {
      throw new HttpError(409, 'IDEMPOTENCY_IN_FLIGHT', { key: batch.batchId }, { 'retry-after': String(policy.retryAfterSeconds) });
    }

    let answer: string;
    let accepted: boolean;
    try {
      await ctx.delay();
      const now = clock.now();
      const scope = { teamId: auth.teamId, deviceId: auth.deviceId, batchId: batch.batchId, now, lang: ctx.lang };
      ({ answer, accepted } = db
        .transaction(() => {
          const response: BatchResponse = {
            batchId: batch.batchId,
            receipts: batch.records.map((record) => receiveRecord(receiveDeps, scope, record, canonicalSha256(record.payload))),
            serverTime: isoAt(now),
          };
          const text = JSON.stringify(response);
          idempotency.complete(auth.teamId, batch.batchId, 200, text);
          return { answer: text, accepted: response.receipts.some((receipt) => receipt.status === 'accepted') };
        })
        .immediate());
    } catch (error) {
      idempotency.release(auth.teamId, batch.batchId);
      throw error;
    }
    if (accepted) deps.onAccepted?.();
    if (faults.cutNow()) {
      deps.onEvent?.({ kind: 'cut-after-commit', batchId: batch.batchId, records: batch.records.length });
      return { kind: 'cut' };
    }
    return jsonText(200, answer);
  };
}
