/** Photos are shrunk when taken, so they fit on the phone and through a 2G link (docs/ARCHITECTURE.md, "Stores"). */
export interface DownscaleOptions {
  readonly longEdge: number;
  readonly maxBytes: number;
}

export const PHOTO_DEFAULTS: DownscaleOptions = { longEdge: 1024, maxBytes: 200 * 1024 };

/** The slow-link choice in settings: a 640 px photo is about a third of the bytes to send. */
export const PHOTO_SMALL: DownscaleOptions = { longEdge: 640, maxBytes: 100 * 1024 };

export function photoOptions(longEdge: number | undefined): DownscaleOptions {
  return longEdge === PHOTO_SMALL.longEdge ? PHOTO_SMALL : PHOTO_DEFAULTS;
}

const QUALITIES = [0.8, 0.7, 0.6, 0.5, 0.4] as const;

type Surface = {
  readonly width: number;
  readonly height: number;
  draw(bitmap: ImageBitmap, width: number, height: number): void;
  encode(quality: number): Promise<Blob>;
};

function surface(width: number, height: number): Surface {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    return drawingOn(canvas.getContext('2d'), width, height, (quality) => canvas.convertToBlob({ type: 'image/jpeg', quality }));
  }
  const canvas = Object.assign(document.createElement('canvas'), { width, height });
  return drawingOn(canvas.getContext('2d'), width, height, (quality) =>
    new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('encode failed'))), 'image/jpeg', quality)),
  );
}

function drawingOn(
  ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null,
  width: number,
  height: number,
  encode: Surface['encode'],
): Surface {
  if (!ctx) throw new Error('no 2d context');
  return { width, height, draw: (bitmap, w, h) => ctx.drawImage(bitmap, 0, 0, w, h), encode };
}

export function fitLongEdge(width: number, height: number, longEdge: number): { width: number; height: number } {
  const scale = Math.min(1, longEdge / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * The photo as a JPEG with its long edge at most `longEdge`, at quality 0.8 — lower when the file
 * is still over `maxBytes`, and smaller in pixels as a last resort. EXIF orientation is applied
 * first, so a portrait photo stays upright.
 */
export async function downscalePhoto(file: Blob, options: DownscaleOptions = PHOTO_DEFAULTS): Promise<Blob> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    let edge = options.longEdge;
    let best: Blob | undefined;
    for (let round = 0; round < 3; round += 1) {
      const size = fitLongEdge(bitmap.width, bitmap.height, edge);
      const target = surface(size.width, size.height);
      target.draw(bitmap, size.width, size.height);
      for (const quality of QUALITIES) {
        best = await target.encode(quality);
        if (best.size <= options.maxBytes) return best;
      }
      edge = Math.round(edge * 0.75);
    }
    if (!best) throw new Error('encode failed');
    return best;
  } finally {
    bitmap.close();
  }
}
