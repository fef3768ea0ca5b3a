import type { LangsoDb } from './db.ts';
import type { DraftRow } from './types.ts';

/** The key of each form's draft: one per form and record (or parent, for a new record). */
export const DRAFT_KEYS = {
  newHousehold: () => 'household:new',
  newResident: (householdId: string) => `resident:new:${householdId}`,
  newEid: (residentId: string) => `eid:new:${residentId}`,
  newDossier: (residentId: string) => `dossier:new:${residentId}`,
  edit: (recordId: string) => `edit:${recordId}`,
} as const;

/** What a draft's key says of its form: which one, and for which record or parent. */
export type DraftTarget =
  | { readonly form: 'household-new' }
  | { readonly form: 'resident-new' | 'eid-new' | 'dossier-new'; readonly parentId: string }
  | { readonly form: 'edit'; readonly recordId: string };

export function draftTarget(key: string): DraftTarget | undefined {
  if (key === DRAFT_KEYS.newHousehold()) return { form: 'household-new' };
  const [kind, second, third] = key.split(':');
  if (kind === 'edit' && second) return { form: 'edit', recordId: second };
  if (second !== 'new' || !third) return undefined;
  if (kind === 'resident') return { form: 'resident-new', parentId: third };
  if (kind === 'eid') return { form: 'eid-new', parentId: third };
  if (kind === 'dossier') return { form: 'dossier-new', parentId: third };
  return undefined;
}

/**
 * A form's draft, written as it is typed (debounced by the form): what survives a back press, a
 * reload, a crash, or the same form opened in another tab. A save removes it in the save's own
 * transaction (save-record.ts), so a draft never outlives its record.
 */
export function putDraft(db: LangsoDb, row: DraftRow): Promise<string> {
  return db.drafts.put(row);
}

/** The volunteer chose to drop what was typed. */
export function deleteDraft(db: LangsoDb, key: string): Promise<void> {
  return db.drafts.delete(key);
}

/**
 * Writes a form's draft as it is typed in: the first change at once (a crash a moment later
 * loses nothing), then at most once every `delayMs` while typing goes on, and the last change at
 * the end of that window. A keystroke costs a timer, not a transaction. `flush` writes what is
 * pending now (a field is left, the page is hidden); `stop` holds every write while the record
 * itself is being saved, which removes the draft.
 */
export interface DraftWriter {
  schedule(row: () => DraftRow): void;
  readonly flush: () => void;
  stop(): void;
  resume(): void;
}

export function createDraftWriter(db: LangsoDb, delayMs: number, onError: (error: unknown) => void): DraftWriter {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let next: (() => DraftRow) | undefined;
  let stopped = false;
  const write = () => {
    const row = next;
    next = undefined;
    if (row && !stopped) putDraft(db, row()).catch(onError);
  };
  const tick = () => {
    timer = next ? setTimeout(tick, delayMs) : undefined;
    write();
  };
  return {
    schedule(row) {
      if (stopped) return;
      next = row;
      if (timer !== undefined) return;
      write();
      timer = setTimeout(tick, delayMs);
    },
    flush: write,
    stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      next = undefined;
    },
    resume() {
      stopped = false;
    },
  };
}
