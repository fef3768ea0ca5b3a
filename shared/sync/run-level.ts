import type { PermanentFailure } from './transport.ts';
import type { RunStop } from './run-stop.ts';

/** Permanent answers no record can cause: splitting a batch or quarantining would not help. */
const RUN_LEVEL_CODES: ReadonlySet<string> = new Set([
  'BAD_RESPONSE',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'PROTOCOL_VERSION',
  'IDEMPOTENCY_KEY_MISSING',
]);

/**
 * A wrong base URL (404/405), a server on another protocol version or one that answers
 * nonsense would otherwise get every record quarantined one by one. Such an answer ends the run
 * as `failed`, with every record kept.
 */
export function runLevelStop(failure: PermanentFailure): RunStop | undefined {
  if (failure.status !== 404 && failure.status !== 405 && !RUN_LEVEL_CODES.has(failure.code)) return undefined;
  return { status: 'failed', problem: { code: failure.code, message: failure.message, status: failure.status } };
}
