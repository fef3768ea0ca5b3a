import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { fixtureCommunes, retiredCommuneCodes } from '../../fixtures/generate/catalog-communes.ts';
import { parseGenerateFlags, type GenerateFlags, type RawGenerateFlags } from '../../fixtures/generate/flags.ts';
import { generateFixtures, type GeneratedFixtures } from '../../fixtures/generate/generate.ts';
import { labelsToJson, rowsToCsvCells, rowsToJson } from '../../fixtures/generate/serialise.ts';
import { CHECK_COLUMNS } from '../../fixtures/generate/fixture-row.ts';
import { findCommune } from '../../shared/catalog/communes.ts';
import { t } from '../i18n/index.ts';
import type { CliContext } from '../program/context.ts';
import { EXIT } from '../program/exit-codes.ts';
import { toCsv } from '../output/csv.ts';
import { runAction, type ExitSink } from '../program/program.ts';
import { UserError } from '../program/user-error.ts';

/** `langso fixtures generate`: deterministic synthetic households for training and tests. */
export function registerFixturesCommand(program: Command, ctx: CliContext, exit: ExitSink): void {
  const fixtures = program.command('fixtures').description(t(ctx.lang, 'FIXTURES_HELP'));
  fixtures
    .command('generate')
    .description(t(ctx.lang, 'FIXTURES_HELP_GENERATE'))
    .option('--households <n>', t(ctx.lang, 'FIXTURES_HELP_FLAG_HOUSEHOLDS'))
    .option('--seed <seed>', t(ctx.lang, 'FIXTURES_HELP_FLAG_SEED'))
    .option('--commune <code>', t(ctx.lang, 'FIXTURES_HELP_FLAG_COMMUNE'))
    .option('--invalid-rate <r>', t(ctx.lang, 'FIXTURES_HELP_FLAG_INVALID_RATE'))
    .option('--format <format>', t(ctx.lang, 'FIXTURES_HELP_FLAG_FORMAT'))
    .option('--today <date>', t(ctx.lang, 'FIXTURES_HELP_FLAG_TODAY'))
    .option('--out <file>', t(ctx.lang, 'FIXTURES_HELP_FLAG_OUT'))
    .addHelpText('after', t(ctx.lang, 'FIXTURES_HELP_EXAMPLE'))
    .action(runAction(exit, (raw: RawGenerateFlags) => generateCommand(ctx, raw)));
}

async function generateCommand(ctx: CliContext, raw: RawGenerateFlags): Promise<number> {
  const parsed = parseGenerateFlags(raw, (code) => findCommune(code) !== undefined);
  if (!parsed.ok) throw new UserError(parsed.problem.code, parsed.problem.params, EXIT.usage);
  const flags = parsed.flags;
  const all = fixtureCommunes();
  const generated = generateFixtures({
    households: flags.households,
    seed: flags.seed,
    communes: flags.commune === undefined ? all : all.filter((c) => c.code === flags.commune),
    today: flags.today,
    invalidRate: flags.invalidRate,
    retiredCodes: retiredCommuneCodes(),
  });
  const labelsPath = `${flags.out}.labels.json`;
  await writeAtomically(flags.out, serialise(generated, flags));
  await writeAtomically(labelsPath, labelsToJson(generated.labels));
  ctx.stdout.write(
    `${t(ctx.lang, 'FIXTURES_WRITTEN', {
      households: generated.households,
      records: generated.rows.length,
      invalid: generated.labels.length,
      path: flags.out,
      labels: labelsPath,
    })}\n`,
  );
  return EXIT.ok;
}

function serialise(generated: GeneratedFixtures, flags: GenerateFlags): string {
  return flags.format === 'csv' ? toCsv(CHECK_COLUMNS, rowsToCsvCells(generated.rows)) : rowsToJson(generated.rows);
}

/** Temp file, then rename: an interrupted run never leaves half a fixture file behind. */
async function writeAtomically(path: string, text: string): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temp, text, 'utf8');
    await rename(temp, path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserError('FIXTURES_WRITE_FAILED', { path, reason }, EXIT.usage, { cause: error });
  }
}
