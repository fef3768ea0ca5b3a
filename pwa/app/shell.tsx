import { useEffect, useMemo } from 'preact/hooks';
import { ConnectionStatus } from '../components/connection-status.tsx';
import { OutboxBadge } from '../components/outbox-badge.tsx';
import { TrainingBanner } from '../components/training-banner.tsx';
import { UpdateBanner, type UpdateOffer } from '../components/update-banner.tsx';
import { LeaveDialog } from '../components/leave-dialog.tsx';
import { Warnings } from '../components/warnings.tsx';
import { useT } from '../i18n/ui.ts';
import { href, useRoute, type Route } from '../router/router.ts';
import { HouseholdsScreen } from '../screens/households.tsx';
import { createSession, type SessionParts } from '../session/create-session.ts';
import { SessionContext, useSession } from '../session/session.ts';
import { lazy } from './lazy.tsx';

const HouseholdScreen = lazy(() => import('../screens/household.tsx').then((m) => m.HouseholdScreen));
const HouseholdFormScreen = lazy(() => import('../screens/household-form.tsx').then((m) => m.HouseholdFormScreen));
const ResidentFormScreen = lazy(() => import('../screens/resident-form.tsx').then((m) => m.ResidentFormScreen));
const RecordScreen = lazy(() => import('../screens/record.tsx').then((m) => m.RecordScreen));
const EditScreen = lazy(() => import('../screens/edit.tsx').then((m) => m.EditScreen));
const EidFormScreen = lazy(() => import('../screens/eid-form.tsx').then((m) => m.EidFormScreen));
const DossierWizardScreen = lazy(() => import('../screens/dossier-wizard.tsx').then((m) => m.DossierWizardScreen));
const OutboxScreen = lazy(() => import('../screens/outbox.tsx').then((m) => m.OutboxScreen));
const SettingsScreen = lazy(() => import('../screens/settings.tsx').then((m) => m.SettingsScreen));

function Screen({ route }: { readonly route: Route }) {
  switch (route.name) {
    case 'households':
      return <HouseholdsScreen />;
    case 'household':
      return <HouseholdScreen id={route.id} />;
    case 'household-new':
      return <HouseholdFormScreen />;
    case 'resident-new':
      return <ResidentFormScreen householdId={route.householdId} />;
    case 'record':
      return <RecordScreen id={route.id} />;
    case 'edit':
      return <EditScreen id={route.id} {...(route.step === undefined ? {} : { step: route.step })} />;
    case 'eid-new':
      return <EidFormScreen residentId={route.residentId} />;
    case 'dossier-new':
      return <DossierWizardScreen residentId={route.residentId} {...(route.step === undefined ? {} : { step: route.step })} />;
    case 'outbox':
      return <OutboxScreen />;
    case 'settings':
      return <SettingsScreen />;
  }
}

export interface ShellProps extends SessionParts {
  readonly update: UpdateOffer | undefined;
}

/** The session of an enrolled (or training) device, and the screens inside it. */
export function Shell({ update, ...parts }: ShellProps) {
  const { db, device } = parts;
  const session = useMemo(
    () => createSession(parts),
    // A new session when the database or the device changes (enrolment, training switch).
    [db, device.deviceId, device.token, device.serverUrl],
  );
  useEffect(() => session.sync.watch({ events: parts.env.events, isVisible: parts.env.isVisible }), [session]);
  return (
    <SessionContext.Provider value={session}>
      <Frame update={update} />
    </SessionContext.Provider>
  );
}

/** The frame of every screen: training banner, update offer, header with the outbox count, nav. */
function Frame({ update }: { readonly update: UpdateOffer | undefined }) {
  const t = useT();
  const session = useSession();
  const route = useRoute();
  const shown = href(route);
  // A screen opens at its top, not where the last one was scrolled to.
  useEffect(() => {
    scrollTo(0, 0);
  }, [shown]);
  const here = (name: Route['name']) => (route.name === name ? 'page' : undefined);
  return (
    <div class={session.mode === 'training' ? 'shell training' : 'shell'}>
      {/* One sticky block: the training banner stays on screen however far a trainee scrolls. */}
      <div class="bar">
        {session.mode === 'training' && <TrainingBanner />}
        {update && <UpdateBanner offer={update} />}
        <header class="top">
          <a class="brand" href={href({ name: 'households' })}>
            {t('appName')}
          </a>
          <OutboxBadge />
          <ConnectionStatus />
        </header>
      </div>
      <Warnings />
      <main id="main">
        <Screen route={route} />
      </main>
      <LeaveDialog />
      <nav class="tabs" aria-label={t('appName')}>
        <a href={href({ name: 'households' })} aria-current={here('households')}>
          {t('navHouseholds')}
        </a>
        <a href={href({ name: 'outbox' })} aria-current={here('outbox')}>
          {t('navOutbox')}
        </a>
        <a href={href({ name: 'settings' })} aria-current={here('settings')}>
          {t('navSettings')}
        </a>
      </nav>
    </div>
  );
}
