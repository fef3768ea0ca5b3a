import { uuidv7 } from 'uuidv7';
import type { WireRecord } from '../../../shared/sync/protocol.ts';
import type { SealErrorCode } from '../../../shared/seal/errors.ts';
import { generateDeviceKeys, generateLeadKeys, type DeviceKeys } from '../../../shared/seal/keys.ts';
import { seal } from '../../../shared/seal/seal.ts';
import type { EnrolledDevice } from '../../../shared/seal/unseal.ts';
import { craftFile, type CraftEntry } from '../../shared/seal/craft-file.ts';
import { makeTeam, memorySink, sampleBatch, seededBytes, type SampleBatch, type Team } from '../../shared/seal/seal-fixtures.ts';
import { cut, flipByte, join, layoutOf, middle, withChunks } from './file-layout.ts';

export interface Variant {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly code: SealErrorCode;
  /** File ids the importer has already seen. */
  readonly seen?: readonly string[];
}

export interface Corpus {
  readonly team: Team;
  readonly devices: readonly EnrolledDevice[];
  readonly good: Uint8Array;
  readonly goodFileId: string;
  readonly variants: readonly Variant[];
}

const CHUNK = 1024;

async function sealWith(team: Team, batch: SampleBatch, over: { teamId?: string; deviceId?: string; device?: DeviceKeys; recipient?: Team['lead']['publicKeys'] } = {}) {
  const sink = memorySink();
  const fileId = uuidv7();
  const sealed = await seal({
    items: batch.items,
    write: sink.write,
    recipient: over.recipient ?? team.lead.publicKeys,
    device: { deviceId: over.deviceId ?? team.deviceId, keys: over.device ?? team.device },
    teamId: over.teamId ?? team.teamId,
    fileId,
    createdAt: '2026-02-02T09:30:00.000Z',
    chunkSize: CHUNK,
  });
  if (!sealed.ok) throw new Error(sealed.code);
  return { bytes: sink.bytes(), fileId };
}

/** Damaged, tampered and foreign variants of one good file, each with the code it must get. */
export async function buildCorpus(): Promise<Corpus> {
  const team = await makeTeam();
  const secondDevice = await generateDeviceKeys();
  const devices = [...team.devices, { deviceId: 'device-phone-2', keyId: secondDevice.keyId }];
  const batch = await sampleBatch(4, [3_000, 2_500]);
  const { bytes: good, fileId: goodFileId } = await sealWith(team, batch);
  const { bytes: twin } = await sealWith(team, batch); // same content, other key: for swaps
  const at = layoutOf(good);
  const twinAt = layoutOf(twin);
  const chunkCount = at.chunks.length;
  const chunk = (i: number) => at.chunks[i] ?? { start: 0, end: 0 };
  const last = chunk(chunkCount - 1);
  const headerText = new TextDecoder().decode(good.subarray(at.header.start, at.header.end));
  const inHeader = (field: string) => at.header.start + headerText.indexOf(`"${field}":"`) + field.length + 6;

  const v: Variant[] = [];
  const add = (name: string, bytes: Uint8Array, code: SealErrorCode, seen?: string[]) =>
    v.push({ name, bytes, code, ...(seen ? { seen } : {}) });

  // Not a batch file at all.
  add('empty file', new Uint8Array(0), 'SEAL_EMPTY');
  add('random bytes', seededBytes(4096, 99), 'SEAL_NOT_LANGSO');
  add('a text file', new TextEncoder().encode('Danh sách hộ dân ấp Tân Hưng\n'), 'SEAL_NOT_LANGSO');
  add('a JPEG photo', join(Uint8Array.of(0xff, 0xd8, 0xff, 0xe0), seededBytes(2000, 5)), 'SEAL_NOT_LANGSO');

  // Cut short anywhere.
  for (const [name, length] of [
    ['inside the magic', 4],
    ['right after the magic', 8],
    ['inside the header length', 12],
    ['inside the header', middle(at.header)],
    ['inside the header digest', at.digest.start + 10],
    ['right after the head (no chunk)', at.digest.end],
    ['inside the first chunk', middle(chunk(0))],
    ['at the end of chunk 1', chunk(1).end],
    ['inside a middle chunk', middle(chunk(Math.floor(chunkCount / 2)))],
    ['before the last chunk (last chunk missing)', last.start],
    ['inside the last chunk', middle(last)],
    ['before the signature (trailer missing)', at.signature.start],
    ['inside the signature', at.signature.start + 20],
    ['by its very last byte', good.length - 1],
  ] as const) {
    add(`truncated ${name}`, cut(good, length), 'SEAL_TRUNCATED');
  }

  // One byte flipped in each section.
  add('flipped byte in the magic', flipByte(good, 3), 'SEAL_NOT_LANGSO');
  add('flipped byte in the format version', flipByte(good, 9), 'SEAL_VERSION_UNSUPPORTED');
  add('format version 0', join(good.subarray(0, 8), Uint8Array.of(0, 0), good.subarray(10)), 'SEAL_CORRUPT');
  add('flipped byte in the header length', flipByte(good, 10), 'SEAL_CORRUPT');
  add('flipped byte in the header key id', flipByte(good, inHeader('recipientKeyId') + 5), 'SEAL_CORRUPT');
  add('flipped byte in the header ephemeral key', flipByte(good, inHeader('ephemeralKey') + 30), 'SEAL_CORRUPT');
  add('flipped byte in the header digest', flipByte(good, at.digest.start + 7), 'SEAL_CORRUPT');
  at.chunks.forEach((span, i) => add(`flipped byte in chunk ${i}`, flipByte(good, middle(span)), 'SEAL_CORRUPT'));
  add('flipped byte in the last chunk’s tag', flipByte(good, last.end - 1), 'SEAL_CORRUPT');
  add('flipped byte in the signature', flipByte(good, at.signature.start + 31), 'SEAL_SIGNATURE');
  add('flipped byte in the end marker', flipByte(good, at.endMarker.start + 3), 'SEAL_TRUNCATED');
  add('a few bytes appended after the end', join(good, seededBytes(40, 3)), 'SEAL_CORRUPT');
  add('a whole chunk’s worth appended after the end', join(good, seededBytes(CHUNK + 100, 4)), 'SEAL_CORRUPT');
  add('a byte inserted in chunk 2', join(good.subarray(0, middle(chunk(2))), Uint8Array.of(0), good.subarray(middle(chunk(2)))), 'SEAL_CORRUPT');

  // Chunks moved, dropped, repeated, or taken from another file.
  const order = Array.from({ length: chunkCount }, (_, i) => i);
  add('chunks 0 and 1 swapped', withChunks(good, at, [1, 0, ...order.slice(2)]), 'SEAL_CORRUPT');
  add('chunk 1 repeated', withChunks(good, at, [0, 1, ...order.slice(1)]), 'SEAL_CORRUPT');
  add('chunk 1 dropped', withChunks(good, at, order.filter((i) => i !== 1)), 'SEAL_CORRUPT');
  add('last chunk dropped, trailer kept', withChunks(good, at, order.slice(0, -1)), 'SEAL_CORRUPT');
  add('chunk 2 taken from another file', join(good.subarray(0, chunk(2).start), twin.subarray(twinAt.chunks[2]?.start, twinAt.chunks[2]?.end), good.subarray(chunk(2).end)), 'SEAL_CORRUPT');
  add('head taken from another file', join(twin.subarray(0, twinAt.digest.end), good.subarray(at.digest.end)), 'SEAL_CORRUPT');
  add('signature taken from another file', join(good.subarray(0, at.signature.start), twin.subarray(twinAt.signature.start)), 'SEAL_SIGNATURE');
  add('newer format version (2)', join(good.subarray(0, 8), Uint8Array.of(0, 2), good.subarray(10)), 'SEAL_VERSION_UNSUPPORTED');

  // Keys, devices, teams.
  const otherLead = await generateLeadKeys();
  add('sealed to another team lead’s key', (await sealWith(team, batch, { recipient: otherLead.publicKeys })).bytes, 'SEAL_WRONG_KEY');
  const stranger = await generateDeviceKeys();
  add('signed by a device not enrolled', (await sealWith(team, batch, { device: stranger, deviceId: 'device-stranger' })).bytes, 'SEAL_UNKNOWN_DEVICE');
  add('an enrolled key claiming another device id', (await sealWith(team, batch, { deviceId: 'device-phone-2' })).bytes, 'SEAL_UNKNOWN_DEVICE');
  const otherTeam = await makeTeam('team-khom-3', 'device-khom-3');
  add('another team’s file', (await sealWith(team, batch, { teamId: otherTeam.teamId, deviceId: otherTeam.deviceId, device: otherTeam.device })).bytes, 'SEAL_OTHER_TEAM');
  add('the same file imported again', good, 'SEAL_REPLAYED', [goodFileId]);

  // Signed files whose content lies (a misbehaving device, or someone re-encrypting).
  const honest: CraftEntry[] = [
    { kind: 'attachment', bytes: batch.attachments[0]?.bytes ?? new Uint8Array() },
    ...batch.records.map((record): CraftEntry => ({ kind: 'record', record })),
  ];
  const identity = { teamId: team.teamId, deviceId: team.deviceId, devicePublicKey: team.device.publicJwk, createdAt: '2026-02-02T09:30:00.000Z' };
  const craft = (entries: CraftEntry[], edit?: Parameters<typeof craftFile>[0]['editManifest'], signingKey = team.device.privateKey) =>
    craftFile({ recipient: team.lead.publicKeys.encryption, entries, manifest: identity, signingKey, ...(edit ? { editManifest: edit } : {}) });

  const stolen = await craft(honest, (m) => ({ ...m, records: m.records.slice(1) }), stranger.privateKey);
  add('manifest replaced, device signature copied from the original', join(stolen.subarray(0, layoutOf(stolen).signature.start), good.subarray(at.signature.start)), 'SEAL_SIGNATURE');
  add('signed by another enrolled device in device 1’s name', await craft(honest, undefined, secondDevice.privateKey), 'SEAL_SIGNATURE');
  const first = batch.records[0] as WireRecord;
  add('a record whose payload does not match its hash', await craft([{ kind: 'record', record: { ...first, payload: { forged: true } } }]), 'SEAL_HASH_MISMATCH');
  add('an attachment whose bytes do not match its hash', await craft([...honest, { kind: 'attachment', bytes: seededBytes(500, 1), claimedSha256: seededBytes(32, 2) }]), 'SEAL_HASH_MISMATCH');
  add('a manifest listing a record the file lacks', await craft(honest, (m) => ({ ...m, records: [...m.records, { ...(m.records[0] ?? { id: '', rev: 1, type: 'resident', sha256: '' }), id: uuidv7() }] })), 'SEAL_HASH_MISMATCH');
  add('a manifest with a wrong attachment size', await craft(honest, (m) => ({ ...m, attachments: m.attachments.map((a) => ({ ...a, bytes: a.bytes + 1 })) })), 'SEAL_HASH_MISMATCH');
  add('a record that is not a wire record', await craft([{ kind: 'record', record: { ...first, consent: 'yes' } }]), 'SEAL_RECORD_INVALID');

  return { team, devices, good, goodFileId, variants: v };
}
