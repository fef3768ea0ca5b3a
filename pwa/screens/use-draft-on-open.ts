import { useEffect, useState } from 'preact/hooks';
import * as v from 'valibot';
import { ConsentSchema, type Consent } from '../../shared/domain/consent.ts';
import { useSession } from '../session/session.ts';

/** A stored draft as a form reads it back: its values checked against the form's own shape. */
export interface OpenedDraft<V> {
  readonly values: V;
  readonly consent: Consent | null;
  readonly updatedAt: string;
}

/** After the draft is dropped, the form opens again as it would with none: `round` keys it. */
export interface DraftRestart {
  readonly round: number;
  readonly restart: () => void;
}

export type DraftOnOpen<V> = { readonly loading: true } | { readonly loading: false; readonly draft: OpenedDraft<V> | undefined };

/**
 * The draft a form opens on, read ONCE (the form itself writes it from then on, so a live read
 * would answer every keystroke). A draft that no longer fits the form (an app update changed it)
 * is ignored rather than half-restored.
 */
export function useDraftOnOpen<V>(key: string, schema: v.GenericSchema<unknown, V>): DraftOnOpen<V> & DraftRestart {
  const { queries } = useSession();
  const [state, setState] = useState<DraftOnOpen<V>>({ loading: true });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setState({ loading: true });
    void queries.draft(key).then(
      (row) => {
        if (!live) return;
        const values = row ? v.safeParse(schema, row.values) : undefined;
        const consent = row?.consent ? v.safeParse(ConsentSchema, row.consent) : undefined;
        setState({
          loading: false,
          draft: row && values?.success ? { values: values.output, consent: consent?.success ? consent.output : null, updatedAt: row.updatedAt } : undefined,
        });
      },
      () => live && setState({ loading: false, draft: undefined }),
    );
    return () => {
      live = false;
    };
  }, [queries, key]);
  return {
    ...state,
    round,
    restart: () => {
      setState({ loading: false, draft: undefined });
      setRound((n) => n + 1);
    },
  };
}
