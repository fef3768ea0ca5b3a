import type Database from 'better-sqlite3';
import { sha256Hex } from '../../shared/sync/canonical.ts';
import type { DeviceAuth } from './auth.ts';
import { HttpError } from './http-error.ts';
import { readBody } from './read-body.ts';
import { empty, json } from './reply.ts';
import type { Handler, RequestContext } from './route-context.ts';
import { isoAt, type Clock } from './runtime.ts';

export const ATTACHMENT_PATH = /^\/v1\/attachments\/(?<sha256>[^/]*)$/;

/** Which attachments of a list the store already holds (for receipts: never accept with one missing). */
export function createAttachmentLookup(db: Database.Database): (sha256: string) => boolean {
  const has = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM attachments WHERE sha256 = ?');
  return (sha256) => has.get(sha256) !== undefined;
}

function pathHash(ctx: RequestContext): string {
  const sha256 = ctx.params['sha256'] ?? '';
  if (!/^[0-9a-f]{64}$/.test(sha256)) {
    throw new HttpError(400, 'BAD_REQUEST', { field: 'sha256', reason: '64 lowercase hex digits' });
  }
  return sha256;
}

/**
 * `HEAD` and `PUT /v1/attachments/{sha256}`: content-addressed, so a photo is sent once and a
 * retried PUT is harmless. The bytes must hash to the name, or nothing is stored.
 */
export function createAttachmentHandlers(
  db: Database.Database,
  clock: Clock,
  maxBytes: number,
  authenticate: (req: RequestContext['req']) => DeviceAuth,
): { head: Handler; put: Handler } {
  const exists = createAttachmentLookup(db);
  const insert = db.prepare(
    'INSERT INTO attachments (sha256, bytes, size, received_at) VALUES (?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING',
  );
  const sizeOf = db.prepare<[string], { size: number }>('SELECT size FROM attachments WHERE sha256 = ?');

  const head: Handler = async (ctx) => {
    authenticate(ctx.req);
    const sha256 = pathHash(ctx);
    const row = sizeOf.get(sha256);
    return row ? empty(200, { 'x-attachment-size': String(row.size) }) : empty(404);
  };

  const put: Handler = async (ctx) => {
    authenticate(ctx.req);
    const sha256 = pathHash(ctx);
    const bytes = await readBody(ctx.req, maxBytes);
    if (bytes.length === 0) throw new HttpError(400, 'BAD_REQUEST', { field: '(body)', reason: 'empty' });
    if ((await sha256Hex(bytes)) !== sha256) throw new HttpError(400, 'HASH_MISMATCH', { what: 'attachment' });
    if (exists(sha256)) return json(200, { sha256, size: bytes.length });
    insert.run(sha256, bytes, bytes.length, isoAt(clock.now()));
    return json(201, { sha256, size: bytes.length });
  };

  return { head, put };
}
