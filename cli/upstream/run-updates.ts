import type { OutboxStore } from '../../shared/sync/outbox-store.ts';
import type { Update } from '../../shared/sync/protocol.ts';
import type { CliContext } from '../program/context.ts';
import { relayDecisionsToWorkspaceHub } from './relay-decision.ts';
import { requireConfig } from '../workspace/config.ts';
import { createSqliteOutboxStore } from '../workspace/sqlite-outbox-store.ts';
import type { LeadWorkspace } from '../workspace/workspace-db.ts';
import { writeJson } from '../output/json.ts';
import { interruptOnSigint } from './interrupt.ts';
import { createLeadSyncEngine } from './lead-engine.ts';
import { recordLabels } from './record-labels.ts';
import { renderUpdatesText, updatesJson } from './render-updates.ts';
import { requireEnrolment } from './require-enrolment.ts';
import { summariseUpdates } from './updates-summary.ts';

/**
 * `langso updates`: the province's decisions since the stored cursor, page by page, into the
 * workspace (records, decisions; `status` and `report` read them) and on to the hub's database
 * when the workspace has one, so the team's phones see them at their next sync.
 */
export async function runUpdates(ctx: CliContext, { dir, db }: LeadWorkspace, json: boolean): Promise<number> {
  const enrolment = requireEnrolment(requireConfig(db, dir));
  const store = createSqliteOutboxStore(db);
  const arrived: Update[] = [];
  let relayed = 0;
  const recording: OutboxStore = {
    ...store,
    async applyUpdates(updates, cursor) {
      // The hub first: should the workspace write fail, the cursor stays and the next pull
      // relays the same page again, which the hub takes as already known.
      relayed += relayDecisionsToWorkspaceHub(dir, updates);
      await store.applyUpdates(updates, cursor);
      arrived.push(...updates);
    },
  };
  const engine = createLeadSyncEngine({ store: recording, enrolment, lang: ctx.lang });
  const interrupt = interruptOnSigint();
  try {
    const report = await engine.pullUpdates(interrupt.signal);
    const summary = summariseUpdates({
      lang: ctx.lang,
      server: enrolment.server,
      report,
      updates: arrived,
      labels: recordLabels(db, arrived.map((update) => update.id)),
      relayed,
    });
    if (json) writeJson(ctx.stdout, updatesJson(ctx.lang, summary));
    else ctx.stdout.write(renderUpdatesText(ctx.lang, summary, ctx.color));
    return summary.outcome.exitCode;
  } finally {
    interrupt.dispose();
  }
}
