import { useMemo, useState } from 'preact/hooks';
import { communes, findCommune } from '../../shared/catalog/communes.ts';
import { searchKey } from '../../shared/domain/search-key.ts';
import { useT } from '../i18n/ui.ts';

const FOLDED = communes().map((commune) => ({ commune, key: searchKey(commune.fullName) }));

export interface CommunePickerProps {
  readonly value: string;
  readonly onChange: (code: string) => void;
  readonly error?: string | undefined;
}

/**
 * The 64 communes and wards of Cà Mau as a filterable radio list: type a few letters without
 * accents ("tan thanh") and tap. The chosen one stays on top; the list folds away once the focus
 * leaves it, so arrow keys can move through the radios without closing it.
 */
export function CommunePicker({ value, onChange, error }: CommunePickerProps) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(value === '');
  const chosen = findCommune(value);
  const shown = useMemo(() => {
    const words = searchKey(query).split(' ').filter(Boolean);
    return FOLDED.filter(({ key }) => words.every((w) => key.includes(w))).map(({ commune }) => commune);
  }, [query]);
  const errorId = error ? 'commune-error' : undefined;

  return (
    <fieldset
      class={error ? 'field field-error' : 'field'}
      aria-describedby={errorId}
      id="communeCode"
      onFocusOut={(e) => {
        const next = e.relatedTarget;
        if (value !== '' && !(next instanceof Node && e.currentTarget.contains(next))) setOpen(false);
      }}
    >
      <legend>
        {t('commune')}
        <span aria-hidden="true"> *</span>
      </legend>
      {chosen && (
        <div class="row-between">
          <strong data-testid="commune-chosen">{chosen.fullName}</strong>
          {!open && (
            <button type="button" class="button" onClick={() => setOpen(true)}>
              {t('communeChoose')}
            </button>
          )}
        </div>
      )}
      {open && (
        <>
          <label for="commune-search" class="sr-only">
            {t('communeSearch')}
          </label>
          <input
            id="commune-search"
            type="search"
            autoComplete="off"
            placeholder={t('communeSearch')}
            value={query}
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
          <div class="scroll-list" role="radiogroup" aria-label={t('commune')}>
            {shown.length === 0 && <p class="empty">{t('communeNone')}</p>}
            {shown.map((commune) => (
              <label class="choice" key={commune.code}>
                <input
                  type="radio"
                  name="commune"
                  value={commune.code}
                  checked={commune.code === value}
                  onChange={() => onChange(commune.code)}
                />
                <span>{commune.fullName}</span>
              </label>
            ))}
          </div>
        </>
      )}
      {error && (
        <p class="error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
