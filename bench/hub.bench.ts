/**
 * The hub's figure: `langso hub` (a real child process over the lead's workspace)
 * with 50 simulated phones × 1,000 records each, syncing at once. Each phone is what the PWA
 * runs: its own outbox (memory here), the shared engine, the HTTP transport with gzip over
 * fetch; its records are synthetic residents as volunteers capture them, valid, each with its
 * household's consent. Printed with the goals: every record receipted, no SQLITE_BUSY, the p95
 * latency of a batch (each postBatch timed, retries included), total time and records/s; then
 * how long the hub took to hand everything to the lead's review queue.
 *
 *   node --import tsx bench/hub.bench.ts [PHONES] [RECORDS_PER_PHONE]
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { createSyncEngine } from '../shared/sync/engine.ts';
import { createHttpTransport } from '../shared/sync/http-transport.ts';
import { systemIds } from '../shared/sync/ids.ts';
import { createMemoryOutboxStore, type MemoryOutboxStore } from '../shared/sync/memory-outbox-store.ts';
import { toOutboxEntry } from '../shared/sync/outbox-entry.ts';
import type { WireRecord } from '../shared/sync/protocol.ts';
import { sleep } from '../shared/sync/sleep.ts';
import type { SyncReport } from '../shared/sync/sync-report.ts';
import type { Transport } from '../shared/sync/transport.ts';
import { seededRandom } from '../test/helpers/fault-proxy.ts';
import { processCpuSeconds } from '../test/helpers/sandbox-process.ts';
import { residentRecords } from '../test/helpers/resident-records.ts';
import { gzipBytes, nodeFetch } from '../test/helpers/sync-client.ts';

const PHONES = Number(process.argv[2] ?? 50);
const PER_PHONE = Number(process.argv[3] ?? 1_000);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'langso.js');
const env = { ...process.env, LANG: 'en_US.UTF-8', NO_COLOR: '1', LANGSO_PASSPHRASE: process.env['LANGSO_PASSPHRASE'] ?? 'bench-passphrase' };
const BUSY = /SQLITE_BUSY|SQLITE_LOCKED|database is locked/i;

interface Phone {
  readonly records: readonly WireRecord[];
  readonly store: MemoryOutboxStore;
  readonly sync: () => Promise<SyncReport>;
}

interface HubChild {
  readonly url: string;
  readonly codes: readonly string[];
  /** CPU seconds (user + system) the hub used so far; undefined without Linux /proc. */
  cpuSeconds(): number | undefined;
  stderr(): string;
  stop(): Promise<void>;
}

async function startHub(workspace: string, codes: number): Promise<HubChild> {
  const child = spawn(process.execPath, [bin, '--workspace', workspace, 'hub', '--port', '0', '--json', '--codes', String(codes)], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const first = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`hub exited with ${code}\n${stderr}`)));
  });
  const ready = JSON.parse(first) as { url: string; codes: string[] };
  return {
    url: ready.url,
    codes: ready.codes,
    cpuSeconds: () => processCpuSeconds(child.pid),
    stderr: () => stderr,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}


async function enrol(url: string, code: string, name: string): Promise<{ deviceId: string; token: string }> {
  const res = await fetch(`${url}/v1/devices`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceName: name }),
  });
  if (res.status !== 201) throw new Error(`enrolment failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { deviceId: string; token: string };
}

/** Times every POST /v1/batches the engine makes (each try is one sample). */
function timedTransport(inner: Transport, samples: number[], statuses: Map<string, number>): Transport {
  return {
    ...inner,
    async postBatch(request, key, signal) {
      const started = performance.now();
      const result = await inner.postBatch(request, key, signal);
      samples.push(performance.now() - started);
      const outcome = result.ok ? 'ok' : `${result.class}${result.status === undefined ? '' : ` ${result.status}`}`;
      statuses.set(outcome, (statuses.get(outcome) ?? 0) + 1);
      return result;
    },
  };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const n = (value: number, digits = 0): string => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const verdict = (ok: boolean): string => (ok ? 'reached' : 'MISSED');

const dir = mkdtempSync(join(tmpdir(), 'langso-hub-bench-'));
const workspace = join(dir, 'ws');
let hub: HubChild | undefined;
try {
  const init = spawnSync(process.execPath, [bin, '--workspace', workspace, 'init', '--team', 'Tổ đo hiệu năng', '--commune', '31843'], { cwd: root, env, encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`langso init failed: ${init.stderr}`);
  hub = await startHub(workspace, PHONES);

  const samples: number[] = [];
  const statuses = new Map<string, number>();
  const retries = new Map<string, number>();
  const phones: Phone[] = [];
  for (let i = 0; i < PHONES; i += 1) {
    const device = await enrol(hub.url, hub.codes[i] ?? '', `Điện thoại tình nguyện viên ${i + 1}`);
    // One commune per seed, so the team's 50 volunteers cover a few communes, as a real team does.
    const records = residentRecords({ count: PER_PHONE, seed: 1_000 + i });
    const store = createMemoryOutboxStore();
    for (const record of records) store.enqueue(toOutboxEntry(record, record.createdAt));
    const transport = createHttpTransport({ baseUrl: hub.url, token: device.token, fetch: nodeFetch(), gzip: gzipBytes, timeoutMs: 120_000 });
    const engine = createSyncEngine({
      store,
      transport: timedTransport(transport, samples, statuses),
      deviceId: device.deviceId,
      clock: Date.now,
      random: seededRandom(i + 1),
      ids: systemIds,
      sleep,
      onProgress: (event) => {
        if (event.kind === 'waiting') {
          const cause = `${event.cause}${event.status === undefined ? '' : ` ${event.status}`}`;
          retries.set(cause, (retries.get(cause) ?? 0) + 1);
        }
      },
    });
    phones.push({ records, store, sync: () => engine.sync() });
  }
  const total = PHONES * PER_PHONE;
  console.log(`${PHONES} phones × ${n(PER_PHONE)} records = ${n(total)} residents with consent; machine: ${availableParallelism()} cores, load ${loadavg().map((l) => n(l, 1)).join(' ')}`);

  const hubCpuBefore = hub.cpuSeconds();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const reports = await Promise.all(
    phones.map(async (phone) => {
      const runs: SyncReport[] = [];
      for (let round = 0; round < 5 && runs.at(-1)?.status !== 'complete'; round += 1) runs.push(await phone.sync());
      return runs;
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const phonesCpu = process.cpuUsage(cpuBefore);

  let receipted = 0;
  const receiptCodes = new Map<string, number>();
  for (const phone of phones) {
    for (const record of phone.records) {
      const receipt = await phone.store.receiptFor(record.id);
      if (receipt?.status === 'accepted' || receipt?.status === 'duplicate') receipted += 1;
      const key = receipt === undefined ? 'none' : `${receipt.status}${receipt.code ? ` ${receipt.code}` : ''}`;
      receiptCodes.set(key, (receiptCodes.get(key) ?? 0) + 1);
    }
  }
  const notComplete = reports.filter((runs) => runs.at(-1)?.status !== 'complete').length;
  const problems = reports.flatMap((runs) => runs.flatMap((r) => (r.problem ? [`${r.status} ${r.problem.code} ${r.problem.message ?? ''}`] : [])));
  const busyInReceipts = [...receiptCodes.keys()].filter((k) => BUSY.test(k)).length + problems.filter((p) => BUSY.test(p)).length;
  const sorted = [...samples].sort((a, b) => a - b);

  // The hub hands what it accepted to the lead's review queue just after each commit.
  const leadFile = join(workspace, 'langso.db');
  const countLead = (): number => {
    const db = new Database(leadFile, { readonly: true, fileMustExist: true });
    try {
      return Number(db.prepare('SELECT count(*) FROM records').pluck().get());
    } finally {
      db.close();
    }
  };
  let inReview = countLead();
  const waitUntil = performance.now() + 120_000;
  while (inReview < total && performance.now() < waitUntil) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    inReview = countLead();
  }
  const reviewSeconds = (performance.now() - started) / 1000;
  const hubCpuAfter = hub.cpuSeconds();
  await hub.stop();
  const busyInLog = (hub.stderr().match(new RegExp(BUSY.source, 'gi')) ?? []).length;

  console.log(`every record receipted: ${n(receipted)} of ${n(total)} (${[...receiptCodes].map(([k, v]) => `${k} ${n(v)}`).join(', ')}) — goal all: ${verdict(receipted === total)}`);
  console.log(`SQLITE_BUSY: ${busyInLog} in the hub's log, ${busyInReceipts} in receipts and run reports — goal none: ${verdict(busyInLog + busyInReceipts === 0)}`);
  console.log(
    `batch latency (POST /v1/batches, ${n(samples.length)} requests): p50 ${n(percentile(sorted, 50))} ms, p95 ${n(percentile(sorted, 95))} ms, max ${n(sorted.at(-1) ?? Number.NaN)} ms — goal: printed`,
  );
  console.log(`answers: ${[...statuses].map(([k, v]) => `${k} ${v}`).join(', ')}; retries: ${retries.size === 0 ? 'none' : [...retries].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`total: ${n(total)} records from ${PHONES} phones at once in ${n(seconds, 2)} s = ${n(total / seconds)} records/s; runs not complete: ${notComplete}`);
  console.log(`in the lead's review queue: ${n(inReview)} of ${n(total)} after ${n(reviewSeconds, 2)} s from the start`);
  const hubCpu = hubCpuBefore === undefined || hubCpuAfter === undefined ? '?' : n(hubCpuAfter - hubCpuBefore, 1);
  console.log(
    `CPU: the hub ${hubCpu} s (batches and the hand-off to review, one thread), the ${PHONES} phones ${n((phonesCpu.user + phonesCpu.system) / 1e6, 1)} s (this process: records, gzip, JSON)`,
  );
  if (problems.length > 0) console.log(`run problems: ${[...new Set(problems)].slice(0, 5).join(' | ')}`);
  process.exitCode = receipted === total && busyInLog + busyInReceipts === 0 ? 0 : 1;
} finally {
  await hub?.stop();
  rmSync(dir, { recursive: true, force: true });
}
