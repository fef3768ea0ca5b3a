import { useSession } from '../session/session.ts';
import { useLive } from '../session/use-live.ts';
import { useT } from '../i18n/ui.ts';
import { DossierWizardScreen } from './dossier-wizard.tsx';
import { EidFormScreen } from './eid-form.tsx';
import { HouseholdFormScreen } from './household-form.tsx';
import { ResidentFormScreen } from './resident-form.tsx';

/** Opens the right form for a record: the fix of a quarantined record starts here. */
export function EditScreen({ id, step }: { readonly id: string; readonly step?: string }) {
  const t = useT();
  const { queries } = useSession();
  const record = useLive(async () => (await queries.record(id))?.envelope ?? null, [queries, id]);
  if (record === undefined) return <p class="loading">{t('loading')}</p>;
  if (record === null) return <p class="empty">{t('recordMissing')}</p>;
  switch (record.type) {
    case 'household':
      return <HouseholdFormScreen existing={record} />;
    case 'resident':
      return <ResidentFormScreen existing={record} />;
    case 'eid':
      return <EidFormScreen residentId={record.payload.residentId} existing={record} />;
    case 'dossier':
      return <DossierWizardScreen residentId={record.payload.applicantResidentId} existing={record} {...(step === undefined ? {} : { step })} />;
  }
}
