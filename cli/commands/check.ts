import type { Command } from 'commander';
import { t } from '../i18n/index.ts';
import { todayInHoChiMinh } from '../../shared/validate/dates.ts';
import { formatIssue } from '../../shared/validate/format-issue.ts';
import { formerCommuneHint } from '../../shared/validate/former-commune-hint.ts';
import { createResidentListChecker, type ResidentListCheck } from '../../shared/validate/resident-list.ts';
import type { CliContext } from '../program/context.ts';
import { EXIT } from '../program/exit-codes.ts';
import { forEachResidentRow } from '../input/read-residents.ts';
import { paint } from '../output/color.ts';
import { writeJson } from '../output/json.ts';
import { runAction, type ExitSink } from '../program/program.ts';

interface CheckFlags {
  readonly json?: boolean;
}

/** One problem of the `--json` report; `index` is the 0-based record, `line` its CSV line. */
export interface CheckIssueJson {
  readonly index: number;
  readonly line?: number;
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

export interface CheckReportJson {
  readonly records: number;
  readonly valid: number;
  readonly issues: readonly CheckIssueJson[];
}

/**
 * `langso check FILE [--json]`: validates residents of a CSV or JSON file without storing
 * anything. Exit 0 all valid, 1 problems found, 2 file missing, unreadable or unparseable.
 */
export function registerCheckCommand(program: Command, ctx: CliContext, exit: ExitSink): void {
  program
    .command('check')
    .description(t(ctx.lang, 'CHECK_HELP'))
    .argument('<file>', t(ctx.lang, 'CHECK_HELP_ARG_FILE'))
    .option('--json', t(ctx.lang, 'CHECK_HELP_FLAG_JSON'))
    .addHelpText('after', t(ctx.lang, 'CHECK_HELP_NOTES'))
    .action(runAction(exit, (file: string, flags: CheckFlags) => checkCommand(ctx, file, flags)));
}

async function checkCommand(ctx: CliContext, path: string, flags: CheckFlags): Promise<number> {
  const checker = createResidentListChecker({ today: todayInHoChiMinh(new Date()), formerCommunes: formerCommuneHint });
  // The CSV line of each record, for the report (JSON records have none).
  const lines: number[] = [];
  await forEachResidentRow(path, (row) => {
    checker.add(row.input);
    if (row.line !== undefined) lines.push(row.line);
  });
  const result = checker.finish();
  if (flags.json) writeJson(ctx.stdout, toJsonReport(ctx, lines, result));
  else ctx.stdout.write(humanReport(ctx, path, lines, result));
  return result.issues.length === 0 ? EXIT.ok : EXIT.problems;
}

function toJsonReport(ctx: CliContext, lines: readonly number[], result: ResidentListCheck): CheckReportJson {
  return {
    records: result.records,
    valid: result.valid,
    issues: result.issues.map(({ index, issue }) => {
      const line = lines[index];
      return {
        index,
        ...(line === undefined ? {} : { line }),
        field: issue.field,
        code: issue.code,
        message: formatIssue(ctx.lang, issue),
      };
    }),
  };
}

function humanReport(ctx: CliContext, path: string, lines: readonly number[], result: ResidentListCheck): string {
  const out: string[] = [];
  for (const { index, issue } of result.issues) {
    const line = lines[index];
    const message = formatIssue(ctx.lang, issue);
    const params = { record: index + 1, field: issue.field, message };
    out.push(
      line === undefined ? t(ctx.lang, 'CHECK_ISSUE', params) : t(ctx.lang, 'CHECK_ISSUE_LINE', { ...params, line }),
    );
  }
  const invalid = result.records - result.valid;
  const summary =
    result.issues.length === 0
      ? paint(ctx.color, 'green', t(ctx.lang, 'CHECK_ALL_VALID', { path, records: result.records }))
      : paint(
          ctx.color,
          'red',
          t(ctx.lang, 'CHECK_SUMMARY', {
            path,
            records: result.records,
            valid: result.valid,
            invalid,
            issues: result.issues.length,
          }),
        );
  out.push(summary);
  return `${out.join('\n')}\n`;
}
