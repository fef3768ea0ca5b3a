import type { Command } from 'commander';
import { t } from '../i18n/index.ts';
import { systemIds } from '../../shared/sync/ids.ts';
import { todayInHoChiMinh } from '../../shared/validate/dates.ts';
import type { CliContext } from '../program/context.ts';
import { EXIT, type ExitCode } from '../program/exit-codes.ts';
import { isoNow, workspaceFlag } from '../program/command-options.ts';
import { requireConfig } from '../workspace/config.ts';
import { describeIssue } from '../review/describe-issue.ts';
import { importFile, type FileImport } from '../intake/import-file.ts';
import { unlockWorkspaceLeadKeys } from '../keys/lead-keys.ts';
import { readPassphrase } from '../keys/passphrase.ts';
import { once } from '../intake/sealed-import-context.ts';
import { withWorkspace } from '../workspace/workspace-db.ts';
import { writeJson } from '../output/json.ts';
import { createProgress, isTty } from '../output/progress.ts';
import { formatVietnamTime } from '../output/time.ts';
import { runAction, type Register } from '../program/program.ts';
import { isUserError } from '../program/user-error.ts';

interface ImportFlags {
  readonly json?: boolean;
  readonly volunteer?: string;
  readonly passphraseFile?: string;
}

/** Below this many rows an import is quick enough that progress lines would only be noise in a log. */
const PROGRESS_LINES_FROM = 10_000;

/** Problems printed per file in human output; `--json` always has them all. */
const PROBLEMS_SHOWN = 50;

export const registerImportCommand: Register = (program, ctx, exit) => {
  program
    .command('import')
    .description(t(ctx.lang, 'LEAD_HELP_IMPORT'))
    .argument('<file...>', t(ctx.lang, 'LEAD_HELP_ARG_FILES'))
    .option('--volunteer <name>', t(ctx.lang, 'LEAD_HELP_FLAG_VOLUNTEER'))
    .option('--passphrase-file <file>', t(ctx.lang, 'LEAD_HELP_FLAG_PASSPHRASE_FILE'))
    .option('--json', t(ctx.lang, 'LEAD_HELP_FLAG_JSON'))
    .addHelpText('after', t(ctx.lang, 'LEAD_HELP_IMPORT_EXAMPLE'))
    .action(
      runAction(exit, async (files: string[], flags: ImportFlags, command: Command) =>
        withWorkspace({ workspace: workspaceFlag(command), env: ctx.env }, async ({ dir, db }) => {
          const config = requireConfig(db, dir);
          const volunteer = flags.volunteer?.normalize('NFC').trim();
          const settings = {
            volunteer: volunteer === '' ? undefined : volunteer,
            deviceId: config.enrolment?.deviceId ?? 'lead',
            today: todayInHoChiMinh(new Date()),
            now: isoNow,
            ids: systemIds,
            // On a TTY one redrawn line; in a log, lines only for files long enough to need them.
            progress: (total: number) =>
              createProgress(ctx.stderr, {
                label: t(ctx.lang, 'LEAD_IMPORT_PROGRESS'),
                total: isTty(ctx.stderr) || total >= PROGRESS_LINES_FROM ? total : 0,
                tty: isTty(ctx.stderr),
              }),
            // `.langso` files: the passphrase is asked when the first one comes, not before.
            sealed: {
              workspaceDir: dir,
              leadKeys: once(async () =>
                unlockWorkspaceLeadKeys(
                  dir,
                  await readPassphrase({ file: flags.passphraseFile, env: ctx.env, lang: ctx.lang, create: false, output: ctx.stderr }),
                ),
              ),
            },
          };
          const done: FileImport[] = [];
          const failed: { file: string; code: string; message: string }[] = [];
          let code: ExitCode = EXIT.ok;
          // One file at a time, each in its own transaction: a broken file leaves the others imported.
          for (const file of files) {
            try {
              const result = await importFile(db, file, settings);
              done.push(result);
              if (result.invalid > 0 && code === EXIT.ok) code = EXIT.problems;
              if (!flags.json) printFile(ctx, result);
            } catch (error) {
              if (!isUserError(error)) throw error;
              const message = t(ctx.lang, error.code, error.params);
              failed.push({ file, code: error.code, message });
              ctx.stderr.write(`${message}\n`);
              code = EXIT.usage;
            }
          }
          if (flags.json) writeJson(ctx.stdout, { files: done.map((r) => jsonOf(ctx, r)), failed });
          return code;
        }),
      ),
    );
};

function jsonOf(ctx: CliContext, result: FileImport): unknown {
  const { problems, importId, sealed, ...counts } = result;
  return {
    ...counts,
    importId,
    ...(sealed ? { sealed: { ...sealed, ...(sealed.replayed ? replayNotice(ctx, sealed.fileId) : {}) } } : {}),
    problems: problems.map((p) => ({
      index: p.index,
      record: p.index + 1,
      line: p.line ?? null,
      field: p.field,
      code: p.code,
      message: describeIssue(ctx.lang, p),
    })),
  };
}

/** A `.langso` file imported before: not an error, nothing written (exit 0). */
function replayNotice(ctx: CliContext, fileId: string): { code: string; message: string } {
  return { code: 'SEAL_REPLAYED', message: t(ctx.lang, 'SEAL_REPLAYED', { fileId }) };
}

function printFile(ctx: CliContext, result: FileImport): void {
  const { lang } = ctx;
  if (result.sealed?.replayed) {
    ctx.stdout.write(`${result.file}: ${replayNotice(ctx, result.sealed.fileId).message}\n`);
    return;
  }
  ctx.stdout.write(
    `${t(lang, 'LEAD_IMPORT_SUMMARY', {
      path: result.file,
      records: result.records,
      new: result.new,
      changed: result.changed,
      unchanged: result.unchanged,
      duplicate: result.duplicate,
      possible: result.possibleDuplicate,
      invalid: result.invalid,
    })}\n`,
  );
  for (const problem of result.problems.slice(0, PROBLEMS_SHOWN)) {
    const where =
      problem.line === undefined
        ? t(lang, 'LEAD_AT_RECORD', { record: problem.index + 1 })
        : t(lang, 'LEAD_AT_LINE', { record: problem.index + 1, line: problem.line });
    ctx.stdout.write(`  ${where}: ${describeIssue(lang, problem)}\n`);
  }
  const hidden = result.problems.length - PROBLEMS_SHOWN;
  if (hidden > 0) ctx.stdout.write(`  ${t(lang, 'LEAD_MORE_PROBLEMS', { count: hidden })}\n`);
  if (result.sealed) {
    const { sealed } = result;
    ctx.stdout.write(
      `  ${t(lang, 'LEAD_SEALED_FROM', {
        fileId: sealed.fileId,
        device: sealed.deviceName === null ? sealed.deviceId : `${sealed.deviceName} (${sealed.deviceId})`,
        deviceId: sealed.deviceId,
        fingerprint: sealed.fingerprint,
        createdAt: formatVietnamTime(sealed.createdAt),
        attachments: sealed.attachments,
      })}\n`,
    );
  }
}
