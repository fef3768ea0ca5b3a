import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Lang } from '../../shared/i18n/index.ts';
import { LangContext, loadWords, translator, VIETNAMESE, type Words } from '../i18n/ui.ts';
import { openLangsoDb, type DbMode } from '../store/db.ts';
import { readSetting, SETTINGS } from '../store/settings-registry.ts';
import type { AppEnv } from '../session/create-session.ts';
import { createDirtyFlag } from '../session/dirty-flag.ts';
import { useLive } from '../session/use-live.ts';
// The first screen of a first visit: in the entry script, one round trip fewer on a 2G link.
import { SetupScreen } from '../screens/setup.tsx';
import type { UpdateOffer } from '../components/update-banner.tsx';
import { registerServiceWorker } from './service-worker.ts';
import { lazy } from './lazy.tsx';

// Everything after setup loads as its own chunk, the session with it: a first visit on 2G needs
// only the setup screen.
const Shell = lazy(() => import('./shell.tsx').then((m) => m.Shell));

const LANG_KEY = 'langso.lang';
const MODE_KEY = 'langso.mode';

export function App({ env }: { readonly env: AppEnv }) {
  const [words, setWords] = useState<Words>(VIETNAMESE);
  const [unavailable, setUnavailable] = useState<Lang | undefined>(undefined);
  const lang = words.lang;
  const [mode, setModeState] = useState<DbMode>(() => (env.prefs.getItem(MODE_KEY) === 'training' ? 'training' : 'real'));
  const [update, setUpdate] = useState<UpdateOffer | undefined>(undefined);
  const dirty = useMemo(createDirtyFlag, []);
  const db = useMemo(() => openLangsoDb(mode), [mode]);
  useEffect(() => () => db.close(), [db]);
  useEffect(() => registerServiceWorker(setUpdate), []);

  const chooseLanguage = (next: Lang) => {
    // A browser keeps a failed dynamic import failed for the life of the page: the retry after
    // the signal came back needs a fresh page (the choice is saved), unless work is unsaved.
    if (unavailable === next && !dirty.get()) {
      env.reload();
      return;
    }
    void loadWords(next).then(
      (loaded) => {
        setWords(loaded);
        setUnavailable(undefined);
      },
      // English not downloaded yet and no signal: stay in Vietnamese and say so.
      () => setUnavailable(next),
    );
  };
  useEffect(() => {
    if (env.prefs.getItem(LANG_KEY) === 'en') chooseLanguage('en');
  }, [env]);
  const langState = useMemo(
    () => ({
      lang,
      t: translator(words.catalog),
      ...(words.domainEn ? { domainEn: words.domainEn } : {}),
      setLang(next: Lang) {
        env.prefs.setItem(LANG_KEY, next);
        chooseLanguage(next);
      },
      ...(unavailable ? { unavailable } : {}),
    }),
    [words, unavailable, env],
  );
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setMode = (next: DbMode) => {
    env.prefs.setItem(MODE_KEY, next);
    setModeState(next);
  };
  // null: this database has no device yet (setup); undefined: still reading.
  const device = useLive(async () => (await readSetting(db, SETTINGS.device)) ?? null, [db]);

  let body;
  if (device === undefined) body = <p class="loading">{langState.t('loading')}</p>;
  else if (device === null) body = <SetupScreen db={db} mode={mode} env={env} onMode={setMode} />;
  else body = <Shell env={env} db={db} mode={mode} device={device} dirty={dirty} setMode={setMode} update={update} />;
  return <LangContext.Provider value={langState}>{body}</LangContext.Provider>;
}
