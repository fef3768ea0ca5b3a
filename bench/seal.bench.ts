// Sealed batch files: seal and unseal of 1,000 records with 100 photos of 150 KB of
// random bytes, then the same records with ~200 MB of photos to show memory stays flat. Each
// phase runs in a fresh child process so its peak memory is its own: RSS sampled every 5 ms,
// and the kernel's maxRSS. Photos are made (random bytes, hashed) as the sealer asks for them,
// as the PWA reads Blobs one by one; that cost is inside the seal time and printed on its own.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { uuidv7 } from 'uuidv7';
import { readLeadPublicKeys, unlockLeadKeyFileAt, writeLeadKeyFile, writeLeadPublicKeys } from '../cli/seal/key-files.ts';
import { openSealedFile, sealToFile } from '../cli/seal/sealed-file.ts';
import { hashPayload, toHex } from '../shared/sync/canonical.ts';
import type { WireRecord } from '../shared/sync/protocol.ts';
import { exportPublicJwk, keyId } from '../shared/seal/jwk.ts';
import { generateLeadKeys, lockLeadKeys } from '../shared/seal/keys.ts';
import type { SealItem } from '../shared/seal/seal.ts';
import type { EcPublicJwk } from '../shared/sync/public-keys.ts';

const RECORDS = 1000;
const PHOTO_BYTES = 150 * 1024;
const SCENARIOS = [
  { name: '100 photos', photos: 100 },
  { name: '~200 MB of photos', photos: 1300 },
] as const;
const PASSPHRASE = 'bench passphrase, not a secret';
const TEAM = 'team-bench';
const DEVICE = 'device-bench';

interface PhaseFigures {
  readonly seconds: number;
  readonly verifySeconds?: number;
  readonly makeInputSeconds?: number;
  readonly startRss: number;
  readonly peakRss: number;
  readonly maxRss: number;
  readonly fileBytes: number;
  readonly chunks?: number;
  readonly rows?: number;
}

const MB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

function watchRss(): () => number {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage().rss);
  };
}

async function record(n: number, photo: string | undefined): Promise<WireRecord> {
  const payload = {
    fullName: `Người Thử Nghiệm ${n}`,
    dateOfBirth: '1990-01-01',
    sex: n % 2 === 0 ? 'male' : 'female',
    cccd: `0961900${String(n).padStart(5, '0')}`,
    phone: `0912${String(n).padStart(6, '0')}`,
    address: { provinceCode: '96', communeCode: '32002', hamlet: `Ấp Thử ${n % 12}`, house: `${n % 300}` },
  };
  const at = '2026-03-01T08:00:00.000+07:00';
  return {
    id: uuidv7(),
    type: 'resident',
    rev: 1,
    hash: await hashPayload(payload),
    payload,
    attachments: photo ? [photo] : [],
    consent: {
      textVersion: 'consent-vi-2026-01',
      purposes: ['eid_registration'],
      dataCategories: ['identity', 'contact', 'address', 'id_card_photo'],
      processor: 'Tổ công nghệ số cộng đồng (bench)',
      rightsShown: true,
      givenAt: at,
      method: 'tick',
      subjectName: payload.fullName,
      volunteerId: 'volunteer-bench',
    },
    createdAt: at,
    updatedAt: at,
    training: false,
  };
}

function randomPhoto(): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(PHOTO_BYTES);
  for (let at = 0; at < bytes.length; at += 65_536) crypto.getRandomValues(bytes.subarray(at, at + 65_536));
  return bytes;
}

/** Each photo, then the records; photo i belongs to record i mod RECORDS. */
async function* items(photos: number): AsyncGenerator<SealItem> {
  const keys: string[] = [];
  for (let i = 0; i < photos; i += 1) {
    const bytes = randomPhoto();
    const sha256 = toHex(await crypto.subtle.digest('SHA-256', bytes));
    keys.push(sha256);
    yield { kind: 'attachment', sha256, bytes };
  }
  for (let n = 0; n < RECORDS; n += 1) yield { kind: 'record', record: await record(n, keys[n]) };
}

async function sealPhase(dir: string, photos: number): Promise<PhaseFigures> {
  const publicKeys = await readLeadPublicKeys(join(dir, 'lead-public.json'));
  if (!publicKeys.ok) throw new Error(publicKeys.code);
  const device = JSON.parse(await readFile(join(dir, 'device.json'), 'utf8')) as { publicJwk: EcPublicJwk; privateJwk: JsonWebKey };
  const privateKey = await crypto.subtle.importKey('jwk', device.privateJwk, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
  const keys = { publicJwk: device.publicJwk, keyId: await keyId(device.publicJwk), privateKey };

  let started = performance.now();
  for await (const item of items(photos)) void item; // the cost of making the input alone
  const makeInputSeconds = (performance.now() - started) / 1000;

  const startRss = process.memoryUsage().rss;
  const peak = watchRss();
  started = performance.now();
  const sealed = await sealToFile(join(dir, 'batch.langso'), {
    items: items(photos),
    recipient: publicKeys.value.publicKeys,
    device: { deviceId: DEVICE, keys },
    teamId: TEAM,
    fileId: uuidv7(),
    createdAt: new Date().toISOString(),
  });
  const seconds = (performance.now() - started) / 1000;
  if (!sealed.ok) throw new Error(sealed.code);
  return { seconds, makeInputSeconds, startRss, peakRss: peak(), maxRss: process.resourceUsage().maxRSS * 1024, fileBytes: sealed.value.bytes, chunks: sealed.value.chunks };
}

async function unsealPhase(dir: string): Promise<PhaseFigures> {
  const unlocked = await unlockLeadKeyFileAt(join(dir, 'lead-key.json'), PASSPHRASE);
  if (!unlocked.ok) throw new Error(unlocked.code);
  const device = JSON.parse(await readFile(join(dir, 'device.json'), 'utf8')) as { publicJwk: EcPublicJwk };
  const devices = [{ deviceId: DEVICE, keyId: await keyId(device.publicJwk) }];
  const path = join(dir, 'batch.langso');

  const startRss = process.memoryUsage().rss;
  const peak = watchRss();
  const started = performance.now();
  const opened = await openSealedFile(path, { lead: unlocked.value.keys, teamId: TEAM, devices, isFileSeen: () => false });
  if (!opened.ok) throw new Error(opened.code);
  const verifySeconds = (performance.now() - started) / 1000;
  let rows = 0;
  const delivered = await opened.value.file.deliver({ record: () => void (rows += 1), attachment: () => void (rows += 1) });
  if (!delivered.ok) throw new Error(delivered.code);
  const seconds = (performance.now() - started) / 1000;
  return { seconds, verifySeconds, startRss, peakRss: peak(), maxRss: process.resourceUsage().maxRSS * 1024, fileBytes: (await stat(path)).size, rows };
}

function runChild(phase: 'seal' | 'unseal', dir: string, photos: number): PhaseFigures {
  const self = fileURLToPath(import.meta.url);
  const run = spawnSync(process.execPath, ['--import', 'tsx', self, phase, dir, String(photos)], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${phase} child failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as PhaseFigures;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'langso-seal-bench-'));
  try {
    const lead = await generateLeadKeys();
    const locked = await lockLeadKeys(lead, PASSPHRASE);
    if (!locked.ok) throw new Error(locked.code);
    await writeLeadKeyFile(join(dir, 'lead-key.json'), locked.value.keyFile);
    await writeLeadPublicKeys(join(dir, 'lead-public.json'), lead.publicKeys);
    const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
    const device = { publicJwk: await exportPublicJwk(pair.publicKey), privateJwk: await crypto.subtle.exportKey('jwk', pair.privateKey) };
    await writeFile(join(dir, 'device.json'), JSON.stringify(device), { mode: 0o600 });

    for (const scenario of SCENARIOS) {
      const input = RECORDS + scenario.photos;
      console.log(`\n${RECORDS.toLocaleString('en')} records + ${scenario.photos} photos × 150 KB random (${scenario.name}), 1 MiB chunks`);
      const s = runChild('seal', dir, scenario.photos);
      console.log(
        `  seal    ${s.seconds.toFixed(2)} s (${(s.fileBytes / MB / s.seconds).toFixed(0)} MB/s; making the input alone ${s.makeInputSeconds?.toFixed(2)} s)` +
          `  peak RSS ${mb(s.peakRss)} (start ${mb(s.startRss)}, +${mb(s.peakRss - s.startRss)}), maxRSS ${mb(s.maxRss)}` +
          `  → file ${mb(s.fileBytes)}, ${s.chunks} chunks`,
      );
      const u = runChild('unseal', dir, scenario.photos);
      console.log(
        `  unseal  ${u.seconds.toFixed(2)} s = verify ${u.verifySeconds?.toFixed(2)} s + deliver ${(u.seconds - (u.verifySeconds ?? 0)).toFixed(2)} s` +
          ` (${(u.fileBytes / MB / u.seconds).toFixed(0)} MB/s)  peak RSS ${mb(u.peakRss)} (start ${mb(u.startRss)}, +${mb(u.peakRss - u.startRss)}), maxRSS ${mb(u.maxRss)}` +
          `  → ${u.rows} of ${input} rows delivered`,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const [phase, dir, photos] = process.argv.slice(2);
if (phase === 'seal' && dir) console.log(JSON.stringify(await sealPhase(dir, Number(photos))));
else if (phase === 'unseal' && dir) console.log(JSON.stringify(await unsealPhase(dir)));
else await main();
