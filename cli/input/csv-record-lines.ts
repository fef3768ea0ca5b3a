const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * The 1-based line on which each record of an RFC 4180 text starts, blank lines skipped, in the
 * order csv-parse returns them. One pass over the characters, no allocation per record: far
 * cheaper than asking csv-parse for per-record info, whose line count also takes a CRLF inside
 * a quoted cell for two lines.
 */
export function csvRecordLines(text: string): number[] {
  const starts: number[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let atRecordStart = true;
  let inQuotes = false;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (atRecordStart) {
      if (c === CR || c === LF) {
        // A blank line: csv-parse skips it (skip_empty_lines).
        i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
        line += 1;
        continue;
      }
      starts.push(line);
      atRecordStart = false;
    }
    if (c === QUOTE) {
      // Inside quotes, "" is an escaped quote; any other quote opens or closes.
      if (inQuotes && text.charCodeAt(i + 1) === QUOTE) i += 1;
      else inQuotes = !inQuotes;
    } else if (c === CR || c === LF) {
      if (c === CR && text.charCodeAt(i + 1) === LF) i += 1;
      line += 1;
      if (!inQuotes) atRecordStart = true;
    }
    i += 1;
  }
  return starts;
}
