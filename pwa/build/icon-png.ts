/**
 * Draws the app icon as a PNG at build time: a white house with a green roof on a deep-green
 * field, no text (icons are read at thumbnail size in sunlight). Pure: deflate comes from the
 * platform's CompressionStream, which Node 20 and browsers both have.
 */

export interface IconOptions {
  readonly size: number;
  /** Maskable icons keep their picture inside the central 80 % safe zone. */
  readonly maskable: boolean;
}

const FIELD: Rgb = [11, 94, 64];
const WALL: Rgb = [255, 255, 255];
const ROOF: Rgb = [250, 204, 21];
const DOOR: Rgb = [11, 94, 64];
type Rgb = readonly [number, number, number];

/** Colour of the pixel at (x, y) in unit coordinates, 0..1 over the picture area. */
function paint(x: number, y: number): Rgb {
  const roofTop = 0.12;
  const roofBase = 0.48;
  const halfWidth = 0.42 * ((y - roofTop) / (roofBase - roofTop));
  if (y >= roofTop && y < roofBase && Math.abs(x - 0.5) <= halfWidth) return ROOF;
  if (y >= roofBase && y <= 0.88 && x >= 0.2 && x <= 0.8) {
    if (x >= 0.42 && x <= 0.58 && y >= 0.62) return DOOR;
    return WALL;
  }
  return FIELD;
}

function rgba({ size, maskable }: IconOptions): Uint8Array {
  // Rounded corners for the plain icon; the maskable one is a full square the launcher crops.
  const inset = maskable ? 0.2 : 0.08;
  const radius = maskable ? 0 : size * 0.18;
  const rowBytes = size * 4 + 1;
  const out = new Uint8Array(rowBytes * size);
  for (let py = 0; py < size; py += 1) {
    out[py * rowBytes] = 0; // filter type: none
    for (let px = 0; px < size; px += 1) {
      const colour = paint((px / size - inset) / (1 - 2 * inset), (py / size - inset) / (1 - 2 * inset));
      const o = py * rowBytes + 1 + px * 4;
      out[o] = colour[0];
      out[o + 1] = colour[1];
      out[o + 2] = colour[2];
      out[o + 3] = insideRoundedSquare(px + 0.5, py + 0.5, size, radius) ? 255 : 0;
    }
  }
  return out;
}

function insideRoundedSquare(x: number, y: number, size: number, r: number): boolean {
  if (r === 0) return true;
  const cx = Math.min(Math.max(x, r), size - r);
  const cy = Math.min(Math.max(y, r), size - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export async function drawIconPng(options: IconOptions): Promise<Uint8Array> {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, options.size);
  view.setUint32(4, options.size);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  const parts = [
    new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', await deflate(rgba(options))),
    chunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** The icon files the manifest names, drawn at build time. */
export const ICONS = [
  { fileName: 'icons/icon-192.png', size: 192, maskable: false },
  { fileName: 'icons/icon-512.png', size: 512, maskable: false },
  { fileName: 'icons/maskable-512.png', size: 512, maskable: true },
] as const;
