import type { ComponentType, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../i18n/ui.ts';

/**
 * A screen loaded on first use (its own chunk, precached by the service worker), so the entry
 * script stays small on a 2G link. Once loaded it renders without a flash.
 */
export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): FunctionComponent<P> {
  let cached: ComponentType<P> | undefined;
  return function Lazy(props: P) {
    const t = useT();
    const [loaded, setLoaded] = useState<{ component: ComponentType<P> } | undefined>(cached ? { component: cached } : undefined);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (cached) return;
      load().then(
        (component) => {
          cached = component;
          setLoaded({ component });
        },
        () => setFailed(true),
      );
    }, []);
    if (failed) return <p class="notice notice-error" role="alert">{t('loadFailed')}</p>;
    if (!loaded) return <p class="loading" aria-live="polite">{t('loading')}</p>;
    const Component = loaded.component;
    return <Component {...props} />;
  };
}
