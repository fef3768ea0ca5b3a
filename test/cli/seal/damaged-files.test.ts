import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSealedFile } from '../../../cli/seal/sealed-file.ts';
import { buildCorpus, type Corpus } from './damaged-variants.ts';

/** What `langso import` will do: open (verify), then deliver into the store; counts every row. */
async function importFile(corpus: Corpus, path: string, seen: readonly string[] = []) {
  let rows = 0;
  const opened = await openSealedFile(path, {
    lead: corpus.team.lead,
    teamId: corpus.team.teamId,
    devices: corpus.devices,
    isFileSeen: (fileId) => seen.includes(fileId),
  });
  if (!opened.ok) return { code: opened.code, params: opened.params, rows };
  const delivered = await opened.file.deliver({ record: () => void (rows += 1), attachment: () => void (rows += 1) });
  return { code: delivered.ok ? 'OK' : delivered.code, params: {}, rows };
}

describe('importing damaged, tampered and foreign .langso files', () => {
  let dir: string;
  let corpus: Corpus;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'langso-seal-corpus-'));
    corpus = await buildCorpus();
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('has at least 30 variants, covering every refusal code of the reader', () => {
    expect(corpus.variants.length).toBeGreaterThanOrEqual(30);
    const codes = new Set(corpus.variants.map((variant) => variant.code));
    for (const code of [
      'SEAL_EMPTY', 'SEAL_NOT_LANGSO', 'SEAL_VERSION_UNSUPPORTED', 'SEAL_TRUNCATED', 'SEAL_CORRUPT', 'SEAL_WRONG_KEY',
      'SEAL_SIGNATURE', 'SEAL_OTHER_TEAM', 'SEAL_UNKNOWN_DEVICE', 'SEAL_RECORD_INVALID', 'SEAL_HASH_MISMATCH', 'SEAL_REPLAYED',
    ] as const) {
      expect(codes, code).toContain(code);
    }
  });

  it('imports the undamaged file itself', async () => {
    const path = join(dir, 'good.langso');
    await writeFile(path, corpus.good);
    const result = await importFile(corpus, path);
    expect(result).toMatchObject({ code: 'OK', rows: 6 });
  });

  it('refuses every variant whole, with its own code and zero rows written', async () => {
    const outcomes = [];
    for (const [i, variant] of corpus.variants.entries()) {
      const path = join(dir, `variant-${String(i).padStart(2, '0')}.langso`);
      await writeFile(path, variant.bytes);
      const result = await importFile(corpus, path, variant.seen);
      outcomes.push({ variant: variant.name, code: result.code, rows: result.rows });
    }
    expect(outcomes).toEqual(corpus.variants.map((variant) => ({ variant: variant.name, code: variant.code, rows: 0 })));
  });

  it('tells a replayed file apart by its id, so the CLI can say "nothing new"', async () => {
    const path = join(dir, 'again.langso');
    await writeFile(path, corpus.good);
    const result = await importFile(corpus, path, [corpus.goodFileId]);
    expect(result).toEqual({ code: 'SEAL_REPLAYED', params: { fileId: corpus.goodFileId }, rows: 0 });
  });
});
