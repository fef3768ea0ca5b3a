import { t, type Lang } from '../i18n/index.ts';
import type { SyncProgress } from '../../shared/sync/sync-report.ts';
import { paint } from '../output/color.ts';
import { reasonText } from './reason-text.ts';

export interface SyncProgressView {
  readonly onProgress: (event: SyncProgress) => void;
  /** Ends the display: the TTY line is cleared so the summary starts clean. */
  finish(): void;
}

export interface SyncProgressOptions {
  readonly lang: Lang;
  /** Records pending when the run started. */
  readonly total: number;
  /** A terminal: one bar redrawn in place with `\r`; otherwise plain lines for a log. */
  readonly tty: boolean;
  readonly color: boolean;
}

const BAR_WIDTH = 24;

/**
 * The progress of `langso sync`, on stderr so stdout stays the result: on a TTY a bar with
 * records receipted of the total, the batch and the retries, and the wait before a retry; in a
 * log one line per batch answered and per retry.
 */
export function createSyncProgress(stream: NodeJS.WritableStream, options: SyncProgressOptions): SyncProgressView {
  const { lang, total, tty, color } = options;
  let chunk = 0;
  let retries = 0;
  let receipted = { accepted: 0, duplicate: 0, quarantined: 0 };
  let engineQuarantines = 0;
  let drawn = false;
  const done = (): number => Math.min(total, receipted.accepted + receipted.duplicate + Math.max(receipted.quarantined, engineQuarantines));

  const draw = (waiting?: string): void => {
    const filled = total === 0 ? BAR_WIDTH : Math.round((done() * BAR_WIDTH) / total);
    const bar = paint(color, 'green', '█'.repeat(filled)) + paint(color, 'dim', '░'.repeat(BAR_WIDTH - filled));
    const text = t(lang, 'SYNC_CLI_PROGRESS_BAR', { done: done(), total, chunk, retries });
    const tail = waiting === undefined ? '' : ` · ${paint(color, 'yellow', waiting)}`;
    stream.write(`\r${bar} ${text}${tail}\u001b[K`);
    drawn = true;
  };

  return {
    onProgress(event) {
      switch (event.kind) {
        case 'chunk':
          return;
        case 'receipts':
          // Counted by answers, not by chunks started: two batches travel at once.
          chunk += 1;
          receipted = { accepted: event.accepted, duplicate: event.duplicate, quarantined: event.quarantined };
          if (tty) draw();
          else stream.write(`${t(lang, 'SYNC_CLI_PROGRESS_LINE', { chunk, done: done(), total, ...receipted })}\n`);
          return;
        case 'quarantined':
          engineQuarantines += 1;
          if (tty) draw();
          return;
        case 'waiting': {
          retries += 1;
          const seconds = (event.delayMs / 1000).toFixed(1);
          const http = event.status === undefined ? '' : `HTTP ${event.status} `;
          // The bar has room for the code only; a log line says it in words.
          if (tty) draw(t(lang, 'SYNC_CLI_PROGRESS_WAITING', { seconds, cause: `${http}${event.cause}` }));
          else {
            const cause = `${http}${reasonText(lang, event.cause)}`;
            stream.write(`${t(lang, 'SYNC_CLI_PROGRESS_RETRY', { attempt: event.attempt, cause, seconds })}\n`);
          }
          return;
        }
        case 'attachment':
          return;
      }
    },
    finish() {
      if (tty && drawn) stream.write('\r\u001b[K');
    },
  };
}
