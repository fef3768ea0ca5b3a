import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Consent } from '../../shared/domain/consent.ts';
import { useDomainWords } from '../i18n/domain-words.ts';
import { saveFailure } from '../records/save.ts';
import { releaseLeaveGuard, useLeaveGuard } from '../router/leave-guard.ts';
import { navigate, type Route } from '../router/router.ts';
import { useDirty } from '../session/dirty-flag.ts';
import { useSession } from '../session/session.ts';
import { createDraftWriter, deleteDraft } from '../store/drafts.ts';
import type { DraftRow } from '../store/types.ts';

/** How often a draft is written while the volunteer types. */
const DRAFT_EVERY_MS = 400;

/** Where a form's draft is kept, and what the list of drafts says of it. */
export interface DraftPlace {
  readonly key: string;
  readonly kind: DraftRow['kind'];
  readonly householdId?: string;
  readonly title: string;
  /** The wizard's step on screen. */
  readonly step?: string;
}

/** What a form keeps in its draft: its values as it holds them, and the consent once given. */
export interface DraftContent {
  readonly values: unknown;
  readonly consent: Consent | null;
}

export interface DraftBinding {
  readonly place: DraftPlace;
  /** The form's current content; read when a write is due. */
  readonly content: DraftContent;
  /** The form opened on a stored draft: it holds changes from the start. */
  readonly restored: boolean;
}

/** What every record form does around its save. */
export interface FormSave {
  /** The form holds changes not saved yet: leaving asks first, and no app update is applied under them. */
  readonly changed: boolean;
  /** Called on every edit: the draft is written a moment later. */
  markChanged(): void;
  readonly busy: boolean;
  /** Why the last save failed, in the volunteer's words. */
  readonly failure: string | undefined;
  /** The draft the save finishes (removed in the save's transaction). */
  readonly draftKey: string | undefined;
  /** Drops the draft: the form starts again from the record (or empty). */
  discardDraft(): Promise<void>;
  /**
   * Runs `save` (which builds and saves the record and says where to go next): busy meanwhile,
   * the form clean and the next screen shown after, the failure kept on the form otherwise.
   */
  run(save: () => Promise<Route>): Promise<void>;
}

export function useFormSave(owner: string, draft?: DraftBinding): FormSave {
  const session = useSession();
  const words = useDomainWords();
  const [changed, setChanged] = useState(draft?.restored ?? false);
  const [edits, setEdits] = useState(0);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const writer = useMemo(() => createDraftWriter(session.db, DRAFT_EVERY_MS, (error) => console.error('draft not written', error)), [session.db]);
  const latest = useRef(draft);
  latest.current = draft;
  useDirty(session.dirty, owner, changed);
  useLeaveGuard(changed);

  useEffect(() => {
    const binding = latest.current;
    if (edits === 0 || !binding) return;
    writer.schedule(() => {
      const { place, content } = latest.current ?? binding;
      return {
        key: place.key,
        kind: place.kind,
        ...(place.householdId === undefined ? {} : { householdId: place.householdId }),
        title: place.title,
        ...(place.step === undefined ? {} : { step: place.step }),
        values: content.values,
        ...(content.consent ? { consent: content.consent } : {}),
        updatedAt: session.clock().toISOString(),
      };
    });
  }, [edits, writer, session]);

  useEffect(() => {
    // A phone hides the page before it kills it: what is pending is written then, not lost.
    const onHide = () => {
      if (document.visibilityState === 'hidden') writer.flush();
    };
    document.addEventListener('visibilitychange', onHide);
    addEventListener('pagehide', writer.flush);
    // Leaving a field is a natural pause: what it holds is written at once.
    document.addEventListener('focusout', writer.flush);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      removeEventListener('pagehide', writer.flush);
      document.removeEventListener('focusout', writer.flush);
      writer.flush();
    };
  }, [writer]);

  return {
    changed,
    markChanged: () => {
      setChanged(true);
      setEdits((n) => n + 1);
    },
    busy,
    failure,
    draftKey: draft?.place.key,
    async discardDraft() {
      writer.stop();
      setChanged(false);
      session.dirty.set(owner, false);
      if (draft) await deleteDraft(session.db, draft.place.key);
      writer.resume();
    },
    async run(save) {
      setBusy(true);
      setFailure(undefined);
      // The save removes the draft: no write may land after it.
      writer.stop();
      try {
        const next = await save();
        setChanged(false);
        session.dirty.set(owner, false);
        releaseLeaveGuard();
        navigate(next);
      } catch (error) {
        writer.resume();
        setEdits((n) => n + 1);
        const why = saveFailure(error);
        setFailure(words(why.code, why.params));
      } finally {
        setBusy(false);
      }
    },
  };
}
