import { useEffect, useState } from 'preact/hooks';

/** Every screen the app can show; the hash in the address bar names one. */
export type Route =
  | { readonly name: 'households' }
  | { readonly name: 'household'; readonly id: string }
  | { readonly name: 'household-new' }
  | { readonly name: 'resident-new'; readonly householdId: string }
  | { readonly name: 'record'; readonly id: string }
  | { readonly name: 'edit'; readonly id: string }
  | { readonly name: 'eid-new'; readonly residentId: string }
  | { readonly name: 'dossier-new'; readonly residentId: string }
  | { readonly name: 'outbox' }
  | { readonly name: 'settings' };

const ID = '([0-9a-f-]{36})';
const PATTERNS: readonly [RegExp, (m: RegExpExecArray) => Route][] = [
  [/^\/?$/, () => ({ name: 'households' })],
  [/^\/h\/new$/, () => ({ name: 'household-new' })],
  [new RegExp(`^/h/${ID}$`), (m) => ({ name: 'household', id: m[1] ?? '' })],
  [new RegExp(`^/h/${ID}/add$`), (m) => ({ name: 'resident-new', householdId: m[1] ?? '' })],
  [new RegExp(`^/r/${ID}$`), (m) => ({ name: 'record', id: m[1] ?? '' })],
  [new RegExp(`^/r/${ID}/edit$`), (m) => ({ name: 'edit', id: m[1] ?? '' })],
  [new RegExp(`^/r/${ID}/eid$`), (m) => ({ name: 'eid-new', residentId: m[1] ?? '' })],
  [new RegExp(`^/r/${ID}/dossier$`), (m) => ({ name: 'dossier-new', residentId: m[1] ?? '' })],
  [/^\/outbox$/, () => ({ name: 'outbox' })],
  [/^\/settings$/, () => ({ name: 'settings' })],
];

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  for (const [pattern, make] of PATTERNS) {
    const match = pattern.exec(path);
    if (match) return make(match);
  }
  return { name: 'households' };
}

export function href(route: Route): string {
  switch (route.name) {
    case 'households':
      return '#/';
    case 'household':
      return `#/h/${route.id}`;
    case 'household-new':
      return '#/h/new';
    case 'resident-new':
      return `#/h/${route.householdId}/add`;
    case 'record':
      return `#/r/${route.id}`;
    case 'edit':
      return `#/r/${route.id}/edit`;
    case 'eid-new':
      return `#/r/${route.residentId}/eid`;
    case 'dossier-new':
      return `#/r/${route.residentId}/dossier`;
    case 'outbox':
      return '#/outbox';
    case 'settings':
      return '#/settings';
  }
}

export function navigate(route: Route): void {
  location.hash = href(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
