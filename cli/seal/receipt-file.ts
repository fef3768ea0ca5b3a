import type { ReceiptFile } from '../../shared/seal/receipts.ts';
import { writeJsonFile } from './json-file.ts';

/**
 * Writes a signed receipt file (`langso receipts export`) for the volunteer to carry back to the
 * phone; the phone checks it with `verifyReceiptFile`. Replaces an older file of the same name.
 */
export async function writeReceiptFile(path: string, file: ReceiptFile): Promise<void> {
  await writeJsonFile(path, file);
}
