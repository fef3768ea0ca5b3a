import { Workbox } from 'workbox-window';
import type { UpdateOffer } from '../components/update-banner.tsx';

/**
 * Registers the service worker (registerType 'prompt'): a new version installs in the background
 * and waits; `onUpdate` offers it, and it takes over only when the volunteer taps reload — which
 * the banner allows only when no form holds unsaved changes.
 */
export function registerServiceWorker(onUpdate: (offer: UpdateOffer) => void): void {
  // Not under the dev server, where it would cache modules being edited. (Not `env.PROD`: that
  // follows NODE_ENV, and a build made inside a test runner must still register its worker.)
  if (!('serviceWorker' in navigator) || import.meta.hot) return;
  const wb = new Workbox('/sw.js');
  wb.addEventListener('waiting', () => {
    onUpdate({
      apply() {
        wb.addEventListener('controlling', () => location.reload());
        wb.messageSkipWaiting();
      },
    });
  });
  // Precaching downloads the whole app: on a 2G link it must not compete with the first screen.
  const register = () => void wb.register();
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
  // Look for a new version when the network comes back and every hour the app stays open.
  const check = () => void wb.update();
  addEventListener('online', check);
  setInterval(check, 60 * 60 * 1000);
}
