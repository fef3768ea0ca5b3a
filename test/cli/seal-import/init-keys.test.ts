import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as v from 'valibot';
import { afterAll, describe, expect, it } from 'vitest';
import { keyId } from '../../../shared/seal/jwk.ts';
import { unlockLeadKeyFile } from '../../../shared/seal/keys.ts';
import { langso, parseJson, scratch, type Run } from '../helpers/lead-cli.ts';
import { LeadPublicKeysSchema } from '../../../shared/sync/public-keys.ts';

const tmp = scratch('seal-import-init');
afterAll(() => tmp.dispose());

const KeysJsonSchema = v.object({
  leadKeys: v.object({
    fingerprint: v.string(),
    encryptionKeyId: v.string(),
    signingKeyId: v.string(),
    created: v.boolean(),
    retired: v.nullable(v.string()),
  }),
});

const NO_ENV_PASSPHRASE = { LANGSO_PASSPHRASE: '' };
const init = (ws: string, ...extra: string[]) => ['init', '--team', 'Tổ Tân Hưng', '--commune', '32002', '--workspace', ws, ...extra];
const keysOf = (run: Run) => v.parse(KeysJsonSchema, parseJson(run)).leadKeys;

describe('langso init makes the team lead’s key pair, behind a passphrase', { timeout: 120_000 }, () => {
  const ws = join(tmp.dir, 'ws');
  const passphraseFile = tmp.file('passphrase.txt', 'cụm mật khẩu của tổ trưởng Tân Hưng\n');

  it('reads the passphrase from --passphrase-file, writes owner-only key files, and prints the fingerprint', async () => {
    const run = await langso(init(ws, '--passphrase-file', passphraseFile), NO_ENV_PASSPHRASE);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Dấu vân tay: [0-9A-F]{4} [0-9A-F]{4} [0-9A-F]{4} [0-9A-F]{4}/);
    for (const name of ['lead-key.json', 'lead-public.json']) expect(statSync(join(ws, name)).mode & 0o777, name).toBe(0o600);

    const keyFile: unknown = JSON.parse(readFileSync(join(ws, 'lead-key.json'), 'utf8'));
    // The file's line ending is not part of the passphrase.
    const unlocked = await unlockLeadKeyFile(keyFile, 'cụm mật khẩu của tổ trưởng Tân Hưng');
    expect(unlocked.ok).toBe(true);
    const publicKeys = v.parse(LeadPublicKeysSchema, JSON.parse(readFileSync(join(ws, 'lead-public.json'), 'utf8')));
    expect(unlocked.ok && unlocked.value.keys.publicKeys).toEqual(publicKeys);
    expect(JSON.stringify(publicKeys)).not.toMatch(/"d"/);
  });

  it('keeps the keys on init --force (no passphrase needed), and replaces them only with --new-keys', async () => {
    const keyBefore = readFileSync(join(ws, 'lead-key.json'), 'utf8');
    const kept = await langso(init(ws, '--force', '--json'), NO_ENV_PASSPHRASE);
    expect(kept.code, kept.stderr).toBe(0);
    expect(keysOf(kept)).toMatchObject({ created: false, retired: null });
    expect(readFileSync(join(ws, 'lead-key.json'), 'utf8')).toBe(keyBefore);
    const oldKeys = keysOf(kept);

    const renewed = await langso(init(ws, '--force', '--new-keys', '--json'), { LANGSO_PASSPHRASE: 'một cụm mật khẩu mới hẳn' });
    expect(renewed.code, renewed.stderr).toBe(0);
    const fresh = keysOf(renewed);
    expect(fresh.created).toBe(true);
    expect(fresh.fingerprint).not.toBe(oldKeys.fingerprint);
    // The old key is kept aside, never lost: a batch sealed to it can still be opened.
    expect(fresh.retired).not.toBeNull();
    expect(readFileSync(fresh.retired ?? '', 'utf8')).toBe(keyBefore);
    const publicKeys = v.parse(LeadPublicKeysSchema, JSON.parse(readFileSync(join(ws, 'lead-public.json'), 'utf8')));
    expect(await keyId(publicKeys.encryption)).toBe(fresh.encryptionKeyId);
  });

  it('refuses with exit 2 and creates nothing when no passphrase is given and nobody can be asked', async () => {
    const fresh = join(tmp.dir, 'never');
    const run = await langso(init(fresh), NO_ENV_PASSPHRASE);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--passphrase-file');
    expect(run.stderr).toContain('LANGSO_PASSPHRASE');
    expect(existsSync(fresh)).toBe(false);

    const en = await langso(['--lang', 'en', ...init(fresh)], NO_ENV_PASSPHRASE);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('no terminal to ask on');
  });

  it('refuses a passphrase that is too short, or a passphrase file that is not there, before creating anything', async () => {
    const fresh = join(tmp.dir, 'weak');
    const weak = await langso(init(fresh), { LANGSO_PASSPHRASE: 'ngắn' });
    expect(weak.code).toBe(2);
    expect(weak.stderr).toContain('8');
    const missing = await langso(init(fresh, '--passphrase-file', join(tmp.dir, 'khong-co.txt')), NO_ENV_PASSPHRASE);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('khong-co.txt');
    expect(existsSync(fresh)).toBe(false);
  });

  it('tells a lead whose workspace has no key yet how to make one, when a batch file arrives', async () => {
    const ws2 = join(tmp.dir, 'ws-no-keys');
    expect((await langso(init(ws2))).code).toBe(0);
    // A workspace from before sealed batch files existed: its key files are simply not there.
    for (const name of readdirSync(ws2).filter((n) => n.startsWith('lead-'))) rmSync(join(ws2, name));
    const code = await langso(['hub', 'code', '--workspace', ws2]);
    expect(code.code, code.stderr).toBe(0);
    const sealed = tmp.file('from-phone.langso', new Uint8Array([0x89, 0x4c, 0x41, 0x4e, 0x47, 0x53, 0x4f, 0x0a]));
    const run = await langso(['import', sealed, '--workspace', ws2, '--json']);
    expect(run.code).toBe(2);
    expect(v.parse(v.object({ failed: v.array(v.object({ code: v.string() })) }), parseJson(run)).failed.map((f) => f.code)).toEqual([
      'LEAD_KEYS_MISSING',
    ]);
    expect(run.stderr).toContain('langso init --force');
  });

  it('hands new keys to the hub’s store at once, so phones enrolling with a running hub get them', async () => {
    const ws2 = join(tmp.dir, 'ws-no-keys');
    const run = await langso(init(ws2, '--force', '--json'));
    expect(run.code, run.stderr).toBe(0);
    expect(keysOf(run).created).toBe(true);
    const stored = new Database(join(ws2, 'hub.db'), { readonly: true });
    try {
      const column = stored.prepare('SELECT lead_public_key FROM teams').pluck().get();
      const handed = v.parse(LeadPublicKeysSchema, JSON.parse(String(column)));
      expect(await keyId(handed.encryption)).toBe(keysOf(run).encryptionKeyId);
    } finally {
      stored.close();
    }
  });
});
