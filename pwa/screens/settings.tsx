import { useEffect, useState } from 'preact/hooks';
import { shortFingerprint } from '../../shared/seal/jwk.ts';
import { useSession } from '../session/session.ts';
import { useLive } from '../session/use-live.ts';
import { formatBytes, formatDateTime } from '../i18n/format.ts';
import { useLang } from '../i18n/ui.ts';
import { storageUse, type StorageUse } from '../store/persistence.ts';
import { PHOTO_LONG_EDGES, SETTINGS, writeSetting } from '../store/settings-registry.ts';
import { LanguageNeedsNetwork } from '../components/language-needs-network.tsx';

/** Language, whether the browser keeps our data, storage use, training mode, the device. */
export function SettingsScreen() {
  const { t, lang, setLang } = useLang();
  const session = useSession();
  const persist = useLive(async () => (await session.queries.setting(SETTINGS.persist)) ?? null, [session.queries]);
  const photo = useLive(async () => (await session.queries.setting(SETTINGS.photo)) ?? null, [session.queries]);
  const leadKeyId = useLive(async () => (await session.queries.leadKeyId()) ?? null, [session.queries]);
  const longEdge = photo?.longEdge ?? 1024;
  const [use, setUse] = useState<StorageUse | undefined>(undefined);
  const [resetDone, setResetDone] = useState(false);
  useEffect(() => {
    void storageUse(session.storage).then(setUse);
  }, [session]);
  const device = session.device;

  const [demoText, setDemoText] = useState<string | undefined>(undefined);
  const loadDemo = async () => {
    if (!confirm(t('trainingLoadDemoConfirm'))) return;
    try {
      setDemoText(t('trainingLoadDemoDone', { count: await session.loadDemoData() }));
    } catch (error) {
      setDemoText(t('trainingLoadDemoFailed', { reason: error instanceof Error ? error.message : String(error) }));
    }
  };

  const resetTraining = async () => {
    if (!confirm(t('trainingResetConfirm'))) return;
    await session.resetTraining();
    setResetDone(true);
  };

  let persistText = t('persistUnknown');
  if (persist) persistText = !persist.supported ? t('persistUnsupported') : persist.granted ? t('persistGranted') : t('persistDenied');

  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settingsTitle')}</h1>

      <h2>{t('language')}</h2>
      <div class="actions" role="group" aria-label={t('language')}>
        <button type="button" class={lang === 'vi' ? 'button button-primary' : 'button'} aria-pressed={lang === 'vi'} onClick={() => setLang('vi')} lang="vi">
          Tiếng Việt
        </button>
        <button type="button" class={lang === 'en' ? 'button button-primary' : 'button'} aria-pressed={lang === 'en'} onClick={() => setLang('en')} lang="en">
          English
        </button>
      </div>
      <LanguageNeedsNetwork />

      <h2>{t('persistTitle')}</h2>
      <p data-testid="persist-answer">
        {persistText}
        {persist && ` (${formatDateTime(lang, persist.at)})`}
      </p>
      {persist && persist.supported && !persist.granted && <p class="notice">{t('persistRefused')}</p>}

      <h2>{t('storageTitle')}</h2>
      {use ? (
        <p class={use.warn ? 'notice notice-warn' : undefined}>
          {t('storageUse', { used: formatBytes(lang, use.usage), quota: formatBytes(lang, use.quota), percent: Math.round(use.share * 100) })}
        </p>
      ) : (
        <p>{t('storageUnknown')}</p>
      )}

      <fieldset class="field">
        <legend>{t('photoSizeTitle')}</legend>
        {PHOTO_LONG_EDGES.map((edge) => (
          <label class="choice" key={edge}>
            <input
              type="radio"
              name="photo-size"
              value={edge}
              checked={longEdge === edge}
              onChange={() => void writeSetting(session.db, SETTINGS.photo, { longEdge: edge })}
            />
            {t(edge === 640 ? 'photoSize640' : 'photoSize1024')}
          </label>
        ))}
      </fieldset>

      <h2>{t('trainingTitle')}</h2>
      {session.mode === 'training' ? (
        <div class="actions">
          <button type="button" class="button" onClick={() => void loadDemo()}>
            {t('trainingLoadDemo')}
          </button>
          <button type="button" class="button button-danger" onClick={() => void resetTraining()}>
            {t('trainingReset')}
          </button>
          <button type="button" class="button" onClick={() => session.switchMode('real')}>
            {t('trainingLeave')}
          </button>
        </div>
      ) : (
        <button type="button" class="button" onClick={() => session.switchMode('training')}>
          {t('trainingEnter')}
        </button>
      )}
      {resetDone && <p class="notice notice-ok">{t('trainingResetDone')}</p>}
      {demoText && (
        <p class="notice" role="status">
          {demoText}
        </p>
      )}

      <h2>{t('deviceTitle')}</h2>
      <ul class="plain">
        <li>{t('deviceVolunteer', { name: device.volunteerName })}</li>
        {device.serverUrl && <li>{t('deviceServer', { url: device.serverUrl })}</li>}
        {device.teamName && <li>{t('deviceTeam', { team: device.teamName })}</li>}
        {device.teamId !== undefined && leadKeyId !== undefined && (
          <li data-testid="lead-key">{leadKeyId ? t('leadKeyFingerprint', { fingerprint: shortFingerprint(leadKeyId) }) : t('leadKeyNone')}</li>
        )}
        <li>{t('deviceId', { id: device.deviceId })}</li>
        <li>{t('version', { build: __LANGSO_BUILD__ })}</li>
      </ul>
      {session.mode === 'real' && (
        <button type="button" class="button" onClick={() => void session.forgetDevice()}>
          {t('reenrol')}
        </button>
      )}
    </section>
  );
}
