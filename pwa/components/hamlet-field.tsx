import { useSession } from '../session/session.ts';
import { useLive } from '../session/use-live.ts';
import { useT } from '../i18n/ui.ts';
import { TextField } from './text-field.tsx';

export interface HamletFieldProps {
  readonly communeCode: string;
  readonly value: string;
  readonly onInput: (value: string) => void;
  readonly onBlur: () => void;
  readonly error?: string | undefined;
}

/** Free text, with the commune's hamlets already on the phone offered as suggestions. */
export function HamletField({ communeCode, value, onInput, onBlur, error }: HamletFieldProps) {
  const t = useT();
  const { queries } = useSession();
  const hamlets = useLive(() => (communeCode === '' ? Promise.resolve([]) : queries.knownHamlets(communeCode)), [queries, communeCode]);
  return (
    <>
      <TextField
        id="hamlet"
        label={t('hamlet')}
        hint={t('hamletHint')}
        value={value}
        onInput={onInput}
        onBlur={onBlur}
        error={error}
        required
        list="hamlet-suggestions"
      />
      <datalist id="hamlet-suggestions">
        {(hamlets ?? []).map((hamlet) => (
          <option key={hamlet} value={hamlet} />
        ))}
      </datalist>
    </>
  );
}
