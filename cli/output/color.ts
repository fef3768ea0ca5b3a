/**
 * ANSI styles, applied only when colour is on (a TTY and no NO_COLOR, see no-color.org). The
 * caller decides `enabled` once per stream; nothing here reads the environment.
 */
const STYLES = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
} as const;
export type Style = keyof typeof STYLES;

export function paint(enabled: boolean, style: Style, text: string): string {
  if (!enabled) return text;
  const [open, close] = STYLES[style];
  return `\u001b[${open}m${text}\u001b[${close}m`;
}

/** Whether to colour what goes to this stream: a TTY, and NO_COLOR unset or empty. */
export function colorFor(stream: NodeJS.WritableStream, env: NodeJS.ProcessEnv): boolean {
  return Boolean((stream as { isTTY?: boolean }).isTTY) && !env['NO_COLOR'];
}
