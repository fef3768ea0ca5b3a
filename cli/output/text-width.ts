const COMBINING = /\p{M}/gu;
// The escape character starts every ANSI style: matching it is the point.
// oxlint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * Columns a string takes in a terminal: combining marks (Vietnamese tone marks in NFD) and ANSI
 * styles take none. Wide CJK is not expected in this tool's data.
 */
export function textWidth(text: string): number {
  let width = 0;
  for (const _ of text.replace(ANSI, '').replace(COMBINING, '')) width += 1;
  return width;
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - textWidth(text)));
}

export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - textWidth(text))) + text;
}
