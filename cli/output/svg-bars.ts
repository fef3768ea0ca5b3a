import { escapeHtml } from './html.ts';

export interface Bar {
  readonly label: string;
  /** Segments drawn left to right; values in the chart's unit. */
  readonly segments: readonly { readonly value: number; readonly color: string; readonly title: string }[];
  /** Text drawn after the bar (e.g. "76,6 %"). */
  readonly note: string;
}

export interface BarChartOptions {
  readonly title: string;
  /** The value a full-width bar stands for (1 for shares, the largest total for counts). */
  readonly max: number;
  readonly width?: number;
}

const ROW = 24;
const LABEL_WIDTH = 240;
const NOTE_WIDTH = 90;

/**
 * A horizontal (stacked) bar chart as inline SVG: no script, no font or file to fetch, so the
 * report opens the same on a phone with no network. Each segment has a <title> for a tooltip.
 */
export function svgBarChart(bars: readonly Bar[], options: BarChartOptions): string {
  const width = options.width ?? 720;
  const plot = width - LABEL_WIDTH - NOTE_WIDTH;
  const height = bars.length * ROW + 8;
  const rows = bars.map((bar, i) => {
    const y = i * ROW + 4;
    let x = LABEL_WIDTH;
    const rects = bar.segments.map((segment) => {
      const w = options.max > 0 ? Math.max(0, (segment.value / options.max) * plot) : 0;
      const rect = `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${ROW - 8}" fill="${escapeHtml(segment.color)}"><title>${escapeHtml(segment.title)}</title></rect>`;
      x += w;
      return rect;
    });
    return [
      `<text x="${LABEL_WIDTH - 6}" y="${y + ROW / 2}" text-anchor="end">${escapeHtml(bar.label)}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${y}" width="${plot}" height="${ROW - 8}" fill="#eef1f4"/>`,
      ...rects,
      `<text x="${LABEL_WIDTH + plot + 6}" y="${y + ROW / 2}">${escapeHtml(bar.note)}</text>`,
    ].join('');
  });
  return `<svg role="img" aria-label="${escapeHtml(options.title)}" viewBox="0 0 ${width} ${height}" width="100%" font-size="12" dominant-baseline="middle">
<title>${escapeHtml(options.title)}</title>
${rows.join('\n')}
</svg>`;
}
