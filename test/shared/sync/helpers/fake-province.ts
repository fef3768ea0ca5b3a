import * as v from 'valibot';
import { canonicalJson, sha256Hex } from '../../../../shared/sync/canonical.ts';
import {
  BatchRequestSchema,
  type BatchRequest,
  type BatchResponse,
  type Receipt,
  type Update,
  type WireRecord,
} from '../../../../shared/sync/protocol.ts';
import type { CatalogResult, Transport, TransportFailure, TransportResult } from '../../../../shared/sync/transport.ts';

type Method = keyof Transport;

export interface FaultOptions {
  /** Seeded source for the random faults below. */
  readonly random?: () => number;
  /** Share of requests answered 503 before doing anything. */
  readonly failBeforeRate?: number;
  /** Share of requests cut with no answer before doing anything. */
  readonly cutBeforeRate?: number;
  /** Share of batches committed, then answered with a cut connection. */
  readonly cutAfterCommitRate?: number;
  /** Retry-After sent with the random 503s. */
  readonly retryAfterMs?: number;
}

interface StoredRecord {
  readonly rev: number;
  readonly hash: string;
}

/**
 * An in-memory province that speaks protocol v1 as the engine sees it (a Transport): idempotent
 * batches, content-addressed attachments checked against their hash, receipts listing missing
 * attachments, seeded faults, and scripted answers for adversarial tests.
 */
export class FakeProvince implements Transport {
  readonly records = new Map<string, StoredRecord>();
  /** How many times each (id@rev) was committed: the "stored twice" detector. */
  readonly commits = new Map<string, number>();
  readonly attachments = new Map<string, Uint8Array>();
  readonly batches: { readonly key: string; readonly request: BatchRequest; readonly outcome: string }[] = [];
  readonly calls: Method[] = [];
  /** Records whose presence makes the whole batch a 422 (a poison record). */
  readonly poison = new Set<string>();
  /** Records answered `rejected` with this code. */
  readonly rejectWith = new Map<string, string>();
  /** Records the server "forgets" to receipt. */
  readonly omitReceipt = new Set<string>();
  /** Attachments HEAD claims present though they are not (the server lost them). */
  readonly headLies = new Set<string>();
  updates: Update[] = [];
  updatesPageSize = 2;
  catalog: { readonly etag: string; readonly body: unknown } = { etag: '"v1"', body: { procedures: [] } };
  serverClockOffsetMs = 0;
  /** Runs before a batch is processed: tests edit the outbox or abort here. */
  beforeBatch: ((request: BatchRequest) => void) | undefined;
  reverseReceipts = false;

  private readonly idempotency = new Map<string, { readonly body: string; readonly response: BatchResponse }>();
  private readonly scripted = new Map<Method, TransportFailure[]>();

  constructor(
    private readonly clock: () => number,
    private readonly faults: FaultOptions = {},
  ) {}

  /** The next `times` calls of `method` get this answer instead of being served. */
  script(method: Method, failure: TransportFailure, times = 1): void {
    const queue = this.scripted.get(method) ?? [];
    for (let i = 0; i < times; i += 1) queue.push(failure);
    this.scripted.set(method, queue);
  }

  /** Enrolment is not what these tests are about: the engine never enrols. */
  async enrol(): Promise<TransportResult<never>> {
    return { ok: false, class: 'permanent', status: 404, code: 'NOT_FOUND', message: 'the fake province does not enrol', params: { status: 404 } };
  }

  async headAttachment(sha256: string): Promise<TransportResult<{ readonly present: boolean }>> {
    const before = this.before('headAttachment');
    if (before) return before;
    return this.ok({ present: this.attachments.has(sha256) || this.headLies.has(sha256) });
  }

  async putAttachment(sha256: string, bytes: Uint8Array): Promise<TransportResult<null>> {
    const before = this.before('putAttachment');
    if (before) return before;
    if ((await sha256Hex(bytes)) !== sha256) return { ok: false, class: 'permanent', status: 422, code: 'HASH_MISMATCH', message: 'bytes do not match', params: { status: 422 } };
    this.attachments.set(sha256, bytes.slice());
    this.headLies.delete(sha256);
    return this.ok(null);
  }

  async postBatch(request: BatchRequest, key: string): Promise<TransportResult<BatchResponse>> {
    const before = this.before('postBatch');
    if (before) {
      this.batches.push({ key, request, outcome: before.class });
      return before;
    }
    this.beforeBatch?.(request);
    const parsed = v.safeParse(BatchRequestSchema, request);
    if (!parsed.success || key !== request.batchId) return this.refuse(key, request, 400, 'BAD_REQUEST');
    const body = canonicalJson(request);
    const known = this.idempotency.get(key);
    if (known && known.body !== body) return this.refuse(key, request, 422, 'IDEMPOTENCY_KEY_REUSED');
    if (!known && request.records.some((record) => this.poison.has(record.id))) return this.refuse(key, request, 422, 'RECORD_INVALID');

    const response = known?.response ?? this.commit(request);
    this.idempotency.set(key, { body, response });
    if (this.roll(this.faults.cutAfterCommitRate)) {
      this.batches.push({ key, request, outcome: 'cut-after-commit' });
      return { ok: false, class: 'transient', code: 'SYNC_NETWORK', params: {} };
    }
    this.batches.push({ key, request, outcome: known ? 'replayed' : 'ok' });
    return this.ok(response);
  }

  async getUpdates(cursor: string | undefined): Promise<TransportResult<{ updates: Update[]; cursor: string; more: boolean }>> {
    const before = this.before('getUpdates');
    if (before) return before;
    const from = cursor === undefined ? 0 : Number(cursor);
    const page = this.updates.slice(from, from + this.updatesPageSize);
    const next = from + page.length;
    return this.ok({ updates: page, cursor: String(next), more: next < this.updates.length });
  }

  async getCatalog(etag: string | undefined): Promise<TransportResult<CatalogResult>> {
    const before = this.before('getCatalog');
    if (before) return before;
    if (etag === this.catalog.etag) return this.ok({ changed: false });
    return this.ok({ changed: true, etag: this.catalog.etag, catalog: this.catalog.body });
  }

  private commit(request: BatchRequest): BatchResponse {
    const receipts: Receipt[] = [];
    for (const record of request.records) {
      if (this.omitReceipt.has(record.id)) continue;
      receipts.push(this.receiptFor(record));
    }
    if (this.reverseReceipts) receipts.reverse();
    return {
      batchId: request.batchId,
      receipts,
      serverTime: new Date(this.clock() + this.serverClockOffsetMs).toISOString(),
    };
  }

  private receiptFor(record: WireRecord): Receipt {
    const base = { id: record.id, rev: record.rev };
    const code = this.rejectWith.get(record.id);
    if (code !== undefined) return { ...base, status: 'rejected', code, message: `refused: ${code}` };
    if (record.training) return { ...base, status: 'rejected', code: 'TRAINING_RECORD' };
    const missing = record.attachments.filter((sha256) => !this.attachments.has(sha256));
    if (missing.length > 0) return { ...base, status: 'rejected', code: 'ATTACHMENT_MISSING', missing };
    const stored = this.records.get(record.id);
    if (stored && stored.rev === record.rev) {
      return stored.hash === record.hash ? { ...base, status: 'duplicate' } : { ...base, status: 'conflict', code: 'REV_CONFLICT' };
    }
    if (stored && stored.rev > record.rev) return { ...base, status: 'conflict', code: 'REV_CONFLICT' };
    this.records.set(record.id, { rev: record.rev, hash: record.hash });
    const key = `${record.id}@${record.rev}`;
    this.commits.set(key, (this.commits.get(key) ?? 0) + 1);
    return { ...base, status: 'accepted', serverRef: `R-${this.commits.size}` };
  }

  private before(method: Method): TransportFailure | undefined {
    this.calls.push(method);
    const scripted = this.scripted.get(method)?.shift();
    if (scripted) return scripted;
    if (this.roll(this.faults.cutBeforeRate)) return { ok: false, class: 'transient', code: 'SYNC_NETWORK', params: {} };
    if (this.roll(this.faults.failBeforeRate)) {
      const failure: TransportFailure = { ok: false, class: 'transient', status: 503, code: 'UNAVAILABLE', params: { status: 503 } };
      return this.faults.retryAfterMs === undefined ? failure : { ...failure, retryAfterMs: this.faults.retryAfterMs };
    }
    return undefined;
  }

  private refuse(key: string, request: BatchRequest, status: number, code: string): TransportFailure {
    this.batches.push({ key, request, outcome: code });
    return { ok: false, class: 'permanent', status, code, message: code, params: { status } };
  }

  private roll(rate: number | undefined): boolean {
    return rate !== undefined && rate > 0 && (this.faults.random ?? Math.random)() < rate;
  }

  private ok<T>(value: T): TransportResult<T> {
    return { ok: true, value };
  }
}
