import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDeviceKeys, generateLeadKeys } from '../../../shared/seal/keys.ts';
import { cut, flipByte, join as joinBytes, layoutOf, middle } from '../seal/file-layout.ts';
import { langso, parseJson, scratch } from '../helpers/lead-cli.ts';
import { enrolledTeam, phoneBatch, rowCounts, sealFile, type EnrolledTeam, type PhoneBatch } from './team-fixture.ts';

const ImportJsonSchema = v.object({
  files: v.array(v.object({ sealed: v.optional(v.object({ replayed: v.boolean(), code: v.optional(v.string()) })) })),
  failed: v.array(v.object({ file: v.string(), code: v.string(), message: v.string() })),
});

const tmp = scratch('seal-import-refused');
afterAll(() => tmp.dispose());

let team: EnrolledTeam;
let batch: PhoneBatch;
let good: { path: string; bytes: Uint8Array };

/** A variant of the good file, written next to it. */
function variant(name: string, bytes: Uint8Array): string {
  const path = join(tmp.dir, `${name}.langso`);
  writeFileSync(path, bytes);
  return path;
}

interface Case {
  readonly name: string;
  readonly code: string;
  readonly make: () => Promise<string>;
}

const cases: readonly Case[] = [
  { name: 'an empty file (a copy that never finished)', code: 'SEAL_EMPTY', make: async () => variant('empty', new Uint8Array()) },
  { name: 'a text file renamed .langso', code: 'SEAL_NOT_LANGSO', make: async () => variant('text', new TextEncoder().encode('Danh sách hộ ấp Tân Hưng\n')) },
  { name: 'a file cut short on the way', code: 'SEAL_TRUNCATED', make: async () => variant('truncated', cut(good.bytes, good.bytes.length - 200)) },
  {
    name: 'a file with one byte flipped inside a chunk',
    code: 'SEAL_CORRUPT',
    make: async () => variant('flipped', flipByte(good.bytes, middle(layoutOf(good.bytes).chunks[2] ?? { start: 0, end: 0 }))),
  },
  {
    name: 'a file whose device signature was tampered with',
    code: 'SEAL_SIGNATURE',
    make: async () => variant('signature', flipByte(good.bytes, layoutOf(good.bytes).signature.start + 10)),
  },
  {
    name: 'a file of a newer format version',
    code: 'SEAL_VERSION_UNSUPPORTED',
    make: async () => variant('newer', joinBytes(good.bytes.subarray(0, 8), Uint8Array.of(0, 2), good.bytes.subarray(10))),
  },
  {
    name: 'a file sealed to another team lead’s key',
    code: 'SEAL_WRONG_KEY',
    make: async () => (await sealFile(team, join(tmp.dir, 'wrong-key.langso'), batch.items, { recipient: (await generateLeadKeys()).publicKeys })).path,
  },
  {
    name: 'a file signed by a phone that never enrolled',
    code: 'SEAL_UNKNOWN_DEVICE',
    make: async () =>
      (await sealFile(team, join(tmp.dir, 'stranger.langso'), batch.items, { device: await generateDeviceKeys(), deviceId: 'dien-thoai-la' })).path,
  },
  {
    name: 'a file signed with another key in the enrolled phone’s name',
    code: 'SEAL_UNKNOWN_DEVICE',
    make: async () => (await sealFile(team, join(tmp.dir, 'impostor.langso'), batch.items, { device: await generateDeviceKeys() })).path,
  },
  {
    name: 'another team’s file',
    code: 'SEAL_OTHER_TEAM',
    make: async () => (await sealFile(team, join(tmp.dir, 'other-team.langso'), batch.items, { teamId: 'to-cns-khom-3' })).path,
  },
];

describe('sealed batch files the team lead must refuse whole', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    team = await enrolledTeam(tmp.dir);
    batch = await phoneBatch(3, [40_000, 25_000]);
    const { path } = await sealFile(team, join(tmp.dir, 'good.langso'), batch.items);
    good = { path, bytes: new Uint8Array(readFileSync(path)) };
  });

  it.each(cases.map((c) => [c.name, c.code, c] as const))('%s: %s, exit 2, zero rows written', async (_name, code, c) => {
    const path = await c.make();
    const before = rowCounts(team.workspace);
    const run = await langso(['import', path, '--workspace', team.workspace, '--json']);
    expect(run.code).toBe(2);
    const out = v.parse(ImportJsonSchema, parseJson(run));
    expect(out.files).toEqual([]);
    expect(out.failed).toEqual([{ file: path, code, message: expect.any(String) }]);
    const message = out.failed[0]?.message ?? '';
    expect(message).not.toMatch(/\{\w+\}|^SEAL_/);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(rowCounts(team.workspace)).toEqual(before);
  });

  it('refuses a wrong passphrase before reading the file, in English too', async () => {
    const before = rowCounts(team.workspace);
    const run = await langso(['--lang', 'en', 'import', good.path, '--workspace', team.workspace, '--json'], { LANGSO_PASSPHRASE: 'not the passphrase' });
    expect(run.code).toBe(2);
    expect(v.parse(ImportJsonSchema, parseJson(run)).failed.map((f) => f.code)).toEqual(['SEAL_PASSPHRASE']);
    expect(run.stderr).toContain('Wrong passphrase');
    expect(rowCounts(team.workspace)).toEqual(before);
  });

  it('imports the good file once, then calls it a replay: exit 0, nothing written the second time', async () => {
    const first = await langso(['import', good.path, '--workspace', team.workspace, '--json']);
    expect(first.code, first.stderr).toBe(0);
    const before = rowCounts(team.workspace);
    expect(before).toMatchObject({ records: 3, attachments: 2, sealed_files: 1 });
    const again = await langso(['import', good.path, '--workspace', team.workspace, '--json']);
    expect(again.code).toBe(0);
    expect(v.parse(ImportJsonSchema, parseJson(again)).files[0]?.sealed).toMatchObject({ replayed: true, code: 'SEAL_REPLAYED' });
    expect(rowCounts(team.workspace)).toEqual(before);
  });

  it('imports the good files of a mixed lot and refuses the bad ones, each on its own', async () => {
    const fresh = await sealFile(team, join(tmp.dir, 'fresh.langso'), (await phoneBatch(2, [], 20)).items);
    const cutShort = variant('mixed-truncated', cut(readFileSync(fresh.path), 300));
    const run = await langso(['import', cutShort, fresh.path, '--workspace', team.workspace, '--json']);
    expect(run.code).toBe(2);
    const out = v.parse(ImportJsonSchema, parseJson(run));
    expect(out.failed.map((f) => f.code)).toEqual(['SEAL_TRUNCATED']);
    expect(out.files).toHaveLength(1);
    expect(rowCounts(team.workspace)).toMatchObject({ records: 5, sealed_files: 2 });
  });
});
