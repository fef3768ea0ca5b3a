/** A server address as the volunteer typed it, made into an origin, or undefined if it is not one. */
export function parseServerUrl(raw: string): string | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') return undefined;
  try {
    const url = new URL(scheme === undefined ? `https://${text}` : text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return undefined;
  }
}
