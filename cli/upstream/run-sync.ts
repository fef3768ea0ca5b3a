import { t } from '../i18n/index.ts';
import type { CliContext } from '../program/context.ts';
import { requireConfig } from '../workspace/config.ts';
import { createSqliteOutboxStore } from '../workspace/sqlite-outbox-store.ts';
import type { LeadWorkspace } from '../workspace/workspace-db.ts';
import { colorFor } from '../output/color.ts';
import { writeJson } from '../output/json.ts';
import { isTty } from '../output/progress.ts';
import { interruptOnSigint } from './interrupt.ts';
import { createLeadSyncEngine } from './lead-engine.ts';
import { saveProvinceCatalog } from './province-catalog.ts';
import { recordLabels } from './record-labels.ts';
import { renderSyncText, syncJson } from './render-sync.ts';
import { requireEnrolment } from './require-enrolment.ts';
import { createSyncProgress } from './sync-progress.ts';
import { summariseSync } from './sync-summary.ts';

/**
 * `langso sync`: the approved records in the workspace outbox go upstream through the shared
 * engine, which applies each batch's receipts durably before the next request; so a Ctrl+C or a
 * cut leaves nothing half-done, and the next run sends what is left (a batch the server had
 * committed comes back `duplicate`, never stored twice). Then the catalog, when it changed.
 * The province's decisions are pulled by `langso updates`, on purpose a separate step: sync's
 * exit code then speaks only of what is left unsent.
 */
export async function runSync(ctx: CliContext, { dir, db }: LeadWorkspace, json: boolean): Promise<number> {
  const enrolment = requireEnrolment(requireConfig(db, dir));
  const store = createSqliteOutboxStore(db);
  const before = await store.counts();
  const progress = createSyncProgress(ctx.stderr, {
    lang: ctx.lang,
    total: before.pending,
    tty: isTty(ctx.stderr),
    color: colorFor(ctx.stderr, ctx.env),
  });
  const engine = createLeadSyncEngine({ store, enrolment, lang: ctx.lang, onProgress: progress.onProgress, applyCatalog: saveProvinceCatalog(db) });
  const interrupt = interruptOnSigint();
  try {
    if (before.pending > 0) ctx.stderr.write(`${t(ctx.lang, 'SYNC_CLI_START', { total: before.pending, server: enrolment.server })}\n`);
    const report = await engine.sync(interrupt.signal);
    progress.finish();
    // Only after a run the server answered: a network that just failed would only fail again.
    const answered = report.status === 'complete' || report.status === 'partial';
    const catalog = answered ? await engine.pullCatalog(interrupt.signal) : undefined;
    const quarantined = await store.listQuarantined();
    const summary = summariseSync({
      lang: ctx.lang,
      server: enrolment.server,
      report,
      quarantined,
      labels: recordLabels(db, quarantined.map((entry) => entry.id)),
      catalog,
    });
    if (json) writeJson(ctx.stdout, syncJson(ctx.lang, summary));
    else ctx.stdout.write(renderSyncText(ctx.lang, summary, ctx.color));
    return summary.outcome.exitCode;
  } finally {
    interrupt.dispose();
  }
}
