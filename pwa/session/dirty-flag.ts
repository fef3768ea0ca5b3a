import { useEffect } from 'preact/hooks';

/**
 * Whether a form holds unsaved changes. The update prompt reads it: an app update is never
 * applied under unsaved work (the reload would lose it).
 */
export interface DirtyFlag {
  get(): boolean;
  set(owner: string, dirty: boolean): void;
  subscribe(listener: (dirty: boolean) => void): () => void;
}

export function createDirtyFlag(): DirtyFlag {
  const owners = new Set<string>();
  const listeners = new Set<(dirty: boolean) => void>();
  return {
    get: () => owners.size > 0,
    set(owner, dirty) {
      const before = owners.size > 0;
      if (dirty) owners.add(owner);
      else owners.delete(owner);
      if (before !== owners.size > 0) for (const listener of listeners) listener(owners.size > 0);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Marks the flag while `dirty` holds, and clears it when the form goes away. */
export function useDirty(flag: DirtyFlag, owner: string, dirty: boolean): void {
  useEffect(() => {
    flag.set(owner, dirty);
  }, [flag, owner, dirty]);
  useEffect(() => () => flag.set(owner, false), [flag, owner]);
}
