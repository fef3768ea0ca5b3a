import type Database from 'better-sqlite3';
import { isCliMessageCode, t, type Lang } from '../i18n/index.ts';
import { renderRecordCard } from './record-card.ts';
import { RECORD_COLUMNS, type RecordRow } from '../workspace/record-row.ts';
import { createReviewActions } from './review-actions.ts';
import { createReviewItems, pendingRecords } from './review-items.ts';

export interface InteractiveReviewIo {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  readonly lang: Lang;
  readonly color: boolean;
}

export interface InteractiveReviewResult {
  readonly approved: number;
  readonly rejected: number;
  readonly skipped: number;
  /** The lead quit (or pressed Ctrl-C) before the end; every decision so far is saved. */
  readonly stopped: boolean;
}

type Choice = 'approve' | 'reject' | 'skip' | 'quit';

/**
 * One pending record at a time: its card (issues, possible duplicates beside it), then approve /
 * reject with a reason / skip / quit. Each decision is its own transaction, so quitting or a
 * Ctrl-C keeps what was decided.
 */
export async function runInteractiveReview(
  db: Database.Database,
  io: InteractiveReviewIo,
  now: () => string,
): Promise<InteractiveReviewResult> {
  // The prompt library loads only for this interactive flow, not on every `langso` start.
  const { input, select } = await import('@inquirer/prompts');
  const { lang } = io;
  const ids = pendingRecords(db).map((row) => row.id);
  const reread = db.prepare(`SELECT ${RECORD_COLUMNS} FROM records WHERE id = ?`);
  const itemOf = createReviewItems(db, lang);
  const actions = createReviewActions(db, now);
  const context = { input: io.input, output: io.output };
  const result = { approved: 0, rejected: 0, skipped: 0, stopped: false };

  for (const [index, id] of ids.entries()) {
    const row = reread.get(id) as RecordRow | undefined;
    if (row?.review_state !== 'pending') continue;
    const item = itemOf(row);
    io.output.write(`\n[${index + 1}/${ids.length}] ${renderRecordCard(lang, item, io.color)}`);
    const blocked = item.valid ? undefined : t(lang, 'LEAD_REVIEW_BLOCKED_INVALID');
    let choice: Choice;
    try {
      choice = await select<Choice>(
        {
          message: t(lang, 'LEAD_REVIEW_ASK'),
          choices: [
            { value: 'approve', name: t(lang, 'LEAD_REVIEW_APPROVE'), ...(blocked === undefined ? {} : { disabled: blocked }) },
            { value: 'reject', name: t(lang, 'LEAD_REVIEW_REJECT') },
            { value: 'skip', name: t(lang, 'LEAD_REVIEW_SKIP') },
            { value: 'quit', name: t(lang, 'LEAD_REVIEW_QUIT') },
          ],
          default: blocked === undefined ? 'approve' : 'skip',
          theme: { style: { keysHelpTip: (keys: [string, string][]) => keysHelp(lang, keys) } },
        },
        context,
      );
      if (choice === 'reject') {
        const reason = await input({ message: t(lang, 'LEAD_REVIEW_REASON'), required: true }, context);
        const outcome = actions.reject(row, reason.trim());
        if (outcome.done) result.rejected += 1;
        else io.output.write(`${t(lang, outcome.refusal.code, outcome.refusal.params)}\n`);
        continue;
      }
    } catch (error) {
      if (error instanceof Error && error.name === 'ExitPromptError') return { ...result, stopped: true };
      throw error;
    }
    if (choice === 'quit') return { ...result, stopped: true };
    if (choice === 'skip') {
      result.skipped += 1;
      continue;
    }
    const outcome = actions.approve(row);
    if (outcome.done) result.approved += 1;
    else io.output.write(`${t(lang, outcome.refusal.code, outcome.refusal.params)}\n`);
  }
  return result;
}

/** The prompt's key hints ("↑↓ navigate • ⏎ select") in the lead's language. */
function keysHelp(lang: Lang, keys: readonly [string, string][]): string {
  return keys
    .map(([key, action]) => {
      const code = `LEAD_KEY.${action}`;
      return `${key} ${isCliMessageCode(code) ? t(lang, code) : action}`;
    })
    .join(' • ');
}
