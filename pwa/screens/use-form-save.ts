import { useState } from 'preact/hooks';
import { useDomainWords } from '../i18n/domain-words.ts';
import { saveFailure } from '../records/save.ts';
import { navigate, type Route } from '../router/router.ts';
import { useDirty } from '../session/dirty-flag.ts';
import { useSession } from '../session/session.ts';

/** What every record form does around its save. */
export interface FormSave {
  /** The form holds changes not saved yet: no app update is applied under them. */
  readonly changed: boolean;
  markChanged(): void;
  readonly busy: boolean;
  /** Why the last save failed, in the volunteer's words. */
  readonly failure: string | undefined;
  /**
   * Runs `save` (which builds and saves the record and says where to go next): busy meanwhile,
   * the form clean and the next screen shown after, the failure kept on the form otherwise.
   */
  run(save: () => Promise<Route>): Promise<void>;
}

export function useFormSave(owner: string): FormSave {
  const session = useSession();
  const words = useDomainWords();
  const [changed, setChanged] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  useDirty(session.dirty, owner, changed);
  return {
    changed,
    markChanged: () => setChanged(true),
    busy,
    failure,
    async run(save) {
      setBusy(true);
      setFailure(undefined);
      try {
        const next = await save();
        setChanged(false);
        session.dirty.set(owner, false);
        navigate(next);
      } catch (error) {
        const why = saveFailure(error);
        setFailure(words(why.code, why.params));
      } finally {
        setBusy(false);
      }
    },
  };
}
