import type { CliMessageCode, Lang, Params } from '../i18n/index.ts';
import type { PullReport } from '../../shared/sync/pull-updates.ts';
import type { SyncReport } from '../../shared/sync/sync-report.ts';
import { EXIT, type ExitCode } from '../program/exit-codes.ts';
import { problemText } from './reason-text.ts';

/** How a command ended: its exit code and the one line that says why. */
export interface Outcome {
  readonly exitCode: ExitCode;
  readonly code: CliMessageCode;
  readonly params: Params;
}

/**
 * `langso sync`'s verdict (non-zero whenever anything is left unsent, saying why):
 * 0 only when nothing is left at all; 1 when records are left for reasons of their own
 * (quarantined, unreceipted, or a Ctrl+C); 3 when the network or the server stopped the run.
 */
export function syncOutcome(lang: Lang, server: string, report: SyncReport): Outcome {
  const left = (report.remaining ?? 0) + (report.quarantinedTotal ?? 0);
  const reason = problemText(lang, report.problem);
  const base = { server, count: left, reason, status: report.problem?.status ?? '' };
  switch (report.status) {
    case 'complete':
      return (report.quarantinedTotal ?? 0) === 0
        ? { exitCode: EXIT.ok, code: 'SYNC_CLI_DONE', params: {} }
        : { exitCode: EXIT.problems, code: 'SYNC_CLI_LEFT_QUARANTINED', params: { count: report.quarantinedTotal ?? 0 } };
    case 'partial':
      return { exitCode: EXIT.problems, code: 'SYNC_CLI_LEFT_PARTIAL', params: { count: report.remaining ?? 0 } };
    case 'aborted':
      return { exitCode: EXIT.problems, code: 'SYNC_CLI_INTERRUPTED', params: base };
    case 'offline':
      return { exitCode: EXIT.network, code: 'SYNC_CLI_OFFLINE', params: base };
    case 'server-unavailable':
      return { exitCode: EXIT.network, code: 'SYNC_CLI_UNAVAILABLE', params: base };
    case 'auth-required':
      return { exitCode: EXIT.network, code: 'SYNC_CLI_AUTH', params: base };
    case 'failed':
      // Local storage failing is this laptop's problem; anything else is the server breaking the protocol.
      return { exitCode: report.problem?.code === 'STORAGE_ERROR' ? EXIT.problems : EXIT.network, code: 'SYNC_CLI_FAILED', params: base };
  }
}

/** `langso updates`'s verdict: 0 when every page arrived, else the same classes as sync. */
export function pullOutcome(lang: Lang, server: string, report: PullReport): Outcome {
  const params = { server, reason: problemText(lang, report.problem), status: report.problem?.status ?? '' };
  switch (report.status) {
    case 'complete':
      // Printed only when nothing came; otherwise the list of changes says it.
      return { exitCode: EXIT.ok, code: 'UPDATES_CLI_NONE', params: {} };
    case 'aborted':
      return { exitCode: EXIT.problems, code: 'UPDATES_CLI_INTERRUPTED', params };
    case 'auth-required':
      return { exitCode: EXIT.network, code: 'UPDATES_CLI_AUTH', params };
    case 'failed':
      return { exitCode: report.problem?.code === 'STORAGE_ERROR' ? EXIT.problems : EXIT.network, code: 'UPDATES_CLI_STOPPED', params };
    case 'offline':
    case 'server-unavailable':
      return { exitCode: EXIT.network, code: 'UPDATES_CLI_STOPPED', params };
  }
}
