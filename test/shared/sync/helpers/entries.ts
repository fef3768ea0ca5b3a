import type { Household } from '../../../../shared/domain/records.ts';
import { hashPayload } from '../../../../shared/sync/canonical.ts';
import { createSeededIds, type Ids } from '../../../../shared/sync/ids.ts';
import { toOutboxEntry } from '../../../../shared/sync/outbox-entry.ts';
import type { OutboxEntry } from '../../../../shared/sync/outbox-store.ts';
import type { WireRecord } from '../../../../shared/sync/protocol.ts';
import { seededUint32 } from './seeded.ts';

export const T0 = '2026-03-01T08:00:00.000Z';

export function testIds(seed = 1): Ids {
  let ms = Date.UTC(2026, 2, 1);
  return createSeededIds(() => (ms += 1), seededUint32(seed));
}

export interface RecordOptions {
  readonly rev?: number;
  readonly attachments?: readonly string[];
  readonly training?: boolean;
  /** Extra characters in the payload, to make a record bigger. */
  readonly padding?: number;
  readonly queuedAt?: string;
}

/** A synthetic household record (no real person), queued as the exact wire form. */
export async function makeEntry(id: string, n: number, options: RecordOptions = {}): Promise<OutboxEntry> {
  const payload: Household = {
    address: { provinceCode: '96', communeCode: '32002', hamlet: `Ấp ${(n % 9) + 1}` },
    headName: `Hộ thử nghiệm ${n}`,
    ...(options.padding ? { note: 'x'.repeat(options.padding) } : {}),
  };
  const record: WireRecord = {
    id,
    type: 'household',
    rev: options.rev ?? 1,
    hash: await hashPayload(payload),
    payload,
    attachments: [...(options.attachments ?? [])],
    consent: null,
    createdAt: T0,
    updatedAt: T0,
    training: options.training ?? false,
  };
  return toOutboxEntry(record, options.queuedAt ?? T0);
}

export async function makeEntries(count: number, ids: Ids = testIds(), options: RecordOptions = {}): Promise<OutboxEntry[]> {
  const entries: OutboxEntry[] = [];
  for (let n = 0; n < count; n += 1) entries.push(await makeEntry(ids.next(), n, options));
  return entries;
}
