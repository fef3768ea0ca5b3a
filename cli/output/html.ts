const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

/** A table from already-escaped cells; numeric columns are right-aligned by class. */
export function htmlTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  options: { readonly numericFrom?: number; readonly rowClass?: (index: number) => string | undefined } = {},
): string {
  const from = options.numericFrom ?? Number.POSITIVE_INFINITY;
  const cell = (tag: 'th' | 'td', text: string, i: number): string =>
    `<${tag}${i >= from ? ' class="n"' : ''}>${text}</${tag}>`;
  const head = `<tr>${headers.map((h, i) => cell('th', escapeHtml(h), i)).join('')}</tr>`;
  const body = rows
    .map((row, r) => {
      const cls = options.rowClass?.(r);
      return `<tr${cls ? ` class="${cls}"` : ''}>${row.map((c, i) => cell('td', c, i)).join('')}</tr>`;
    })
    .join('\n');
  return `<table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}
