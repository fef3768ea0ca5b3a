import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { paint } from '../../../cli/output/color.ts';
import { csvField, toCsv } from '../../../cli/output/csv.ts';
import { escapeHtml } from '../../../cli/output/html.ts';
import { formatShare } from '../../../cli/output/numbers.ts';
import { createProgress } from '../../../cli/output/progress.ts';
import { svgBarChart } from '../../../cli/output/svg-bars.ts';
import { renderTable } from '../../../cli/output/table.ts';
import { textWidth } from '../../../cli/output/text-width.ts';
import { formatVietnamTime } from '../../../cli/output/time.ts';

describe('CSV (RFC 4180)', () => {
  it('quotes fields holding commas, quotes or line breaks, doubling the quotes', () => {
    expect(csvField('Ấp 3, khóm 2')).toBe('"Ấp 3, khóm 2"');
    expect(csvField('Nhà "bà Tư"')).toBe('"Nhà ""bà Tư"""');
    expect(csvField('dòng 1\ndòng 2')).toBe('"dòng 1\ndòng 2"');
    expect(csvField(null)).toBe('');
    expect(csvField(12)).toBe('12');
  });

  it('starts with a BOM for Excel and ends every line with CRLF', () => {
    expect(toCsv(['a', 'b'], [['1', 'x,y']])).toBe('\uFEFFa,b\r\n1,"x,y"\r\n');
    expect(toCsv(['a'], [], { bom: false })).toBe('a\r\n');
  });
});

describe('plain-text tables', () => {
  it('aligns columns by what a terminal shows, whether names are NFC or NFD', () => {
    const nfd = 'Nguyễn'.normalize('NFD');
    expect(textWidth(nfd)).toBe(6);
    const table = renderTable([{ header: 'Tên' }, { header: 'Số', align: 'right' }], [[nfd, '7'], ['An', '12']]);
    const lines = table.trimEnd().split('\n');
    expect(lines.map((l) => textWidth(l))).toEqual([10, 10, 10, 10]);
    expect(lines[3]).toBe('An      12');
  });
});

describe('colour', () => {
  it('adds ANSI styles only when colour is on', () => {
    expect(paint(false, 'red', 'x')).toBe('x');
    expect(paint(true, 'red', 'x')).toBe('\u001b[31mx\u001b[39m');
  });
});

describe('progress on stderr', () => {
  it('prints a plain line every 10 % when not on a terminal', () => {
    const out = new PassThrough();
    const progress = createProgress(out, { label: 'Đang nhập', total: 200, tty: false });
    for (let i = 1; i <= 200; i += 1) progress.update(i);
    progress.finish();
    const lines = String(out.read()).trimEnd().split('\n');
    expect(lines).toHaveLength(10);
    expect(lines.at(-1)).toBe('Đang nhập 200/200 (100 %)');
  });

  it('redraws one line on a terminal and clears it at the end', () => {
    const out = new PassThrough();
    const progress = createProgress(out, { label: 'x', total: 2, tty: true });
    progress.update(1);
    progress.update(2);
    progress.finish();
    const text = String(out.read());
    expect(text).not.toContain('\n');
    expect(text.endsWith('\r\u001b[K')).toBe(true);
  });

  it('shows nothing for an empty total', () => {
    const out = new PassThrough();
    createProgress(out, { label: 'x', total: 0, tty: false }).update(5);
    expect(out.read()).toBeNull();
  });
});

describe('HTML pieces of the report', () => {
  it('escapes text, so a hamlet name cannot inject markup', () => {
    expect(escapeHtml('<script>"Ấp" & \'x\'</script>')).toBe('&lt;script&gt;&quot;Ấp&quot; &amp; &#39;x&#39;&lt;/script&gt;');
    const svg = svgBarChart([{ label: '<b>Ấp 1</b>', segments: [{ value: 0.5, color: '#000', title: 'a' }], note: '50 %' }], { title: 't', max: 1 });
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;b&gt;Ấp 1&lt;/b&gt;');
    expect(svg).not.toMatch(/https?:/);
  });

  it('draws bars in proportion to their value', () => {
    const svg = svgBarChart(
      [
        { label: 'a', segments: [{ value: 1, color: '#111', title: 'full' }], note: '' },
        { label: 'b', segments: [{ value: 0.25, color: '#222', title: 'quarter' }], note: '' },
      ],
      { title: 't', max: 1, width: 720 },
    );
    const widths = [...svg.matchAll(/fill="#(?:111|222)"/g)].map((m) => {
      const before = svg.slice(0, m.index);
      return Number(/width="([\d.]+)"[^<]*$/.exec(before)?.[1]);
    });
    expect(widths).toEqual([390, 97.5]);
  });
});

describe('numbers and times', () => {
  it('writes shares the Vietnamese way, and a dash when there is nothing to divide', () => {
    expect(formatShare('vi', 0.7662)).toMatch(/^76,6\s?%$/);
    expect(formatShare('en', 0.7662)).toBe('76.6%');
    expect(formatShare('vi', null)).toBe('—');
  });

  it('shows instants in Vietnam time', () => {
    expect(formatVietnamTime('2026-11-27T17:30:00.000Z')).toBe('2026-11-28 00:30');
  });
});
