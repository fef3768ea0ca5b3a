/** Byte-order mark: Excel opens a UTF-8 CSV with Vietnamese text correctly only with it. */
export const UTF8_BOM = '\uFEFF';

export type CsvCell = string | number | boolean | null | undefined;

/** One RFC 4180 field: quoted when it holds a comma, a quote, CR or LF; quotes doubled. */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

/** A whole RFC 4180 document (CRLF line ends), with a UTF-8 BOM unless told otherwise. */
export function toCsv(
  header: readonly string[],
  rows: Iterable<readonly CsvCell[]>,
  options: { readonly bom?: boolean } = {},
): string {
  const parts = [options.bom === false ? '' : UTF8_BOM, csvLine(header)];
  for (const row of rows) parts.push(csvLine(row));
  return parts.join('');
}
