import type { Register } from '../program/program.ts';
import { registerCheckCommand } from './check.ts';
import { registerFixturesCommand } from './fixtures.ts';
import { registerSandboxCommand } from './sandbox.ts';
import { registerInitCommand } from './init.ts';
import { registerEnrolCommand } from './enrol.ts';
import { registerImportCommand } from './import.ts';
import { registerReceiptsCommand } from './receipts.ts';
import { registerReviewCommand } from './review.ts';
import { registerExportCommand } from './export.ts';
import { registerReportCommand } from './report.ts';
import { registerStatusCommand } from './status.ts';
import { registerHubCommand } from './hub.ts';
import { registerDemoCommand } from './demo.ts';
import { registerSyncCommand } from './sync.ts';
import { registerUpdatesCommand } from './updates.ts';

/** Every command of `langso`, one file each. */
export const COMMANDS: readonly Register[] = [
  registerCheckCommand,
  registerFixturesCommand,
  registerSandboxCommand,
  registerInitCommand,
  registerEnrolCommand,
  registerImportCommand,
  registerReceiptsCommand,
  registerReviewCommand,
  registerSyncCommand,
  registerUpdatesCommand,
  registerStatusCommand,
  registerReportCommand,
  registerExportCommand,
  registerHubCommand,
  registerDemoCommand,
];
