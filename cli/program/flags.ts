import { EXIT } from './exit-codes.ts';
import { UserError } from './user-error.ts';

/** A whole number in [min, max] from a flag, or a usage error naming the flag. */
export function integerFlag(flag: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = /^\s*\d+\s*$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UserError('SANDBOX_FLAG_INTEGER', { flag, min, max, value: raw }, EXIT.usage);
  }
  return value;
}

/** A share in [0, 1] from a flag (`0.2`, `.5`, `1`). */
export function rateFlag(flag: string, raw: string | undefined): number {
  if (raw === undefined) return 0;
  const value = /^\s*(\d+(\.\d*)?|\.\d+)\s*$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new UserError('SANDBOX_FLAG_RATE', { flag, value: raw }, EXIT.usage);
  }
  return value;
}

/** Web origins for CORS: scheme, host and port only. */
export function originFlags(flag: string, raws: readonly string[]): string[] {
  return raws.map((raw) => {
    let origin: string;
    try {
      origin = new URL(raw).origin;
    } catch {
      origin = 'null';
    }
    if (origin === 'null' || origin !== raw.replace(/\/$/, '')) {
      throw new UserError('SANDBOX_FLAG_ORIGIN', { flag, value: raw }, EXIT.usage);
    }
    return origin;
  });
}
