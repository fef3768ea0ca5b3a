import { useEffect, useState } from 'preact/hooks';
import { entryBefore, holdForAnswer, markVisited } from './leave-guard.ts';

/** Every screen the app can show; the hash in the address bar names one. */
export type Route =
  | { readonly name: 'households' }
  | { readonly name: 'household'; readonly id: string }
  | { readonly name: 'household-new' }
  | { readonly name: 'resident-new'; readonly householdId: string }
  | { readonly name: 'record'; readonly id: string }
  | { readonly name: 'edit'; readonly id: string; readonly step?: string }
  | { readonly name: 'eid-new'; readonly residentId: string }
  | { readonly name: 'dossier-new'; readonly residentId: string; readonly step?: string }
  | { readonly name: 'outbox' }
  | { readonly name: 'settings' };

const ID = '([0-9a-f-]{36})';
/** A step of a wizard, so the back button steps back inside it. */
const STEP = '(?:/([a-z]+))?';
const withStep = (step: string | undefined) => (step === undefined || step === '' ? {} : { step });
const PATTERNS: readonly [RegExp, (m: RegExpExecArray) => Route][] = [
  [/^\/?$/, () => ({ name: 'households' })],
  [/^\/h\/new$/, () => ({ name: 'household-new' })],
  [new RegExp(`^/h/${ID}$`), (m) => ({ name: 'household', id: m[1] ?? '' })],
  [new RegExp(`^/h/${ID}/add$`), (m) => ({ name: 'resident-new', householdId: m[1] ?? '' })],
  [new RegExp(`^/r/${ID}$`), (m) => ({ name: 'record', id: m[1] ?? '' })],
  [new RegExp(`^/r/${ID}/edit${STEP}$`), (m) => ({ name: 'edit', id: m[1] ?? '', ...withStep(m[2]) })],
  [new RegExp(`^/r/${ID}/eid$`), (m) => ({ name: 'eid-new', residentId: m[1] ?? '' })],
  [new RegExp(`^/r/${ID}/dossier${STEP}$`), (m) => ({ name: 'dossier-new', residentId: m[1] ?? '', ...withStep(m[2]) })],
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
      return `#/r/${route.id}/edit${route.step ? `/${route.step}` : ''}`;
    case 'eid-new':
      return `#/r/${route.residentId}/eid`;
    case 'dossier-new':
      return `#/r/${route.residentId}/dossier${route.step ? `/${route.step}` : ''}`;
    case 'outbox':
      return '#/outbox';
    case 'settings':
      return '#/settings';
  }
}

export function navigate(route: Route): void {
  location.hash = href(route);
}

/** Shows a route in place of this one, without a new history entry (a step the wizard skips). */
export function replaceRoute(route: Route): void {
  location.replace(href(route));
}

let stepping: { readonly to: string; readonly back: string } | undefined;

/** A wizard's next step, as a history entry of its own: the back button steps back. */
export function stepTo(route: Route): void {
  stepping = { to: href(route), back: location.hash };
  location.hash = stepping.to;
}

/** The wizard's previous step: back through history when that is where it came from. */
export function stepBack(route: Route): void {
  if (entryBefore() === href(route)) history.back();
  else replaceRoute(route);
}

/**
 * The route the address bar shows, kept current; a change away from a form with unsaved changes
 * waits for the volunteer's answer (leave-guard.ts), whether it came from a link or the back button.
 */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    markVisited();
    const onChange = () => {
      const next = parseRoute(location.hash);
      if (holdForAnswer()) return;
      markVisited(stepping?.to === location.hash ? stepping.back : undefined);
      stepping = undefined;
      setRoute(next);
    };
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
