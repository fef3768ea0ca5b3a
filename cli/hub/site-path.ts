import { extname, join, sep } from 'node:path';

/** Where a request path leads inside the site, or why it leads nowhere. */
export type SitePath =
  | { readonly kind: 'file'; readonly file: string; readonly segments: readonly string[] }
  | { readonly kind: 'bad' };

/**
 * Maps a URL path onto a file under `root`, refusing anything that could step outside it: `..`
 * and `.` segments (also percent-encoded, or hidden behind an encoded `/` or `\`), NUL bytes,
 * malformed escapes, and dotfiles. The caller still checks the real path (symbolic links).
 */
export function sitePath(root: string, rawUrl: string): SitePath {
  // Only the path: split before any URL parsing could resolve `..` on our behalf.
  const rawPath = rawUrl.split(/[?#]/, 1)[0] ?? '/';
  if (!rawPath.startsWith('/')) return { kind: 'bad' };
  const segments: string[] = [];
  for (const raw of rawPath.split('/').slice(1)) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { kind: 'bad' };
    }
    if (segment === '') continue;
    if (segment === '.' || segment === '..' || segment.startsWith('.')) return { kind: 'bad' };
    if (/[/\\\0]/.test(segment)) return { kind: 'bad' };
    segments.push(segment);
  }
  if (segments.length === 0) segments.push('index.html');
  const file = join(root, ...segments);
  if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) return { kind: 'bad' };
  return { kind: 'file', file, segments };
}

/** An app route (`/outbox`, `/h/new`): no file extension in its last segment. */
export function isAppRoute(segments: readonly string[]): boolean {
  const last = segments.at(-1) ?? '';
  return extname(last) === '';
}

/**
 * Vite's hashed build output (`assets/index-D1FMsZUv.js`, `workbox-9c191d2f.js`): its name changes
 * with its content, so a browser may keep it for a year. Everything else is revalidated.
 */
export function isHashedAsset(segments: readonly string[]): boolean {
  if (segments[0] === 'assets' && segments.length > 1) return true;
  const last = segments.at(-1) ?? '';
  return /-[A-Za-z0-9_-]{8,}\.(js|css)$/.test(last) && last !== 'sw.js';
}
