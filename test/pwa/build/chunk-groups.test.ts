import { describe, expect, it } from 'vitest';
import { lazyChunkOf, type ModuleGraph } from '../../../pwa/build/chunk-groups.ts';

/** A module graph given as "module → its static importers"; dynamic imports leave no importer. */
function graph(importers: Record<string, string[]>, entries: string[] = []): ModuleGraph {
  return {
    getModuleInfo: (id) => (id in importers || entries.includes(id) ? { isEntry: entries.includes(id), importers: importers[id] ?? [] } : null),
  };
}

const modules = graph({
  '/app/pwa/main.tsx': ['/app/pwa/index.html'],
  '/app/pwa/app/app.tsx': ['/app/pwa/main.tsx'],
  '/app/node_modules/dexie/dexie.mjs': ['/app/pwa/store/db.ts'],
  '/app/pwa/store/db.ts': ['/app/pwa/app/app.tsx', '/app/pwa/screens/outbox.tsx'],
  // Reached only through import(): no static importer leads to the page.
  '/app/pwa/app/shell.tsx': [],
  '/app/pwa/screens/outbox.tsx': ['/app/pwa/app/shell.tsx'],
  '/app/pwa/i18n/en.ts': [],
  '/app/pwa/i18n/en-batch.ts': ['/app/pwa/i18n/en.ts'],
  // A cycle among lazy modules must not loop.
  '/app/shared/a.ts': ['/app/shared/b.ts', '/app/pwa/screens/outbox.tsx'],
  '/app/shared/b.ts': ['/app/shared/a.ts'],
});

describe('how the PWA build cuts its scripts', () => {
  it('leaves what the first page imports statically to the entry', () => {
    expect(lazyChunkOf('/app/pwa/app/app.tsx', modules)).toBeNull();
    // Used by a lazy screen too, but the entry needs it first.
    expect(lazyChunkOf('/app/node_modules/dexie/dexie.mjs', modules)).toBeNull();
  });

  it('puts everything loaded later into one chunk, through cycles', () => {
    expect(lazyChunkOf('/app/pwa/app/shell.tsx', modules)).toBe('screens');
    expect(lazyChunkOf('/app/pwa/screens/outbox.tsx', modules)).toBe('screens');
    expect(lazyChunkOf('/app/shared/b.ts', modules)).toBe('screens');
  });

  it('keeps the screens\' English words apart: a Vietnamese phone never parses them', () => {
    expect(lazyChunkOf('/app/pwa/i18n/en.ts', modules)).toBe('lang-en');
    expect(lazyChunkOf('/app/pwa/i18n/en-batch.ts', modules)).toBe('lang-en');
  });
});
