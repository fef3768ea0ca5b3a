import type { LeadKeys } from '../../shared/seal/keys.ts';

/** What `langso import` gives the sealed-file importer beyond the common settings. */
export interface SealedImportContext {
  /** The workspace: its key file, its hub's store (the enrolled phones) and its temp folder. */
  readonly workspaceDir: string;
  /** The lead's unlocked keys; the passphrase is asked on the first sealed file only. */
  readonly leadKeys: () => Promise<LeadKeys>;
}

/** What the lead is told about a sealed file besides the counts (also in `--json`). */
export interface SealedImportFacts {
  readonly fileId: string;
  readonly deviceId: string;
  /** The name the phone gave at enrolment, if any. */
  readonly deviceName: string | null;
  /** The short fingerprint of the device's signing key, as the phone shows it. */
  readonly fingerprint: string;
  readonly createdAt: string;
  readonly attachments: number;
  /** The file was imported before: nothing was written (SEAL_REPLAYED). */
  readonly replayed: boolean;
}

/** Runs `make` once, on first call; a failure is not kept, so a mistyped passphrase can be retried. */
export function once<T>(make: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= make().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}
