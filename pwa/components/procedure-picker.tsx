import { useMemo, useState } from 'preact/hooks';
import type { Procedure } from '../../shared/catalog/procedure-catalog.ts';
import { useT } from '../i18n/ui.ts';

export interface ProcedurePickerProps {
  readonly search: (query: string) => readonly Procedure[];
  readonly value: string | undefined;
  readonly onChoose: (procedure: Procedure) => void;
}

/** Find a procedure by its name without accents ("khai sinh") or by its code ("1.001193"). */
export function ProcedurePicker({ search, value, onChoose }: ProcedurePickerProps) {
  const t = useT();
  const [query, setQuery] = useState('');
  const found = useMemo(() => search(query), [search, query]);
  return (
    <div>
      <div class="field">
        <label for="procedure-search">{t('procedureSearch')}</label>
        <input id="procedure-search" type="search" autoComplete="off" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      </div>
      {found.length === 0 && <p class="empty">{t('procedureNone')}</p>}
      <div class="scroll-list tall" role="radiogroup" aria-label={t('dossierStepProcedure')}>
        {found.map((procedure) => (
          <label class="choice" key={procedure.code}>
            <input type="radio" name="procedure" value={procedure.code} checked={procedure.code === value} onChange={() => onChoose(procedure)} />
            <span>
              <strong>{procedure.shortName}</strong>
              <br />
              <small>
                {t('procedureCode', { code: procedure.code })} · {procedure.field}
              </small>
            </span>
          </label>
        ))}
      </div>
    </div>
  );
}
