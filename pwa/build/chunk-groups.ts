/**
 * How the app's scripts are cut (build time only). The entry holds what the first screen needs;
 * everything loaded later goes into one chunk; English (the screens' and the domain's words) into
 * its own, `lang-en`, which the service worker does not precache: it is fetched when chosen.
 * Left to itself, the bundler cut the lazy code into some forty small files: each is compressed
 * on its own, so words shared between them were paid for again and again (≈ 15 KB of gzip).
 */

/** The parts of the module graph the grouping reads (rolldown's ChunkingContext). */
export interface ModuleGraph {
  getModuleInfo(id: string): { readonly isEntry: boolean; readonly importers: readonly string[] } | null;
}

const ENGLISH = /[\\/](pwa|shared)[\\/]i18n[\\/]en[^\\/]*\.ts$/;

/** The English chunk's name: its files are `assets/lang-en-<hash>.js`. */
export const ENGLISH_CHUNK = 'lang-en';

/** True when the entry page reaches the module through static imports: it must stay eager. */
export function loadedByEntry(id: string, graph: ModuleGraph): boolean {
  const queue = [id];
  const seen = new Set(queue);
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    if (next.endsWith('.html')) return true;
    const info = graph.getModuleInfo(next);
    if (!info) continue;
    if (info.isEntry) return true;
    for (const importer of info.importers) {
      if (!seen.has(importer)) {
        seen.add(importer);
        queue.push(importer);
      }
    }
  }
  return false;
}

/** The chunk a module goes to: null leaves it to the entry (or to the bundler). */
export function lazyChunkOf(id: string, graph: ModuleGraph): string | null {
  if (loadedByEntry(id, graph)) return null;
  return ENGLISH.test(id) ? ENGLISH_CHUNK : 'screens';
}
