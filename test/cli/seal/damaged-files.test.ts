import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCliMessageCode, t } from '../../../cli/i18n/index.ts';
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
  const delivered = await opened.value.file.deliver({ record: () => void (rows += 1), attachment: () => void (rows += 1) });
  return { code: delivered.ok ? 'OK' : delivered.code, params: {}, rows };
}

// Built at collection time so each variant is its own named test.
const corpus = await buildCorpus();

describe('importing damaged, tampered and foreign .langso files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'langso-seal-corpus-'));
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

  it.each(corpus.variants.map((variant, i) => [variant.name, variant.code, i] as const))(
    '%s: refused whole with %s, zero rows written',
    async (_name, code, i) => {
      const variant = corpus.variants[i];
      if (!variant) throw new Error(`no variant ${i}`);
      const path = join(dir, `variant-${String(i).padStart(2, '0')}.langso`);
      await writeFile(path, variant.bytes);
      const result = await importFile(corpus, path, variant.seen);
      expect({ code: result.code, rows: result.rows }).toEqual({ code, rows: 0 });
      for (const lang of ['vi', 'en'] as const) {
        if (!isCliMessageCode(result.code)) throw new Error(`${result.code} has no message`);
        const message = t(lang, result.code, result.params);
        expect(message, `${lang}: ${message}`).not.toMatch(/\{\w+\}|^SEAL_/);
      }
    },
  );

  it('tells a replayed file apart by its id, so the CLI can say "nothing new"', async () => {
    const path = join(dir, 'again.langso');
    await writeFile(path, corpus.good);
    const result = await importFile(corpus, path, [corpus.goodFileId]);
    expect(result).toEqual({ code: 'SEAL_REPLAYED', params: { fileId: corpus.goodFileId }, rows: 0 });
  });
});
