import { useEffect, useState } from 'preact/hooks';
import * as v from 'valibot';
import type { Procedure } from '../../shared/catalog/procedure-catalog.ts';
import type { Consent } from '../../shared/domain/consent.ts';
import { AUTH_METHODS, type AuthMethod, type Dossier, type DossierDocument, type RecordOf } from '../../shared/domain/records.ts';
import { todayInHoChiMinh } from '../../shared/validate/dates.ts';
import { validateFormValues } from '../../shared/validate/form-values.ts';
import { useSession } from '../session/session.ts';
import { useLive } from '../session/use-live.ts';
import { ChoiceField } from '../components/choice-field.tsx';
import { ConsentStep } from '../components/consent-step.tsx';
import { EFormField } from '../components/eform-field.tsx';
import { FormFooter } from '../components/form-footer.tsx';
import { PhotoCapture, type PhotoRef } from '../components/photo-capture.tsx';
import { ProcedurePicker } from '../components/procedure-picker.tsx';
import { useIssues } from '../components/use-issues.ts';
import { useLang, useT } from '../i18n/ui.ts';
import { isRecordOf, newRecord, revisedRecord } from '../records/envelope.ts';
import { documentsToPhotograph } from '../records/required-documents.ts';
import { formValueText } from '../records/form-value-text.ts';
import { saveFromScreen } from '../records/save.ts';
import { DraftNotice } from '../components/draft-notice.tsx';
import { replaceRoute, stepBack, stepTo, type Route } from '../router/router.ts';
import { DRAFT_KEYS } from '../store/drafts.ts';
import { useDraftOnOpen, type OpenedDraft } from './use-draft-on-open.ts';
import { useFormSave } from './use-form-save.ts';
import { useCatalog, type Catalog } from '../records/use-catalog.ts';

const STEPS = ['procedure', 'form', 'documents', 'auth', 'review'] as const;
type Step = (typeof STEPS)[number];
type Photo = PhotoRef & { readonly mime?: string; readonly bytes?: number };

/** The wizard's answers as kept in its draft; the step is in the address bar. */
const AnswersSchema = v.object({
  procedureCode: v.exactOptional(v.string()),
  values: v.record(v.string(), v.string()),
  photos: v.record(
    v.string(),
    v.object({ sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)), mime: v.exactOptional(v.string()), bytes: v.exactOptional(v.number()) }),
  ),
  auth: v.exactOptional(v.picklist(AUTH_METHODS)),
});
type Answers = v.InferOutput<typeof AnswersSchema>;

export interface DossierWizardProps {
  readonly residentId: string;
  readonly existing?: RecordOf<'dossier'>;
  /** The step named in the address bar. */
  readonly step?: string;
}

export function DossierWizardScreen({ residentId, existing, step }: DossierWizardProps) {
  const t = useT();
  const { queries } = useSession();
  const catalog = useCatalog();
  const applicant = useLive(async () => {
    const record = (await queries.record(residentId))?.envelope;
    return isRecordOf(record, 'resident') ? record : null;
  }, [queries, residentId]);
  const draftKey = existing ? DRAFT_KEYS.edit(existing.id) : DRAFT_KEYS.newDossier(residentId);
  const opened = useDraftOnOpen(draftKey, AnswersSchema);
  if (catalog.status === 'failed') return <p class="error" role="alert">{t('procedureLoadFailed')}</p>;
  if (applicant === undefined || catalog.status === 'loading' || opened.loading) return <p class="loading">{t('procedureLoading')}</p>;
  if (applicant === null) return <p class="empty">{t('recordMissing')}</p>;
  const here: Route = existing ? { name: 'edit', id: existing.id } : { name: 'dossier-new', residentId };
  return (
    <Wizard
      key={opened.round}
      applicant={applicant}
      catalog={catalog.catalog}
      here={here}
      step={STEPS.find((s) => s === step) ?? (existing ? 'review' : 'procedure')}
      draftKey={draftKey}
      draft={opened.draft}
      onRestart={opened.restart}
      {...(existing ? { existing } : {})}
    />
  );
}

function answersOf(existing: RecordOf<'dossier'> | undefined): Answers {
  const p = existing?.payload;
  return {
    ...(p ? { procedureCode: p.procedureCode, auth: p.authMethod } : {}),
    values: Object.fromEntries(Object.entries(p?.formValues ?? {}).map(([k, value]) => [k, String(value)])),
    photos: Object.fromEntries((p?.documents ?? []).map((d) => [d.key, d])),
  };
}

interface WizardProps {
  readonly applicant: RecordOf<'resident'>;
  readonly catalog: Catalog;
  /** The wizard's route without its step. */
  readonly here: Route & { readonly name: 'edit' | 'dossier-new' };
  readonly step: Step;
  readonly existing?: RecordOf<'dossier'>;
  readonly draftKey: string;
  readonly draft: OpenedDraft<Answers> | undefined;
  readonly onRestart: () => void;
}

function Wizard({ applicant, catalog, here, step, existing, draftKey, draft, onRestart }: WizardProps) {
  const { t, lang } = useLang();
  const session = useSession();
  const start = draft?.values ?? answersOf(existing);
  const [consent, setConsent] = useState<Consent | null>(draft?.consent ?? existing?.consent ?? null);
  const [procedure, setProcedure] = useState<Procedure | undefined>(start.procedureCode === undefined ? undefined : catalog.findProcedure(start.procedureCode));
  const [values, setValues] = useState<Record<string, string>>(start.values);
  const [photos, setPhotos] = useState<Record<string, Photo>>(start.photos);
  const [auth, setAuth] = useState<AuthMethod | undefined>(start.auth);
  const answers: Answers = { ...(procedure ? { procedureCode: procedure.code } : {}), values, photos, ...(auth ? { auth } : {}) };
  const saving = useFormSave('dossier-wizard', {
    place: {
      key: draftKey,
      kind: 'dossier',
      title: procedure ? `${applicant.payload.fullName} · ${procedure.shortName}` : applicant.payload.fullName,
      ...(applicant.payload.householdId ? { householdId: applicant.payload.householdId } : {}),
      step,
    },
    content: { values: answers, consent },
    restored: draft !== undefined,
  });

  const today = todayInHoChiMinh(session.clock());
  const form = procedure ? validateFormValues(procedure, values, { today }) : { issues: [] };
  const labels = Object.fromEntries((procedure?.form ?? []).map((f) => [f.key, f.label[lang]]));
  const view = useIssues(form.issues, labels);
  const docs = procedure ? documentsToPhotograph(procedure.documents) : [];
  const missingDocs = docs.filter((d) => d.required && !photos[d.key]);
  const [tried, setTried] = useState<ReadonlySet<Step>>(new Set());
  // A step is open only once the ones before it are done: an address typed by hand, or a step
  // kept in history after its answers were dropped, opens the first one still to do.
  const done: Readonly<Record<Step, boolean>> = {
    procedure: procedure !== undefined,
    form: procedure !== undefined && form.issues.length === 0,
    documents: missingDocs.length === 0,
    auth: auth !== undefined,
    review: false,
  };
  const reachable = STEPS.find((s, i) => i === STEPS.indexOf(step) || !done[s]) ?? step;
  useEffect(() => {
    if (consent && reachable !== step) replaceRoute({ ...here, step: reachable });
  }, [consent, reachable, step]);
  // Every step and the record's route are one form: a step change writes the draft too.
  useEffect(() => {
    if (consent && saving.changed) saving.markChanged();
  }, [step]);

  if (!consent) {
    return (
      <ConsentStep
        need={['dossier_filing']}
        categories={['identity', 'contact', 'address', 'id_card_photo', 'procedure_data']}
        subjectName={applicant.payload.fullName}
        onGiven={(given) => {
          setConsent(given);
          saving.markChanged();
        }}
      />
    );
  }

  const go = (next: Step) => stepTo({ ...here, step: next });
  const advance = () => {
    setTried(new Set([...tried, step]));
    if (step === 'procedure' && procedure) go('form');
    if (step === 'form' && view.submit()) go('documents');
    if (step === 'documents' && missingDocs.length === 0) go('auth');
    if (step === 'auth' && auth) go('review');
  };

  const save = async (event: Event) => {
    event.preventDefault();
    if (!procedure || !form.values || !auth || missingDocs.length > 0) return;
    await saving.run(async () => {
      const documents: DossierDocument[] = docs.flatMap((d) => {
        const photo = photos[d.key];
        return photo ? [{ key: d.key, sha256: photo.sha256, mime: 'image/jpeg' as const, bytes: photo.bytes ?? 1 }] : [];
      });
      const payload: Dossier = {
        procedureCode: procedure.code,
        applicantResidentId: applicant.id,
        formValues: { ...form.values },
        documents,
        authMethod: auth,
        status: 'queued',
      };
      const author = session.author();
      const record = existing ? revisedRecord(existing, payload, author) : newRecord('dossier', payload, consent, author);
      await saveFromScreen(session, record, applicant.payload.householdId, saving.draftKey);
      return { name: 'record', id: record.id };
    });
  };

  const n = STEPS.indexOf(step) + 1;
  return (
    <form onSubmit={(e) => void save(e)} noValidate aria-labelledby="dossier-title">
      <p class="muted">
        {t('stepOf', { n, total: STEPS.length })} · {applicant.payload.fullName}
      </p>
      <h1 id="dossier-title">{t(STEP_TITLES[step])}</h1>
      {draft && step === STEPS[0] && (
        <DraftNotice
          savedAt={draft.updatedAt}
          onDiscard={() => {
            void saving.discardDraft().then(onRestart);
          }}
        />
      )}
      {procedure && step !== 'procedure' && (
        <p>
          <strong>{procedure.shortName}</strong> · {t('procedureCode', { code: procedure.code })}
        </p>
      )}
      {step === 'procedure' && (
        <ProcedurePicker
          search={catalog.searchProcedures}
          value={procedure?.code}
          onChoose={(p) => {
            setProcedure(p);
            setValues({});
            setPhotos({});
            saving.markChanged();
          }}
        />
      )}
      {step === 'form' &&
        procedure?.form.map((field) => (
          <EFormField
            key={field.key}
            field={field}
            value={values[field.key] ?? ''}
            onInput={(value) => {
              setValues({ ...values, [field.key]: value });
              saving.markChanged();
            }}
            onBlur={() => view.touch(field.key)}
            error={view.errorFor(field.key)}
          />
        ))}
      {step === 'documents' && (
        <>
          {docs.length === 0 && <p class="empty">{t('noDocuments')}</p>}
          {docs.map((d) => (
            <PhotoCapture
              key={d.key}
              id={`photo-${d.key}`}
              label={d.required ? d.text : `${d.text} (${t('optional')})`}
              value={photos[d.key]}
              onPhoto={(photo) => {
                setPhotos({ ...photos, [d.key]: photo });
                saving.markChanged();
              }}
              error={tried.has('documents') && d.required && !photos[d.key] ? t('documentNeeded') : undefined}
            />
          ))}
        </>
      )}
      {step === 'auth' && (
        <ChoiceField
          id="authMethod"
          legend={t('authHint')}
          options={AUTH_METHODS.map((m) => ({ value: m, label: t(`auth_${m}`) }))}
          value={auth}
          onChange={(m) => {
            setAuth(m);
            saving.markChanged();
          }}
          error={tried.has('auth') && !auth ? t('authRequired') : undefined}
        />
      )}
      {step === 'review' && procedure && (
        <dl class="details">
          {procedure.form.map((f) => (
            <div key={f.key}>
              <dt>{f.label[lang]}</dt>
              <dd>{formValueText(f, values[f.key], lang)}</dd>
            </div>
          ))}
          <div>
            <dt>{t('dossierStepDocuments')}</dt>
            <dd>{Object.keys(photos).length}</dd>
          </div>
          <div>
            <dt>{t('dossierStepAuth')}</dt>
            <dd>{auth ? t(`auth_${auth}`) : ''}</dd>
          </div>
        </dl>
      )}
      {step === 'review' ? (
        <FormFooter busy={saving.busy} problemCount={form.issues.length + missingDocs.length} showProblems failure={saving.failure} label={t('reviewSubmit')} />
      ) : (
        <button type="button" class="button button-primary" disabled={step === 'procedure' && !procedure} onClick={advance}>
          {t('next')}
        </button>
      )}
      {n > 1 && (
        <button type="button" class="button" onClick={() => stepBack({ ...here, step: STEPS[n - 2] ?? 'procedure' })}>
          {t('back')}
        </button>
      )}
    </form>
  );
}

const STEP_TITLES = {
  procedure: 'dossierStepProcedure',
  form: 'dossierStepForm',
  documents: 'dossierStepDocuments',
  auth: 'dossierStepAuth',
  review: 'dossierStepReview',
} as const;
