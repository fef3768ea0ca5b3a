import { render } from 'preact';
import { App } from './app/app.tsx';
import './styles.css';

const root = document.getElementById('app');
if (root) {
  render(
    <App
      env={{
        fetch: (input, init) => fetch(input, init),
        storage: navigator.storage,
        clock: () => new Date(),
        prefs: localStorage,
        events: window,
        isVisible: () => document.visibilityState === 'visible',
        isOnline: () => navigator.onLine,
        reload: () => location.reload(),
      }}
    />,
    root,
  );
}
