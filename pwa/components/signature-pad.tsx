import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../i18n/ui.ts';

export interface SignaturePadProps {
  readonly label: string;
  /** Called with true once something is drawn, false after clearing. */
  readonly onDrawn: (drawn: boolean) => void;
  /** Lets the parent read the drawing as a PNG when the consent is confirmed. */
  readonly exportRef: { current: (() => Promise<Blob | undefined>) | undefined };
}

/** A box the resident signs in with a finger (pointer events cover touch, pen and mouse). */
export function SignaturePad({ label, onDrawn, exportRef }: SignaturePadProps) {
  const t = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawn = useRef(false);

  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) return undefined;
    const ratio = Math.max(1, window.devicePixelRatio || 1);
    el.width = el.clientWidth * ratio;
    el.height = el.clientHeight * ratio;
    ctx.scale(ratio, ratio);
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    ctx.strokeStyle = '#000';
    let last: { x: number; y: number } | undefined;
    const at = (e: PointerEvent) => {
      const box = el.getBoundingClientRect();
      return { x: e.clientX - box.left, y: e.clientY - box.top };
    };
    const down = (e: PointerEvent) => {
      el.setPointerCapture(e.pointerId);
      last = at(e);
    };
    const move = (e: PointerEvent) => {
      if (!last) return;
      const next = at(e);
      ctx.beginPath();
      ctx.moveTo(last.x, last.y);
      ctx.lineTo(next.x, next.y);
      ctx.stroke();
      last = next;
      if (!drawn.current) {
        drawn.current = true;
        onDrawn(true);
      }
    };
    const up = () => {
      last = undefined;
    };
    el.addEventListener('pointerdown', down);
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
    el.addEventListener('pointercancel', up);
    exportRef.current = () =>
      new Promise((resolve) => (drawn.current ? el.toBlob((blob) => resolve(blob ?? undefined), 'image/png') : resolve(undefined)));
    return () => {
      el.removeEventListener('pointerdown', down);
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
      el.removeEventListener('pointercancel', up);
      exportRef.current = undefined;
    };
  }, []);

  const clear = () => {
    const el = canvas.current;
    el?.getContext('2d')?.clearRect(0, 0, el.width, el.height);
    drawn.current = false;
    onDrawn(false);
  };

  return (
    <div class="field">
      <p id="signature-label">{label}</p>
      <canvas ref={canvas} class="signature" role="img" aria-labelledby="signature-label" data-testid="signature" />
      <button type="button" class="button" onClick={clear}>
        {t('consentClear')}
      </button>
    </div>
  );
}
