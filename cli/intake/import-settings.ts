import type { Ids } from '../../shared/sync/ids.ts';
import type { Progress } from '../output/progress.ts';
import type { SealedImportContext } from './sealed-import-context.ts';

/** What every importer gets from the command: who, when, and how to show progress. */
export interface ImportSettings {
  /** `--volunteer NAME`: whose work a plain list is (else the file's name stands for it). */
  readonly volunteer?: string | undefined;
  /** The lead's own device id (after enrolment), stamped on records made from spreadsheets. */
  readonly deviceId: string;
  /** Today in Asia/Ho_Chi_Minh (ISO). */
  readonly today: string;
  readonly now: () => string;
  readonly ids: Ids;
  readonly progress: (total: number) => Progress;
  /** Keys and the hub's phones, for `.langso` files; absent where none can come. */
  readonly sealed?: SealedImportContext | undefined;
}
