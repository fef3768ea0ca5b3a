const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** An instant as Vietnamese wall-clock time, `2026-11-27 16:58` (UTC+7 all year, no DST). */
export function formatVietnamTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
