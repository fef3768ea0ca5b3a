import { open } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type Database from 'better-sqlite3';
import { MAGIC } from '../../shared/seal/format.ts';
import { readResidentFile } from '../input/read-residents.ts';
import { EXIT } from '../program/exit-codes.ts';
import { UserError } from '../program/user-error.ts';
import { importResidentRows, type ImportResult } from './import-residents.ts';
import type { ImportSettings } from './import-settings.ts';
import { importSealedBatch } from './import-sealed.ts';
import type { SealedImportFacts } from './sealed-import-context.ts';

/** What kind of file the lead gave: a sealed batch from a phone, or a plain JSON/CSV resident list. */
export type ImportKind = 'sealed' | 'json' | 'csv';

export interface FileImport extends ImportResult {
  readonly file: string;
  readonly kind: ImportKind;
  readonly source: string;
  /** For a `.langso` file: which file and phone it was, and whether it was seen before. */
  readonly sealed?: SealedImportFacts;
}

/** One importer per kind of file; each validates everything and writes in one transaction. */
type Importer = (db: Database.Database, path: string, settings: ImportSettings) => Promise<FileImport>;

const importPlainList: Importer = async (db, path, settings) => {
  const { format, rows } = await readResidentFile(path);
  const source = settings.volunteer ?? basename(path);
  const progress = settings.progress(rows.length);
  try {
    const result = importResidentRows(db, rows, {
      file: { name: basename(path), kind: format },
      source,
      deviceId: settings.deviceId,
      today: settings.today,
      now: settings.now,
      ids: settings.ids,
      onProgress: (done) => progress.update(done),
    });
    return { ...result, file: path, kind: format, source };
  } finally {
    progress.finish();
  }
};

const IMPORTERS: Readonly<Record<'sealed' | 'plain', Importer>> = {
  sealed: importSealedBatch,
  plain: importPlainList,
};

/** Picks the importer by the file's first bytes (a sealed file starts with its magic), then its name. */
export async function importFile(db: Database.Database, path: string, settings: ImportSettings): Promise<FileImport> {
  const sealed = extname(path).toLowerCase() === '.langso' || (await startsWith(path, MAGIC));
  return IMPORTERS[sealed ? 'sealed' : 'plain'](db, path, settings);
}

async function startsWith(path: string, magic: Uint8Array): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'ENOENT') throw new UserError('FILE_NOT_FOUND', { path }, EXIT.usage, { cause: error });
    throw new UserError('FILE_UNREADABLE', { path, reason: code ?? String(error) }, EXIT.usage, { cause: error });
  }
  try {
    const head = new Uint8Array(magic.length);
    const { bytesRead } = await handle.read(head, 0, magic.length, 0);
    return bytesRead === magic.length && head.every((byte, i) => byte === magic[i]);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    throw new UserError('FILE_UNREADABLE', { path, reason: code === 'EISDIR' ? 'is a directory' : (code ?? String(error)) }, EXIT.usage, {
      cause: error,
    });
  } finally {
    await handle.close();
  }
}
