import { beforeAll, describe, expect, it } from 'vitest';
import { toHex } from '../../../shared/sync/canonical.ts';
import type { WireRecord } from '../../../shared/sync/protocol.ts';
import { readableBytes } from '../../../shared/seal/byte-source.ts';
import { utf8, type Bytes } from '../../../shared/seal/bytes.ts';
import { MIN_CHUNK_SIZE, TAG_BYTES, TRAILER_BYTES } from '../../../shared/seal/format.ts';
import { seal } from '../../../shared/seal/seal.ts';
import { unseal, verifySealed, type BatchSink } from '../../../shared/seal/unseal.ts';
import {
  FAKE_CCCD,
  bytesSource,
  makeTeam,
  memorySink,
  sampleBatch,
  sealOptionsFor,
  type SampleBatch,
  type Team,
} from './seal-fixtures.ts';

function collector(): BatchSink & { records: WireRecord[]; attachments: Map<string, Bytes> } {
  const records: WireRecord[] = [];
  const attachments = new Map<string, Bytes>();
  return {
    records,
    attachments,
    record: (record) => void records.push(record),
    attachment: (sha256, bytes) => void attachments.set(sha256, bytes),
  };
}

async function sealToBytes(team: Team, batch: SampleBatch, chunkSize?: number) {
  const sink = memorySink();
  const sealed = await seal({
    ...sealOptionsFor(team),
    items: batch.items,
    write: sink.write,
    ...(chunkSize === undefined ? {} : { chunkSize }),
  });
  if (!sealed.ok) throw new Error(sealed.code);
  return { sealed, bytes: sink.bytes() };
}

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

describe('sealing and unsealing a batch in memory', () => {
  let team: Team;
  let batch: SampleBatch;
  beforeAll(async () => {
    team = await makeTeam();
    // 5 KB and 9 KB attachments span several 4 KiB chunks.
    batch = await sampleBatch(6, [5_000, 9_000, 300]);
  });

  it('gives back the same records and attachments, in file order, after verifying', async () => {
    const { sealed, bytes } = await sealToBytes(team, batch, 4096);
    expect(sealed.value.chunks).toBeGreaterThan(4);
    expect(sealed.value.bytes).toBe(bytes.length);
    const sink = collector();
    const result = await unseal({ source: bytesSource(bytes), lead: team.lead, teamId: team.teamId, devices: team.devices, sink });
    expect(result.ok).toBe(true);
    expect(sink.records).toEqual(batch.records);
    expect([...sink.attachments.keys()]).toEqual(batch.attachments.map((a) => a.sha256));
    for (const a of batch.attachments) expect(toHex(sink.attachments.get(a.sha256) ?? new Uint8Array())).toBe(toHex(a.bytes));
  });

  it('reads the same file whatever size the pieces of the byte stream come in', async () => {
    const { bytes } = await sealToBytes(team, batch, 4096);
    for (const piece of [1, 7, 4096 + TAG_BYTES, 100_000]) {
      const sink = collector();
      const result = await unseal({ source: bytesSource(bytes, piece), lead: team.lead, teamId: team.teamId, devices: team.devices, sink });
      expect(result.ok, `pieces of ${piece}`).toBe(true);
      expect(sink.records).toHaveLength(batch.records.length);
    }
  });

  it('lets the source go (closes the file) when it refuses a file early', async () => {
    const { bytes } = await sealToBytes(team, batch, 4096);
    const damaged = bytes.slice();
    damaged[200] = (damaged[200] ?? 0) ^ 1;
    let closed = false;
    let pieces = 0;
    const source = async function* () {
      try {
        for (let at = 0; at < damaged.length; at += 1024) {
          pieces += 1;
          yield damaged.slice(at, at + 1024);
        }
      } finally {
        closed = true;
      }
    };
    const result = await verifySealed({ source, lead: team.lead, teamId: team.teamId, devices: team.devices });
    expect(result).toMatchObject({ ok: false, code: 'SEAL_CORRUPT' });
    expect(closed).toBe(true);
    expect(pieces).toBeLessThan(damaged.length / 1024);
  });

  it('reads a browser File’s ReadableStream through readableBytes', async () => {
    const { bytes } = await sealToBytes(team, batch, 4096);
    const sink = collector();
    const file = new Blob([bytes]);
    const result = await unseal({ source: () => readableBytes(file.stream()), lead: team.lead, teamId: team.teamId, devices: team.devices, sink });
    expect(result).toMatchObject({ ok: true, value: { records: batch.records.length, attachments: batch.attachments.length } });
  });

  it('round-trips files whose plaintext ends exactly on, just before and just after a chunk boundary', async () => {
    const plaintextOf = (bytes: Uint8Array) => {
      const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(10);
      const region = bytes.length - (14 + headerLength + 32) - TRAILER_BYTES;
      const chunks = Math.ceil(region / (MIN_CHUNK_SIZE + TAG_BYTES));
      return { plaintext: region - chunks * TAG_BYTES, lastChunk: region - (chunks - 1) * (MIN_CHUNK_SIZE + TAG_BYTES) };
    };
    const probe = await sealToBytes(team, await sampleBatch(2, [2000]), MIN_CHUNK_SIZE);
    const exact = 2000 + (MIN_CHUNK_SIZE - (plaintextOf(probe.bytes).plaintext % MIN_CHUNK_SIZE));
    for (const size of [exact - 1, exact, exact + 1]) {
      const shifted = await sampleBatch(2, [size]);
      const { bytes } = await sealToBytes(team, shifted, MIN_CHUNK_SIZE);
      const { plaintext, lastChunk } = plaintextOf(bytes);
      expect(plaintext % MIN_CHUNK_SIZE).toBe((size - exact + MIN_CHUNK_SIZE) % MIN_CHUNK_SIZE);
      if (size === exact) expect(lastChunk).toBe(MIN_CHUNK_SIZE + TAG_BYTES);
      const sink = collector();
      const result = await unseal({ source: bytesSource(bytes, 333), lead: team.lead, teamId: team.teamId, devices: team.devices, sink });
      expect(result.ok, `attachment of ${size} bytes`).toBe(true);
      expect(sink.records).toEqual(shifted.records);
    }
  });

  it('leaks nothing in clear: no ID number, name, team or device id in the file', async () => {
    const { bytes } = await sealToBytes(team, batch);
    for (const secret of [FAKE_CCCD, 'Nguyễn Văn Thử', team.teamId, team.deviceId, team.device.publicJwk.x]) {
      expect(contains(bytes, utf8(secret)), secret).toBe(false);
    }
  });

  it('seals each file under a fresh key: the same batch twice gives unrelated bytes', async () => {
    const one = await sealToBytes(team, batch);
    const two = await sealToBytes(team, batch);
    expect(toHex(one.bytes.subarray(-200))).not.toBe(toHex(two.bytes.subarray(-200)));
  });

  it('summarises the verified batch before anything is handed out', async () => {
    const { sealed, bytes } = await sealToBytes(team, batch);
    const verified = await verifySealed({ source: bytesSource(bytes), lead: team.lead, teamId: team.teamId, devices: team.devices });
    if (!verified.ok) throw new Error(verified.code);
    const { summary } = verified.value.batch;
    expect(summary.fileId).toBe(sealed.value.fileId);
    expect(summary.deviceId).toBe(team.deviceId);
    expect(summary.deviceKeyId).toBe(team.device.keyId);
    expect(summary.records.map((r) => r.id)).toEqual(batch.records.map((r) => r.id));
    expect(summary.attachments.map((a) => a.bytes)).toEqual([5_000, 9_000, 300]);
  });

  it('carries an attachment shared by two records once', async () => {
    const shared = batch.items.filter((item) => item.kind === 'attachment');
    const sink = memorySink();
    const sealed = await seal({ ...sealOptionsFor(team), items: [...shared, ...shared, ...batch.items], write: sink.write });
    expect(sealed.ok && sealed.value.attachments).toBe(3);
  });
});

describe('sealing refuses input it cannot vouch for', () => {
  let team: Team;
  let batch: SampleBatch;
  beforeAll(async () => {
    team = await makeTeam();
    batch = await sampleBatch(2, [100]);
  });

  const sealItems = (items: SampleBatch['items']) => seal({ ...sealOptionsFor(team), items, write: () => undefined });

  it('a batch without records: SEAL_INPUT_EMPTY', async () => {
    expect(await sealItems(batch.items.filter((i) => i.kind === 'attachment'))).toMatchObject({ code: 'SEAL_INPUT_EMPTY' });
  });

  it('a record whose hash does not match its payload: SEAL_INPUT_RECORD_HASH', async () => {
    const record = { ...(batch.records[0] as WireRecord), payload: { changed: true } };
    expect(await sealItems([{ kind: 'record', record }])).toMatchObject({ code: 'SEAL_INPUT_RECORD_HASH', params: { id: record.id } });
  });

  it('a record that is not a wire record: SEAL_INPUT_RECORD_INVALID naming the field', async () => {
    const record = { ...(batch.records[0] as WireRecord), rev: 0 };
    expect(await sealItems([{ kind: 'record', record }])).toMatchObject({ code: 'SEAL_INPUT_RECORD_INVALID', params: { field: 'rev' } });
  });

  it('an attachment whose bytes do not match its key: SEAL_INPUT_ATTACHMENT_HASH', async () => {
    const item = { kind: 'attachment' as const, sha256: '0'.repeat(64), bytes: new Uint8Array(10) };
    expect(await sealItems([item])).toMatchObject({ code: 'SEAL_INPUT_ATTACHMENT_HASH' });
  });

  it('an attachment over the protocol limit: SEAL_INPUT_ATTACHMENT_TOO_LARGE', async () => {
    const item = { kind: 'attachment' as const, sha256: 'a'.repeat(64), bytes: new Uint8Array(10 * 1024 * 1024 + 1) };
    expect(await sealItems([item])).toMatchObject({ code: 'SEAL_INPUT_ATTACHMENT_TOO_LARGE' });
  });

  it('a file id that is not a UUIDv7 is a programming error and throws before writing', async () => {
    let written = 0;
    await expect(
      seal({ ...sealOptionsFor(team), fileId: 'not-a-uuid', items: batch.items, write: () => void (written += 1) }),
    ).rejects.toThrow();
    expect(written).toBe(0);
  });
});
