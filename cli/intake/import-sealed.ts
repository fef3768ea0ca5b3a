import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import type { CliMessageCode, Params } from '../i18n/index.ts';
import { shortFingerprint } from '../../shared/seal/jwk.ts';
import type { WireRecord } from '../../shared/sync/protocol.ts';
import { openSealedFile } from '../seal/sealed-file.ts';
import { EXIT } from '../program/exit-codes.ts';
import { UserError } from '../program/user-error.ts';
import { AttachmentSpill } from './attachment-spill.ts';
import { readHubTeam } from '../workspace/hub-devices.ts';
import type { FileImport } from './import-file.ts';
import type { ImportSettings } from './import-settings.ts';
import { isSealedFileImported } from './sealed-files.ts';
import type { SealedImportFacts } from './sealed-import-context.ts';
import { storeSealedBatch } from './store-sealed-batch.ts';

/**
 * `langso import FILE.langso`: verify everything, then write everything, or nothing.
 *
 * 1. The team and its phones come from the hub's store; the lead's key is unlocked.
 * 2. shared/seal reads the whole file once (`openSealedFile`): the device's signature, that the
 *    device is enrolled in this team with that key, and the hash of every record and attachment.
 *    Any failure — a wrong key, a cut or edited file, another team's file, a newer format — is
 *    thrown with its own code before a byte of the file is written anywhere.
 * 3. The file is read a second time (`deliver`): records are kept in memory, attachments spilled
 *    to the workspace's temp folder, so memory holds one photo at a time.
 * 4. One SQLite transaction stores attachments, records (through `importWireRecords`, the same
 *    checks as the hub path), the file's id and each record's receipt.
 * A file imported before is "nothing new": nothing written, exit 0.
 */
export async function importSealedBatch(db: Database.Database, path: string, settings: ImportSettings): Promise<FileImport> {
  const context = settings.sealed;
  if (!context) throw new Error('importSealedBatch: the command gave no sealed-import context');
  const team = await readHubTeam(context.workspaceDir);
  const lead = await context.leadKeys();
  const opened = await openSealedFile(path, { lead, teamId: team.teamId, devices: team.devices });
  if (!opened.ok) throw refused(opened);

  const { summary } = opened.value.file;
  const deviceName = team.names.get(summary.deviceId) ?? null;
  const facts = (replayed: boolean): SealedImportFacts => ({
    fileId: summary.fileId,
    deviceId: summary.deviceId,
    deviceName,
    fingerprint: shortFingerprint(summary.deviceKeyId),
    createdAt: summary.createdAt,
    attachments: summary.attachments.length,
    replayed,
  });
  const base = { file: path, kind: 'sealed' as const, source: deviceName ?? summary.deviceId };
  const nothingNew = (): FileImport => ({
    ...base,
    importId: null,
    records: summary.records.length,
    new: 0,
    changed: 0,
    unchanged: summary.records.length,
    duplicate: 0,
    possibleDuplicate: 0,
    invalid: 0,
    problems: [],
    sealed: facts(true),
  });
  if (isSealedFileImported(db, summary.fileId)) return nothingNew();

  const spill = await AttachmentSpill.create(context.workspaceDir, Date.parse(settings.now()));
  try {
    const records: WireRecord[] = [];
    const progress = settings.progress(summary.records.length);
    let delivered: Awaited<ReturnType<typeof opened.value.file.deliver>>;
    try {
      delivered = await opened.value.file.deliver({
        record: (record) => {
          records.push(record);
          progress.update(records.length);
        },
        attachment: (sha256, bytes) => spill.put(sha256, bytes),
      });
    } finally {
      progress.finish();
    }
    if (!delivered.ok) throw refused(delivered);
    const stored = storeSealedBatch(
      db,
      { summary, file: { name: basename(path), sha256: await fileSha256(path) }, records, attachments: spill },
      settings,
    );
    if (stored.replayed) return nothingNew();
    return { ...stored.result, ...base, sealed: facts(false) };
  } finally {
    await spill.dispose();
  }
}

function refused(failure: { readonly code: CliMessageCode; readonly params: Params }): UserError {
  return new UserError(failure.code, failure.params, EXIT.usage);
}

/** The file's SHA-256, streamed: what `imports.file_sha256` records for every kind of import. */
async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const piece of createReadStream(path) as AsyncIterable<Buffer>) hash.update(piece);
  return hash.digest('hex');
}
