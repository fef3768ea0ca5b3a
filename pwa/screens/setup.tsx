import { useState } from 'preact/hooks';
import type { AppEnv } from '../session/create-session.ts';
import { TextField } from '../components/text-field.tsx';
import { useLang } from '../i18n/ui.ts';
import { openLangsoDb, type DbMode, type LangsoDb } from '../store/db.ts';
import { SETTINGS, writeSetting, type DeviceSettings } from '../store/settings-registry.ts';
import type { TransportFailure } from '../../shared/sync/transport.ts';
import type { Translate } from '../i18n/ui.ts';
import { parseServerUrl } from '../sync/server-url.ts';
import { LanguageNeedsNetwork } from '../components/language-needs-network.tsx';

export interface SetupScreenProps {
  readonly db: LangsoDb;
  readonly mode: DbMode;
  readonly env: AppEnv;
  readonly onMode: (mode: DbMode) => void;
}

type Problem = 'name' | 'server' | 'code';

/**
 * First run: join a team with the code the team lead gives (POST /v1/devices), or practise in
 * training mode, which needs no network and keeps its own database.
 */
export function SetupScreen({ db, mode, env, onMode }: SetupScreenProps) {
  const { t, lang, setLang } = useLang();
  const [name, setName] = useState('');
  const [server, setServer] = useState(() => (typeof location === 'undefined' ? '' : location.origin));
  const [code, setCode] = useState('');
  const [problems, setProblems] = useState<ReadonlySet<Problem>>(new Set());
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const volunteerName = name.normalize('NFC').replace(/\s+/g, ' ').trim();

  const enrol = async (event: Event) => {
    event.preventDefault();
    const url = parseServerUrl(server);
    const found = new Set<Problem>();
    if (volunteerName === '') found.add('name');
    if (url === undefined) found.add('server');
    if (code.trim() === '') found.add('code');
    setProblems(found);
    if (found.size > 0 || url === undefined) return;
    setBusy(true);
    setFailure(undefined);
    // The protocol schemas and the key code load only when a volunteer actually enrols.
    const { joinTeam } = await import('../sync/join-team.ts');
    const target = mode === 'real' ? db : openLangsoDb('real');
    const result = await joinTeam(env.fetch, target, { serverUrl: url, code, volunteerName, at: env.clock().toISOString() });
    setBusy(false);
    if (mode !== 'real') target.close();
    if (!result.ok) return setFailure(enrolFailureText(t, result));
    if (mode !== 'real') onMode('real');
  };

  const train = async () => {
    if (volunteerName === '') {
      setProblems(new Set(['name']));
      return;
    }
    const device: DeviceSettings = { deviceId: `training-${crypto.randomUUID()}`, volunteerName, enrolledAt: env.clock().toISOString() };
    const target = mode === 'training' ? db : openLangsoDb('training');
    await writeSetting(target, SETTINGS.device, device);
    if (mode !== 'training') {
      target.close();
      onMode('training');
    }
  };

  return (
    <main id="main" class="setup">
      <div class="row-between">
        <h1>{t('setupTitle')}</h1>
        <button type="button" class="button" lang={lang === 'vi' ? 'en' : 'vi'} onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>
          {t('langSwitch')}
        </button>
      </div>
      <LanguageNeedsNetwork />
      <p>{t('setupIntro')}</p>
      <form onSubmit={(e) => void enrol(e)} noValidate>
        <TextField
          id="volunteerName"
          label={t('setupVolunteer')}
          value={name}
          onInput={setName}
          required
          autoComplete="name"
          error={problems.has('name') ? t('setupNeedName') : undefined}
        />
        <TextField
          id="serverUrl"
          type="url"
          label={t('setupServer')}
          hint={t('setupServerHint')}
          value={server}
          onInput={setServer}
          inputMode="url"
          error={problems.has('server') ? t('setupNeedServer') : undefined}
        />
        <TextField
          id="teamCode"
          label={t('setupCode')}
          value={code}
          onInput={setCode}
          error={problems.has('code') ? t('setupNeedCode') : undefined}
        />
        {failure && (
          <p class="notice notice-error" role="alert">
            {failure}
          </p>
        )}
        <button type="submit" class="button button-primary" disabled={busy}>
          {busy ? t('setupEnrolling') : t('setupEnrol')}
        </button>
      </form>
      <p class="or">{t('setupOr')}</p>
      <button type="button" class="button" onClick={() => void train()}>
        {t('setupTraining')}
      </button>
    </main>
  );
}

/** Why the team did not take this phone, in the volunteer's words, by the failure's code. */
function enrolFailureText(t: Translate, failure: TransportFailure): string {
  if (failure.class === 'transient' && failure.status === undefined) return t('setupOffline');
  if (failure.code === 'ENROL_CODE_INVALID') return t('setupCodeRefused');
  if (failure.code === 'BAD_RESPONSE') return t('setupNotLangso');
  const said = failure.class === 'permanent' ? failure.message : undefined;
  return t('setupFailed', { reason: said === undefined ? failure.code : `${failure.code}: ${said}` });
}
