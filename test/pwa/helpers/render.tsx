import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import type { Lang } from '../../../shared/i18n/index.ts';
import { createDirtyFlag } from '../../../pwa/session/dirty-flag.ts';
import { SessionContext, type Session } from '../../../pwa/session/session.ts';
import { domainEn, en } from '../../../pwa/i18n/en.ts';
import { LangContext, translator } from '../../../pwa/i18n/ui.ts';
import { vi } from '../../../pwa/i18n/vi.ts';
import type { LangsoDb } from '../../../pwa/store/db.ts';
import { DexieOutboxStore } from '../../../pwa/store/dexie-outbox-store.ts';
import { createQueries } from '../../../pwa/store/queries.ts';
import { loadSearchIndex } from '../../../pwa/search/search-index.ts';

export const NOW = new Date('2026-03-01T08:00:00.000Z');

/** A session over a test database: no network, a fixed clock. */
export function testSession(db: LangsoDb, overrides: Partial<Session> = {}): Session {
  const outbox = new DexieOutboxStore(db);
  return {
    network: { online: () => true, subscribe: () => () => undefined },
    db,
    queries: createQueries(db, outbox),
    outbox,
    mode: 'real',
    device: { deviceId: 'device-test', volunteerName: 'Tình nguyện viên Thử', teamName: 'Ấp Một', enrolledAt: NOW.toISOString() },
    dirty: createDirtyFlag(),
    sync: { state: () => ({ running: false }), subscribe: () => () => undefined, poke: () => undefined, watch: () => () => undefined },
    storage: undefined,
    clock: () => NOW,
    searchIndex: () => loadSearchIndex(db.searchKeys),
    author: () => ({ deviceId: 'device-test', training: false, now: NOW }),
    afterSave: async () => undefined,
    switchMode: () => undefined,
    resetTraining: async () => undefined,
    loadDemoData: async () => 0,
    forgetDevice: async () => undefined,
    ...overrides,
  };
}

export interface Mounted {
  readonly root: HTMLElement;
  readonly setLang: (lang: Lang) => Promise<void>;
  unmount(): void;
}

/** Renders a screen or component inside a session and a language, as the app does. */
export async function mount(session: Session, node: ComponentChild, lang: Lang = 'vi'): Promise<Mounted> {
  const root = document.createElement('div');
  document.body.append(root);
  const draw = (l: Lang) =>
    render(
      <LangContext.Provider value={{ lang: l, t: translator(l === 'vi' ? vi : en), ...(l === 'en' ? { domainEn } : {}), setLang: () => undefined }}>
        <SessionContext.Provider value={session}>{node}</SessionContext.Provider>
      </LangContext.Provider>,
      root,
    );
  await act(() => draw(lang));
  return {
    root,
    setLang: async (l) => {
      await act(() => draw(l));
    },
    unmount() {
      render(null, root);
      root.remove();
    },
  };
}

/**
 * True once a form's save button is back, not busy: a save attempt has ended, whatever it did
 * (the button is disabled from the tap until the save settles).
 */
export function saveSettled(root: ParentNode): boolean {
  const button = root.querySelector<HTMLButtonElement>('button[type="submit"]');
  return button !== null && !button.disabled;
}

export async function typeInto(root: ParentNode, selector: string, value: string): Promise<void> {
  const input = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
  if (!input) throw new Error(`no ${selector}`);
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function blur(root: ParentNode, selector: string): Promise<void> {
  const input = root.querySelector<HTMLElement>(selector);
  if (!input) throw new Error(`no ${selector}`);
  await act(() => {
    input.dispatchEvent(new FocusEvent('blur'));
  });
}

export async function click(element: Element | null): Promise<void> {
  if (!(element instanceof HTMLElement)) throw new Error('nothing to click');
  await act(() => element.click());
}

/** The button, link or label whose text is exactly `text`. */
export function byText(root: ParentNode, text: string, selector = 'button, a, label, span'): HTMLElement | null {
  return [...root.querySelectorAll<HTMLElement>(selector)].find((el) => el.textContent?.trim() === text) ?? null;
}

/** After each component test: the screen unmounted and its database deleted (returns the new `view`). */
export async function tearDown(view: Mounted | undefined, db: LangsoDb | undefined): Promise<undefined> {
  view?.unmount();
  await db?.delete();
  return undefined;
}
