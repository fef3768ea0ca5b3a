import { batchFileBlocker, type BatchFileBlocker } from '../seal/readiness.ts';
import { useSession } from '../session/session.ts';
import { useLive } from '../session/use-live.ts';

/**
 * Why this phone cannot seal a batch file (or read a receipt file) yet: null when it can,
 * undefined while reading. Read again whenever the key rows change (a sync may bring the lead's).
 */
export function useBatchFileBlocker(purpose: 'export' | 'receipts'): BatchFileBlocker | null | undefined {
  const { device, queries } = useSession();
  return useLive(async () => batchFileBlocker(device, await queries.batchKeys(), purpose) ?? null, [queries, device, purpose]);
}
