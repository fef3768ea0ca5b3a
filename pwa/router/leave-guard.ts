import { useEffect, useState } from 'preact/hooks';

/**
 * Leaving a form with changes asks first: a link in the bottom bar or Android's back button
 * would otherwise take the volunteer away mid-sentence. The form stays on screen (and in the
 * address bar) until they answer; what they typed is in its draft either way.
 */

/** Marks the history entries this app has shown: a hash change onto one is a back or forward press. */
const VISITED = 1;

interface Pending {
  /** Where the volunteer was going. */
  readonly hash: string;
  /** A back/forward press (the form was put back as a new entry), not a link (undone with a back). */
  readonly fromHistory: boolean;
}

let shownHash = '';
let guardedPath: string | undefined;
let pending: Pending | undefined;
/** Hash changes the guard made itself, which must not ask again. */
let ownChanges = 0;
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

/** A wizard's steps are one form: stepping inside it never asks. */
function formPath(hash: string): string {
  return hash.replace(/\/(dossier|edit)\/[a-z]+$/, '/$1');
}

function isVisited(): boolean {
  const state: unknown = history.state;
  return typeof state === 'object' && state !== null && (state as { langso?: unknown }).langso === VISITED;
}

/** The route in the address bar is the one on screen now; `back` names the entry before it, when known. */
export function markVisited(back?: string): void {
  shownHash = location.hash;
  if (!isVisited()) history.replaceState({ langso: VISITED, ...(back === undefined ? {} : { back }) }, '', location.href);
}

/** The hash of the entry before this one, when this app made this entry by stepping forward. */
export function entryBefore(): string | undefined {
  const state: unknown = history.state;
  if (typeof state !== 'object' || state === null) return undefined;
  const back = (state as { back?: unknown }).back;
  return typeof back === 'string' ? back : undefined;
}

/** True when this hash change must wait for an answer: the form is put back meanwhile. */
export function holdForAnswer(): boolean {
  if (ownChanges > 0) {
    ownChanges -= 1;
    return false;
  }
  if (guardedPath === undefined || formPath(location.hash) === guardedPath || pending) return false;
  const fromHistory = isVisited();
  pending = { hash: location.hash, fromHistory };
  if (fromHistory) {
    // pushState fires no hashchange: the form is back in the address bar, one entry later.
    history.pushState({ langso: VISITED }, '', shownHash);
  } else {
    ownChanges += 1;
    history.back();
  }
  notify();
  return true;
}

export interface LeaveQuestion {
  readonly stay: () => void;
  readonly leave: () => void;
}

function answer(leave: boolean): void {
  const asked = pending;
  pending = undefined;
  notify();
  if (!asked || !leave) return;
  guardedPath = undefined;
  if (asked.fromHistory) history.back();
  else location.hash = asked.hash;
}

/** The question on screen while a change of route waits, or undefined. */
export function usePendingLeave(): LeaveQuestion | undefined {
  const [asking, setAsking] = useState(pending !== undefined);
  useEffect(() => {
    const listener = () => setAsking(pending !== undefined);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return asking ? { stay: () => answer(false), leave: () => answer(true) } : undefined;
}

/** A saved form goes on to its next screen without asking (before its effects have run). */
export function releaseLeaveGuard(): void {
  guardedPath = undefined;
}

/** While `changed` holds, leaving the form on screen asks first. */
export function useLeaveGuard(changed: boolean): void {
  useEffect(() => {
    if (!changed) return undefined;
    const path = formPath(location.hash);
    guardedPath = path;
    return () => {
      if (guardedPath === path) guardedPath = undefined;
    };
  }, [changed]);
}
