import { useState } from 'preact/hooks';
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
import { useFormSave } from './use-form-save.ts';
import { useCatalog, type Catalog } from '../records/use-catalog.ts';

const STEPS = ['procedure', 'form', 'documents', 'auth', 'review'] as const;
type Step = (typeof STEPS)[number];
type Photo = PhotoRef & { readonly mime?: string; readonly bytes?: number };

export function DossierWizardScreen({ residentId, existing }: { readonly residentId: string; readonly existing?: RecordOf<'dossier'> }) {
  const t = useT();
  const { queries } = useSession();
  const catalog = useCatalog();
  const applicant = useLive(async () => {
    const record = (await queries.record(residentId))?.envelope;
    return isRecordOf(record, 'resident') ? record : null;
  }, [queries, residentId]);
  if (catalog.status === 'failed') return <p class="error" role="alert">{t('procedureLoadFailed')}</p>;
  if (applicant === undefined || catalog.status === 'loading') return <p class="loading">{t('procedureLoading')}</p>;
  if (applicant === null) return <p class="empty">{t('recordMissing')}</p>;
  return <Wizard applicant={applicant} catalog={catalog.catalog} {...(existing ? { existing } : {})} />;
}

function Wizard({ applicant, catalog, existing }: { applicant: RecordOf<'resident'>; catalog: Catalog; existing?: RecordOf<'dossier'> }) {
  const { t, lang } = useLang();
  const session = useSession();
  const [consent, setConsent] = useState<Consent | null>(existing?.consent ?? null);
  const [step, setStep] = useState<Step>(existing ? 'review' : 'procedure');
  const [procedure, setProcedure] = useState<Procedure | undefined>(existing ? catalog.findProcedure(existing.payload.procedureCode) : undefined);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(existing?.payload.formValues ?? {}).map(([k, v]) => [k, String(v)])),
  );
  const [photos, setPhotos] = useState<Record<string, Photo>>(() =>
    Object.fromEntries((existing?.payload.documents ?? []).map((d) => [d.key, d])),
  );
  const [auth, setAuth] = useState<AuthMethod | undefined>(existing?.payload.authMethod);
  const saving = useFormSave('dossier-wizard');

  const today = todayInHoChiMinh(session.clock());
  const form = procedure ? validateFormValues(procedure, values, { today }) : { issues: [] };
  const labels = Object.fromEntries((procedure?.form ?? []).map((f) => [f.key, f.label[lang]]));
  const view = useIssues(form.issues, labels);
  const docs = procedure ? documentsToPhotograph(procedure.documents) : [];
  const missingDocs = docs.filter((d) => d.required && !photos[d.key]);
  const [tried, setTried] = useState<ReadonlySet<Step>>(new Set());

  if (!consent) {
    return (
      <ConsentStep
        need={['dossier_filing']}
        categories={['identity', 'contact', 'address', 'id_card_photo', 'procedure_data']}
        subjectName={applicant.payload.fullName}
        onGiven={setConsent}
      />
    );
  }

  const go = (next: Step) => {
    setStep(next);
    scrollTo?.(0, 0);
  };
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
      await saveFromScreen(session, record, applicant.payload.householdId);
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
        <button type="button" class="button" onClick={() => go(STEPS[n - 2] ?? 'procedure')}>
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
