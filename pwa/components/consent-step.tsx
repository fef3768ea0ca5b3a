import { useRef, useState } from 'preact/hooks';
import { CONSENT_PURPOSES, processorName, type Consent, type ConsentPurpose, type DataCategory } from '../../shared/domain/consent.ts';
import { validateConsent } from '../../shared/validate/consent.ts';
import { normaliseName } from '../../shared/validate/names.ts';
import { useSession } from '../session/session.ts';
import { useLang } from '../i18n/ui.ts';
import { putAttachment } from '../store/attachments.ts';
import { CheckField } from './check-field.tsx';
import { ChoiceField } from './choice-field.tsx';
import { SignaturePad } from './signature-pad.tsx';
import { TextField } from './text-field.tsx';

/** Names the text the resident heard; a changed text gets a new version. */
export const CONSENT_TEXT_VERSION = 'langso-consent-2026-01';

export interface ConsentStepProps {
  /** The purposes this record needs; the others may be ticked too, for later visits. */
  readonly need: readonly ConsentPurpose[];
  readonly categories: readonly DataCategory[];
  readonly subjectName?: string;
  readonly onGiven: (consent: Consent) => void;
}

type Problem = 'purpose' | 'rights' | 'subject' | 'agree' | 'signature';

/**
 * The consent screen, shown BEFORE any personal data is entered: plain words the
 * volunteer reads aloud, one box per purpose, nothing pre-ticked, and the resident's own tick or
 * signature. Nothing is saved here except the drawn signature, as an attachment of the record.
 */
export function ConsentStep({ need, categories, subjectName, onGiven }: ConsentStepProps) {
  const { t, lang } = useLang();
  const session = useSession();
  const [purposes, setPurposes] = useState<ReadonlySet<ConsentPurpose>>(new Set());
  const [rightsShown, setRightsShown] = useState(false);
  const [subject, setSubject] = useState(subjectName ?? '');
  const [method, setMethod] = useState<'tick' | 'signature' | undefined>(undefined);
  const [agreed, setAgreed] = useState(false);
  const [signed, setSigned] = useState(false);
  const [problems, setProblems] = useState<ReadonlySet<Problem>>(new Set());
  const exportSignature = useRef<(() => Promise<Blob | undefined>) | undefined>(undefined);
  const processor = processorName(session.device.teamName);
  // The purposes this record needs come first; the others stay unticked unless the resident wants them.
  const shownPurposes = [...need, ...CONSENT_PURPOSES.filter((p) => !need.includes(p))];

  const toggle = (purpose: ConsentPurpose, on: boolean) => {
    const next = new Set(purposes);
    if (on) next.add(purpose);
    else next.delete(purpose);
    setPurposes(next);
  };

  const confirm = async () => {
    const found = new Set<Problem>();
    if (!need.every((p) => purposes.has(p))) found.add('purpose');
    if (!rightsShown) found.add('rights');
    if (normaliseName(subject) === '') found.add('subject');
    if (method === undefined || (method === 'tick' && !agreed)) found.add('agree');
    if (method === 'signature' && !signed) found.add('signature');
    setProblems(found);
    if (found.size > 0 || method === undefined) return;
    const now = session.clock().toISOString();
    let signatureSha256: string | undefined;
    if (method === 'signature') {
      const blob = await exportSignature.current?.();
      if (!blob) {
        setProblems(new Set(['signature']));
        return;
      }
      signatureSha256 = (await putAttachment(session.db, blob, now)).sha256;
    }
    const consent: Consent = {
      textVersion: `${CONSENT_TEXT_VERSION}-${lang}`,
      purposes: CONSENT_PURPOSES.filter((p) => purposes.has(p)),
      dataCategories: [...categories],
      processor,
      rightsShown,
      givenAt: now,
      method,
      ...(signatureSha256 === undefined ? {} : { signatureSha256 }),
      subjectName: normaliseName(subject),
      volunteerId: session.device.volunteerName,
    };
    // The shared rules are the last word: the server applies the same ones.
    if (validateConsent(consent, { purposes: need, categories }).length > 0) {
      setProblems(new Set(['purpose']));
      return;
    }
    onGiven(consent);
  };

  const sensitive = categories.includes('id_card_photo') || categories.includes('portrait_photo');
  return (
    <section class="consent" aria-labelledby="consent-title">
      <h1 id="consent-title">{t('consentTitle')}</h1>
      <p class="muted">{t('consentReadAloud')}</p>
      <div class="read-aloud">
        <p>{t('consentIntro')}</p>
        <h2>{t('consentCategoriesTitle')}</h2>
        <ul>
          {categories.map((c) => (
            <li key={c}>{t(`cat_${c}`)}</li>
          ))}
        </ul>
        <h2>{t('consentProcessorTitle')}</h2>
        <p>{t('consentProcessor', { processor })}</p>
        <h2>{t('consentRightsTitle')}</h2>
        <p>{t('consentRights')}</p>
        {sensitive && <p>{t('consentSensitive')}</p>}
      </div>
      <fieldset class={problems.has('purpose') ? 'field field-error' : 'field'} aria-describedby={problems.has('purpose') ? 'purposes-error' : undefined}>
        <legend>{t('consentPurposesTitle')}</legend>
        {shownPurposes.map((purpose) => (
          <label class="choice" key={purpose}>
            <input type="checkbox" name="purpose" value={purpose} checked={purposes.has(purpose)} onChange={(e) => toggle(purpose, e.currentTarget.checked)} />
            <span>
              {t(`purpose_${purpose}`)}
              {need.includes(purpose) && <span aria-hidden="true"> *</span>}
            </span>
          </label>
        ))}
        {problems.has('purpose') && (
          <p class="error" id="purposes-error">
            {t('consentNeedPurpose')}
          </p>
        )}
      </fieldset>
      <CheckField
        id="consent-rights"
        label={t('consentRightsShown')}
        checked={rightsShown}
        onChange={setRightsShown}
        error={problems.has('rights') ? t('consentNeedRights') : undefined}
      />
      <TextField
        id="consent-subject"
        label={t('consentSubject')}
        hint={t('consentSubjectHint')}
        value={subject}
        onInput={setSubject}
        required
        autoComplete="off"
        error={problems.has('subject') ? t('consentNeedSubject') : undefined}
      />
      <ChoiceField
        id="consent-method"
        legend={t('consentHow')}
        options={[
          { value: 'tick', label: t('consentTick') },
          { value: 'signature', label: t('consentSign') },
        ]}
        value={method}
        onChange={setMethod}
      />
      {method === 'tick' && (
        <CheckField
          id="consent-agree"
          label={t('consentAgree')}
          checked={agreed}
          onChange={setAgreed}
          error={problems.has('agree') ? t('consentNeedAgree') : undefined}
        />
      )}
      {method === 'signature' && <SignaturePad label={t('consentSignHere')} onDrawn={setSigned} exportRef={exportSignature} />}
      {method === undefined && problems.has('agree') && <p class="error">{t('consentNeedAgree')}</p>}
      {method === 'signature' && problems.has('signature') && <p class="error">{t('consentNeedSignature')}</p>}
      <button type="button" class="button button-primary" onClick={() => void confirm()}>
        {t('consentContinue')}
      </button>
    </section>
  );
}
