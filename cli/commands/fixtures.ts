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
  const vi = ctx.lang === 'vi';
  const fixtures = program
    .command('fixtures')
    .description(vi ? 'Dữ liệu tập huấn tổng hợp (không phải người thật)' : 'Synthetic training data (no real people)');
  fixtures
    .command('generate')
    .description(
      vi
        ? 'Tạo hộ gia đình tổng hợp ở các xã/phường Cà Mau; cùng tham số, cùng tệp'
        : 'Generate synthetic households in the communes of Cà Mau; same arguments, same file',
    )
    .option('--households <n>', vi ? 'số hộ (bắt buộc)' : 'number of households (required)')
    .option('--seed <seed>', vi ? 'hạt giống ngẫu nhiên, số hoặc chữ (bắt buộc)' : 'random seed, number or text (required)')
    .option('--commune <code>', vi ? 'chỉ một xã/phường (mã 5 số)' : 'only one commune (5-digit code)')
    .option('--invalid-rate <r>', vi ? 'tỉ lệ bản ghi có một lỗi cố ý, 0–1 (mặc định 0)' : 'share of records with one deliberate mistake, 0–1 (default 0)')
    .option('--format <format>', 'json | csv (default: from --out, else json)')
    .option('--today <date>', vi ? 'ngày tính tuổi, YYYY-MM-DD (mặc định 2026-11-01)' : 'reference date for ages, YYYY-MM-DD (default 2026-11-01)')
    .option('--out <file>', vi ? 'tệp kết quả (bắt buộc); lỗi cố ý ghi vào <file>.labels.json' : 'output file (required); mistakes are listed in <file>.labels.json')
    .addHelpText('after', '\nExample:\n  langso fixtures generate --households 300 --seed 2025 --invalid-rate 0.1 --out demo.json\n')
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
