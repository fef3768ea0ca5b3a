import type Database from 'better-sqlite3';
import { EXIT } from '../exit-codes.ts';
import { UserError } from '../user-error.ts';
import type { FileImport } from './import-file.ts';
import type { ImportSettings } from './import-settings.ts';

/**
 * Sealed batch files from phones (issue #6). The seam: unseal with the lead's private key (the
 * shared/seal reader verifies the device signature, the team, every hash, and refuses a damaged
 * file whole), then hand its manifest's device id, its records and its attachments to
 * `importWireRecords` (import-wire-records.ts), which stores them in one transaction keyed by
 * (record id, rev): a replayed file changes nothing. Until the reader is wired in, a sealed file
 * is refused with its own code and nothing is written.
 */
export async function importSealedBatch(_db: Database.Database, path: string, _settings: ImportSettings): Promise<FileImport> {
  throw new UserError('LEAD_IMPORT_SEALED_PENDING', { path }, EXIT.usage);
}
